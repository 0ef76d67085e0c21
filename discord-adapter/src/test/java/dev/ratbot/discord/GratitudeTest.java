package dev.ratbot.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Which replies to the bot are only thanks or a reaction (never answered with the refusal), and
 * which are questions.
 */
class GratitudeTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            thanks!                          | THANKS
            Thank you so much, Ratbot 🙏      | THANKS
            ty                               | THANKS
            cheers mate :)                   | THANKS
            👍                               | REACTION
            🐀🐀❤️                            | REACTION
            <:ratlove:123456789012345678>    | REACTION
            ok cool                          | REACTION
            thanks, but how do I trim nails? | NEITHER
            how do I hold my rat?            | NEITHER
            thank god rats can't read, how do they learn tricks | NEITHER
            ''                               | NEITHER
            """)
    void aReplyIsThanksAReactionOrAQuestion(String text, Gratitude.Kind expected) {
        assertEquals(expected, Gratitude.of(text));
    }
}
