package dev.ratbot.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimeOfDayParserTest {

    @ParameterizedTest
    @CsvSource({
        "9:00, 09:00", "09:00, 09:00", "21:30, 21:30", "0:00, 00:00", "23:59, 23:59", "7.45, 07:45",
        "9, 09:00", "9am, 09:00", "9pm, 21:00", "9:30 PM, 21:30", "12am, 00:00", "12pm, 12:00",
        "12:15am, 00:15", "11 p.m., 23:00", "' 08:05 ', 08:05"
    })
    void readsCommonWaysOfWritingATime(String text, String expected) {
        assertEquals(LocalTime.parse(expected), TimeOfDayParser.parse(text).value());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "  ",
                "24:00",
                "9:60",
                "25",
                "13pm",
                "0am",
                "9:5",
                "nine",
                "9:00:00",
                "-1:00",
                "٩:٠٠",
                "09:00\u0000",
                "@everyone",
                "<b>9</b>",
                "9:00 tomorrow",
                "title:9~"
            })
    void refusesGarbageWithAHint(String text) {
        ParseResult<LocalTime> result = TimeOfDayParser.parse(text);
        assertFalse(result.isParsed(), text);
        assertTrue(((ParseResult.Refused<LocalTime>) result).hint().contains("09:00"));
    }

    @org.junit.jupiter.api.Test
    void refusesNullAndHugeInput() {
        assertFalse(TimeOfDayParser.parse(null).isParsed());
        assertFalse(TimeOfDayParser.parse("9".repeat(100_000)).isParsed());
    }
}
