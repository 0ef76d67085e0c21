package dev.ratbot.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ZoneParserTest {

    @ParameterizedTest
    @CsvSource({
        "Europe/London, Europe/London",
        "europe/london, Europe/London",
        "America/New_York, America/New_York",
        "London, Europe/London",
        "LONDON, Europe/London",
        "new york, America/New_York",
        "New_York, America/New_York",
        "'  new   YORK ', America/New_York",
        "tokyo, Asia/Tokyo",
        "Sydney, Australia/Sydney",
        "buenos aires, America/Argentina/Buenos_Aires",
        "Kiritimati, Pacific/Kiritimati",
        "pago pago, Pacific/Pago_Pago",
        "Istanbul, Europe/Istanbul",
        "UTC, UTC",
        "gmt, UTC",
        "Z, UTC"
    })
    void readsIdsAndCities(String text, String expected) {
        assertEquals(ZoneId.of(expected), ZoneParser.parse(text).value());
    }

    @ParameterizedTest
    @CsvSource({
        "+02:00, UTC+02:00", "+2, UTC+02:00", "-5, UTC-05:00", "UTC+2, UTC+02:00",
                "GMT-5, UTC-05:00",
        "utc +05:30, UTC+05:30", "+0530, UTC+05:30", "+14:00, UTC+14:00", "-12, UTC-12:00",
                "\u22123, UTC-03:00",
        "+00:00, UTC"
    })
    void readsOffsets(String text, String expected) {
        assertEquals(ZoneId.of(expected), ZoneParser.parse(text).value());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "   ",
                "Mars/Olympus",
                "atlantis",
                "+15",
                "-13",
                "+14:30",
                "+02:75",
                "EST",
                "BST",
                "@everyone",
                "<script>",
                "Europe/London; DROP TABLE",
                "title:foo~",
                "🐀",
                "a/b/c/d"
            })
    void refusesGarbageWithAHint(String text) {
        ParseResult<ZoneId> result = ZoneParser.parse(text);
        assertFalse(result.isParsed(), text);
        assertTrue(((ParseResult.Refused<ZoneId>) result).hint().contains("Europe/London"));
    }

    @Test
    void suggestsCitiesThatStartLikeTheInput() {
        String hint = ((ParseResult.Refused<ZoneId>) ZoneParser.parse("Los Ang")).hint();
        assertTrue(hint.contains("America/Los_Angeles"), hint);
    }

    @Test
    void refusesNullAndHugeInput() {
        assertFalse(ZoneParser.parse(null).isParsed());
        assertFalse(ZoneParser.parse("London".repeat(20_000)).isParsed());
    }
}
