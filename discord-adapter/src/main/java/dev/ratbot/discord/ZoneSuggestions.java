package dev.ratbot.discord;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Time-zone completions for the {@code zone} options: region ids such as "Europe/London" matching
 * what was typed.
 */
final class ZoneSuggestions {

    private final List<String> zones =
            ZoneId.getAvailableZoneIds().stream()
                    .filter(
                            z ->
                                    z.contains("/")
                                            && !z.startsWith("Etc/")
                                            && !z.startsWith("SystemV/"))
                    .sorted()
                    .toList();

    List<String> suggest(String typed, int max) {
        String needle =
                typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT).replace(' ', '_');
        List<String> starts = new ArrayList<>();
        List<String> contains = new ArrayList<>();
        if (needle.isEmpty()) starts.add("UTC");
        for (String zone : zones) {
            String z = zone.toLowerCase(Locale.ROOT);
            if (z.startsWith(needle) || z.substring(z.indexOf('/') + 1).startsWith(needle))
                starts.add(zone);
            else if (z.contains(needle)) contains.add(zone);
        }
        if ("utc".startsWith(needle) && !needle.isEmpty()) starts.add(0, "UTC");
        starts.addAll(contains);
        return starts.size() > max ? List.copyOf(starts.subList(0, max)) : List.copyOf(starts);
    }
}
