package dev.ratbot.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SubscribeArgumentsTest {

    private static SubscribeArguments ok(String text) {
        return SubscribeArguments.parse(text).value();
    }

    @Test
    void nothingMeansDefaults() {
        SubscribeArguments a = ok("");
        assertEquals(Optional.empty(), a.time());
        assertEquals(LocalTime.of(9, 0), a.timeOrDefault());
        assertEquals(ZoneId.of("UTC"), a.zoneOrDefault());
    }

    @Test
    void timeThenZoneInEitherOrderAndZonesWithSpaces() {
        assertEquals(
                new SubscribeArguments(
                        Optional.of(LocalTime.of(8, 0)), Optional.of(ZoneId.of("Europe/London"))),
                ok("08:00 Europe/London"));
        assertEquals(
                new SubscribeArguments(
                        Optional.of(LocalTime.of(7, 0)), Optional.of(ZoneId.of("Asia/Tokyo"))),
                ok("Tokyo 7am"));
        assertEquals(
                new SubscribeArguments(
                        Optional.of(LocalTime.of(20, 0)),
                        Optional.of(ZoneId.of("America/New_York"))),
                ok("8 pm new york"));
        assertEquals(
                new SubscribeArguments(Optional.of(LocalTime.of(21, 30)), Optional.empty()),
                ok("21:30"));
        assertEquals(
                new SubscribeArguments(
                        Optional.empty(), Optional.of(ZoneId.of("Australia/Sydney"))),
                ok("sydney"));
        assertEquals(
                new SubscribeArguments(
                        Optional.of(LocalTime.of(6, 0)), Optional.of(ZoneId.of("UTC+02:00"))),
                ok("6:00 +02:00"));
    }

    @Test
    void theCommandParsersTwoArgumentsWork() {
        assertEquals(
                ok("9:15 Europe/Paris"),
                SubscribeArguments.parse(Optional.of("9:15"), Optional.of("Europe/Paris")).value());
        assertEquals(ok(""), SubscribeArguments.parse(Optional.empty(), Optional.empty()).value());
    }

    @Test
    void badPartsAreRefusedWithTheRightHint() {
        assertHint("25:00 London", "HH:MM");
        assertHint("9:00 Atlantis", "Europe/London");
        assertHint("banana", "Europe/London");
        assertHint("1 2 3 4 5 6 7 8 9", "Europe/London");
        assertHint("@everyone <b>", "Europe/London");
    }

    private static void assertHint(String text, String expected) {
        ParseResult<SubscribeArguments> r = SubscribeArguments.parse(text);
        assertFalse(r.isParsed(), text);
        String hint = ((ParseResult.Refused<SubscribeArguments>) r).hint();
        assertTrue(hint.contains(expected), hint);
    }
}
