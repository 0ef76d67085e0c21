package dev.ratbot.conversation;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the time and zone a user typed after /subscribe, and finds the next delivery. */
final class TimeAndZone {

    static final String TIME_HINT = "Use 24-hour HH:MM, e.g. 08:00 or 21:30.";
    static final String ZONE_HINT = "Use a zone like Europe/London, a city like Tokyo, or an offset like +02:00.";

    private static final Pattern TIME = Pattern.compile("(\\d{1,2})(?:[:.h](\\d{2}))?\\s*(am|pm)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern OFFSET = Pattern.compile("(?:utc|gmt)?([+-])(\\d{1,2})(?::?(\\d{2}))?", Pattern.CASE_INSENSITIVE);

    private TimeAndZone() {
    }

    static Optional<LocalTime> parseTime(String text) {
        Matcher m = TIME.matcher(text.strip());
        if (!m.matches()) return Optional.empty();
        int hour = Integer.parseInt(m.group(1));
        int minute = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
        String half = m.group(3);
        if (m.group(2) == null && half == null) return Optional.empty();
        if (half != null) {
            if (hour < 1 || hour > 12) return Optional.empty();
            hour = hour % 12 + (half.equalsIgnoreCase("pm") ? 12 : 0);
        }
        if (hour > 23 || minute > 59) return Optional.empty();
        return Optional.of(LocalTime.of(hour, minute));
    }

    static Optional<ZoneId> parseZone(String text) {
        String t = text.strip();
        if (t.isEmpty() || t.length() > 64) return Optional.empty();
        if (t.equalsIgnoreCase("utc") || t.equalsIgnoreCase("gmt") || t.equalsIgnoreCase("z")) return Optional.of(ZoneId.of("UTC"));
        Matcher m = OFFSET.matcher(t);
        if (m.matches()) {
            try {
                int hours = Integer.parseInt(m.group(2));
                int minutes = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
                int sign = m.group(1).equals("-") ? -1 : 1;
                return Optional.of(ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes));
            } catch (DateTimeException e) {
                return Optional.empty();
            }
        }
        String wanted = normalise(t);
        for (String id : ZoneId.getAvailableZoneIds()) {
            if (normalise(id).equals(wanted)) return Optional.of(ZoneId.of(id));
        }
        for (String id : ZoneId.getAvailableZoneIds()) {
            int slash = id.lastIndexOf('/');
            if (slash > 0 && !id.startsWith("Etc/") && !id.startsWith("SystemV/") && normalise(id.substring(slash + 1)).equals(wanted)) {
                return Optional.of(ZoneId.of(id));
            }
        }
        return Optional.empty();
    }

    /** The next moment at {@code time} in {@code zone} strictly after {@code now}; a time skipped by DST moves forward. */
    static ZonedDateTime nextOccurrence(LocalTime time, ZoneId zone, Instant now) {
        LocalDate day = now.atZone(zone).toLocalDate();
        ZonedDateTime candidate = ZonedDateTime.of(day, time, zone);
        return candidate.toInstant().isAfter(now) ? candidate : ZonedDateTime.of(day.plusDays(1), time, zone);
    }

    private static String normalise(String s) {
        return s.toLowerCase(java.util.Locale.ROOT).replace('_', ' ').replace('-', ' ').replaceAll("\\s+", " ").strip();
    }
}
