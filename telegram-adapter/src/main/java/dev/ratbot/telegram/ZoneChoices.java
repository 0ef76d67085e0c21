package dev.ratbot.telegram;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The time zones offered as buttons after /subscribe, by the language the user's Telegram app is
 * set to ({@code language_code}): the zones most people who write that language live in. Unknown
 * languages get a spread around the world. The user can always type any zone.
 */
final class ZoneChoices {

    private static final List<String> WORLD =
            List.of("Europe/London", "America/New_York", "America/Los_Angeles", "Australia/Sydney");

    private static final Map<String, List<String>> BY_LANGUAGE =
            Map.ofEntries(
                    Map.entry(
                            "en",
                            List.of(
                                    "Europe/London",
                                    "America/New_York",
                                    "America/Chicago",
                                    "America/Los_Angeles",
                                    "Australia/Sydney")),
                    Map.entry("de", List.of("Europe/Berlin", "Europe/Vienna", "Europe/Zurich")),
                    Map.entry(
                            "fr",
                            List.of(
                                    "Europe/Paris",
                                    "Europe/Brussels",
                                    "America/Toronto",
                                    "Europe/Zurich")),
                    Map.entry(
                            "es",
                            List.of(
                                    "Europe/Madrid",
                                    "America/Mexico_City",
                                    "America/Bogota",
                                    "America/Argentina/Buenos_Aires")),
                    Map.entry("pt", List.of("America/Sao_Paulo", "Europe/Lisbon")),
                    Map.entry("it", List.of("Europe/Rome")),
                    Map.entry("nl", List.of("Europe/Amsterdam", "Europe/Brussels")),
                    Map.entry("pl", List.of("Europe/Warsaw")),
                    Map.entry(
                            "ru",
                            List.of(
                                    "Europe/Moscow",
                                    "Asia/Yekaterinburg",
                                    "Asia/Novosibirsk",
                                    "Asia/Vladivostok")),
                    Map.entry("uk", List.of("Europe/Kyiv")),
                    Map.entry("tr", List.of("Europe/Istanbul")),
                    Map.entry("ja", List.of("Asia/Tokyo")),
                    Map.entry("ko", List.of("Asia/Seoul")),
                    Map.entry(
                            "zh",
                            List.of(
                                    "Asia/Shanghai",
                                    "Asia/Taipei",
                                    "Asia/Hong_Kong",
                                    "Asia/Singapore")),
                    Map.entry("hi", List.of("Asia/Kolkata")),
                    Map.entry("id", List.of("Asia/Jakarta")),
                    Map.entry("ar", List.of("Asia/Riyadh", "Africa/Cairo", "Asia/Dubai")),
                    Map.entry("sv", List.of("Europe/Stockholm")),
                    Map.entry("fi", List.of("Europe/Helsinki")),
                    Map.entry("no", List.of("Europe/Oslo")),
                    Map.entry("nb", List.of("Europe/Oslo")),
                    Map.entry("da", List.of("Europe/Copenhagen")),
                    Map.entry("cs", List.of("Europe/Prague")),
                    Map.entry("el", List.of("Europe/Athens")),
                    Map.entry("he", List.of("Asia/Jerusalem")));

    private ZoneChoices() {}

    /** Up to four zones for a language code such as "en", "pt-br" or "de"; never empty. */
    static List<String> forLanguage(String languageCode) {
        String lang = languageCode == null ? "" : languageCode.toLowerCase(Locale.ROOT);
        if (lang.equals("pt-br")) return List.of("America/Sao_Paulo", "America/Manaus");
        if (lang.equals("en-gb")) return List.of("Europe/London", "Europe/Dublin");
        int dash = lang.indexOf('-');
        List<String> zones =
                BY_LANGUAGE.getOrDefault(dash > 0 ? lang.substring(0, dash) : lang, WORLD);
        return zones.size() <= 4 ? zones : zones.subList(0, 4);
    }

    /** A button label: the zone's place, e.g. "Buenos Aires" for America/Argentina/Buenos_Aires. */
    static String label(String zone) {
        return "\uD83C\uDF0D " + zone.substring(zone.lastIndexOf('/') + 1).replace('_', ' ');
    }
}
