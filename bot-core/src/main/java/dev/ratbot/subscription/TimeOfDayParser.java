package dev.ratbot.subscription;

import java.time.LocalTime;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the time of day a user typed for their daily tip: 24-hour {@code 9:00}, {@code 09:00},
 * {@code 21:30}, {@code 21.30}, a bare hour {@code 9}, or 12-hour {@code 9am}, {@code 9:30 pm},
 * {@code 12am} (midnight). Anything else is refused with a hint. Thread-safe and stateless.
 */
public final class TimeOfDayParser {

    static final String HINT =
            "Please give the time as HH:MM on a 24-hour clock, for example 09:00 or 21:30 (9am and 9pm work too).";

    private static final Pattern TIME =
            Pattern.compile("(\\d{1,2})(?:[:.h](\\d{2}))?\\s*(am|pm|a\\.m\\.|p\\.m\\.)?");

    private TimeOfDayParser() {}

    public static ParseResult<LocalTime> parse(String text) {
        if (text == null) return ParseResult.refused(HINT);
        String s = text.strip().toLowerCase(Locale.ROOT);
        if (s.length() > 16) return ParseResult.refused(HINT);
        Matcher m = TIME.matcher(s);
        if (!m.matches()) return ParseResult.refused(HINT);
        int hour = Integer.parseInt(m.group(1));
        int minute = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
        String half = m.group(3);
        if (minute > 59) return ParseResult.refused(HINT);
        if (half != null) {
            if (hour < 1 || hour > 12)
                return ParseResult.refused(
                        "With am/pm the hour runs from 1 to 12, for example 9am or 9:30pm. "
                                + HINT);
            hour = hour % 12 + (half.startsWith("p") ? 12 : 0);
        } else if (hour > 23) {
            return ParseResult.refused(HINT);
        }
        return ParseResult.parsed(LocalTime.of(hour, minute));
    }
}
