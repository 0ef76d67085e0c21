package dev.ratbot.subscription;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the time zone a user typed: an IANA id in any case ({@code Europe/London}, {@code
 * america/new_york}), a city that ends an IANA id ({@code London}, {@code new york}, {@code Tokyo},
 * {@code buenos aires}; case, spaces and underscores do not matter), {@code UTC}/{@code GMT}, or a
 * UTC offset ({@code +02:00}, {@code -5}, {@code +0530}, {@code UTC+2}, {@code GMT-5}) between
 * -12:00 and +14:00. Anything else is refused with a hint (and suggestions when the text starts
 * like a known city). Offsets become fixed zones such as {@code UTC+02:00}: they do not follow
 * daylight saving, which the hint for cities mentions. Thread-safe.
 */
public final class ZoneParser {

    static final String HINT =
            "Please give a city such as London, New York or Tokyo, a zone such as Europe/London, "
                    + "or an offset from UTC such as +02:00 (a city follows daylight saving, an offset does not).";

    private static final Pattern OFFSET =
            Pattern.compile("(?:utc|gmt|ut)?\\s*([+\\-\u2212])\\s*(\\d{1,2})(?::?(\\d{2}))?");
    // Continents first: "istanbul" should mean Europe/Istanbul rather than a legacy alias.
    private static final List<String> PREFERRED =
            List.of(
                    "Europe/",
                    "America/",
                    "Asia/",
                    "Africa/",
                    "Australia/",
                    "Pacific/",
                    "Atlantic/",
                    "Indian/",
                    "Antarctica/");

    private static final Map<String, ZoneId> BY_ID = new HashMap<>();
    private static final Map<String, ZoneId> BY_CITY = new HashMap<>();

    static {
        List<String> ids = new ArrayList<>(ZoneId.getAvailableZoneIds());
        ids.sort(
                Comparator.comparingInt(ZoneParser::rank).thenComparing(Comparator.naturalOrder()));
        for (String id : ids) {
            ZoneId zone = ZoneId.of(id);
            BY_ID.putIfAbsent(id.toLowerCase(Locale.ROOT), zone);
            int slash = id.lastIndexOf('/');
            if (slash < 0 || id.startsWith("Etc/") || id.startsWith("SystemV/")) continue;
            BY_CITY.putIfAbsent(key(id.substring(slash + 1)), zone);
            BY_CITY.putIfAbsent(key(id), zone);
        }
    }

    private ZoneParser() {}

    public static ParseResult<ZoneId> parse(String text) {
        if (text == null || text.isBlank() || text.length() > 64) return ParseResult.refused(HINT);
        String s = text.strip().replaceAll("\\s+", " ");
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.equals("utc") || lower.equals("gmt") || lower.equals("z"))
            return ParseResult.parsed(ZoneId.of("UTC"));

        Matcher m = OFFSET.matcher(lower);
        if (m.matches()) return offset(m);

        ZoneId byId = BY_ID.get(lower);
        if (byId != null && lower.contains("/")) return ParseResult.parsed(byId);
        ZoneId byCity = BY_CITY.get(key(s));
        if (byCity != null) return ParseResult.parsed(byCity);
        if (byId != null && !isAbbreviation(s)) return ParseResult.parsed(byId);
        return ParseResult.refused(suggestions(key(s)) + HINT);
    }

    private static ParseResult<ZoneId> offset(Matcher m) {
        int hours = Integer.parseInt(m.group(2));
        int minutes = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
        boolean negative = !m.group(1).equals("+");
        if (minutes > 59
                || hours > 14
                || (negative && hours > 12)
                || (hours == 14 && minutes > 0)
                || (negative && hours == 12 && minutes > 0)) {
            return ParseResult.refused("Offsets run from -12:00 to +14:00. " + HINT);
        }
        int sign = negative ? -1 : 1;
        ZoneOffset offset = ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
        return ParseResult.parsed(ZoneId.ofOffset("UTC", offset));
    }

    /**
     * Old three-letter ids (EST, MST, HST) are fixed offsets that ignore daylight saving: ask for a
     * city instead.
     */
    private static boolean isAbbreviation(String s) {
        return s.length() <= 4 && s.chars().allMatch(Character::isLetter);
    }

    private static String suggestions(String key) {
        if (key.length() < 3) return "";
        List<String> found =
                BY_CITY.entrySet().stream()
                        .filter(e -> e.getKey().startsWith(key) && !e.getKey().contains("/"))
                        .map(e -> e.getValue().getId())
                        .distinct()
                        .sorted()
                        .limit(3)
                        .toList();
        return found.isEmpty() ? "" : "Did you mean " + String.join(", ", found) + "? ";
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT).replace('_', ' ').replaceAll("\\s+", " ").strip();
    }

    private static int rank(String id) {
        for (int i = 0; i < PREFERRED.size(); i++) {
            if (id.startsWith(PREFERRED.get(i))) return i;
        }
        return PREFERRED.size();
    }
}
