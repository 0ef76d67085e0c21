package dev.ratbot.console;

import java.time.Duration;
import java.util.Locale;

/**
 * The spans the overview charts cover, each in buckets small enough to read: hours for a day, days
 * otherwise.
 */
public enum Range {
    DAY(Duration.ofDays(1), Duration.ofHours(1), "Last 24 hours"),
    WEEK(Duration.ofDays(7), Duration.ofDays(1), "Last 7 days"),
    QUARTER(Duration.ofDays(90), Duration.ofDays(1), "Last 90 days");

    private final Duration span;
    private final Duration bucket;
    private final String label;

    Range(Duration span, Duration bucket, String label) {
        this.span = span;
        this.bucket = bucket;
        this.label = label;
    }

    public Duration span() {
        return span;
    }

    public Duration bucket() {
        return bucket;
    }

    public String label() {
        return label;
    }

    public int buckets() {
        return (int) (span.toMillis() / bucket.toMillis());
    }

    public String param() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The range a query parameter names; WEEK for anything else. */
    public static Range of(String param) {
        for (Range r : values()) if (r.param().equals(param)) return r;
        return WEEK;
    }
}
