package dev.ratbot.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Greetings, thanks, nods and emoji are small talk; anything that asks about something is not. */
class SmallTalkTest {
    private static final SmallTalk TALK =
            SmallTalk.parse(
                    List.of(
                            "greeting: hi hello hey there good morning everyone",
                            "thanks: thanks thank you ty so much",
                            "ack: ok lol cool"));

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "hi | true",
                "Hello there! | true",
                "thank you so much!! | true",
                "helloooo | true",
                "tyy | true",
                "ok | true",
                "lol | true",
                "\uD83D\uDC00\u2764\uFE0F | true",
                "!!! | true",
                "hi, how do I hold my rat? | false",
                "thanks, but why does he bite? | false",
                "ok so my rat bites | false",
                "'' | false",
                "hi hi hi hi hi hi hi hi hi | false",
            })
    void smallTalkIsOnlySmallTalkWords(String text, boolean smallTalk) {
        assertEquals(smallTalk, TALK.isSmallTalk(text), text);
    }
}
