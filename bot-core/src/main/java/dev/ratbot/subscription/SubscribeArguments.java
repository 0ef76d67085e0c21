package dev.ratbot.subscription;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Optional;

/**
 * What {@code /subscribe [HH:MM] [zone]} asked for. Either part may be missing (keep the current
 * setting or use the default); the time may also come after the zone ({@code /subscribe Tokyo 7am})
 * and a zone may have spaces ({@code /subscribe 8:00 new york}).
 */
public record SubscribeArguments(Optional<LocalTime> time, Optional<ZoneId> zone) {

    public SubscribeArguments {
        time = time == null ? Optional.empty() : time;
        zone = zone == null ? Optional.empty() : zone;
    }

    /** The time, or {@link Subscription#DEFAULT_TIME}. */
    public LocalTime timeOrDefault() {
        return time.orElse(Subscription.DEFAULT_TIME);
    }

    /** The zone, or {@link Subscription#DEFAULT_ZONE}. */
    public ZoneId zoneOrDefault() {
        return zone.orElse(Subscription.DEFAULT_ZONE);
    }

    /** Parses the words after {@code /subscribe}; never throws. */
    public static ParseResult<SubscribeArguments> parse(String arguments) {
        String[] words =
                arguments == null || arguments.isBlank()
                        ? new String[0]
                        : arguments.strip().split("\\s+");
        if (words.length == 0)
            return ParseResult.parsed(new SubscribeArguments(Optional.empty(), Optional.empty()));
        if (words.length > 8)
            return ParseResult.refused("Try /subscribe 09:00 Europe/London. " + ZoneParser.HINT);
        // The time is one word ("9:00", "9am") or two ("9 am"), at the start or at the end.
        for (int timeWords = Math.min(2, words.length); timeWords >= 1; timeWords--) {
            ParseResult<LocalTime> first = TimeOfDayParser.parse(join(words, 0, timeWords));
            if (first.isParsed())
                return withZone(first.value(), join(words, timeWords, words.length));
            ParseResult<LocalTime> last =
                    TimeOfDayParser.parse(join(words, words.length - timeWords, words.length));
            if (last.isParsed() && words.length > timeWords)
                return withZone(last.value(), join(words, 0, words.length - timeWords));
        }
        String all = join(words, 0, words.length);
        if (looksLikeTime(words[0])) return ParseResult.refused(TimeOfDayParser.HINT);
        return ZoneParser.parse(all)
                .map(z -> new SubscribeArguments(Optional.empty(), Optional.of(z)));
    }

    /**
     * The two arguments as {@code CommandParser} splits them ({@code Command.Subscribe(time,
     * zone)}).
     */
    public static ParseResult<SubscribeArguments> parse(
            Optional<String> first, Optional<String> second) {
        return parse(first.orElse("") + " " + second.orElse(""));
    }

    private static ParseResult<SubscribeArguments> withZone(LocalTime time, String zoneText) {
        if (zoneText.isEmpty())
            return ParseResult.parsed(new SubscribeArguments(Optional.of(time), Optional.empty()));
        return ZoneParser.parse(zoneText)
                .map(z -> new SubscribeArguments(Optional.of(time), Optional.of(z)));
    }

    private static boolean looksLikeTime(String word) {
        return !word.isEmpty() && Character.isDigit(word.charAt(0)) && word.indexOf('/') < 0;
    }

    private static String join(String[] words, int from, int to) {
        return String.join(" ", Arrays.copyOfRange(words, from, to));
    }
}
