package dev.ratbot.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Chat shorthand is written out as whole words; every other word stays exactly as typed. */
class ShorthandTest {
    private static final Shorthand SHORT =
            Shorthand.parse(
                    List.of(
                            "wk, wks => weeks",
                            "bc, b/c, cuz => because",
                            "w/ => with",
                            "w/o => without",
                            "rn => right now"));

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "had him 2 wks, help | had him 2 weeks, help",
                "had him 2 WKS | had him 2 weeks",
                "she bites bc she's scared | she bites because she's scared",
                "she bites b/c she's scared | she bites because she's scared",
                "how do i hold him w/o getting bit | how do i hold him without getting bit",
                "sitting w/ me rn!! | sitting with me right now!!",
                "cuz. | because.",
                "(wk) | (weeks)",
            })
    void shorthandIsWrittenOut(String typed, String read) {
        assertEquals(read, SHORT.expand(typed));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "bcause he bites",
                "wkshop rats",
                "and/or",
                "24/7",
                "w/o/x",
                "abc bca",
                "'' ",
            })
    void aWordThatOnlyContainsShorthandStaysAsTyped(String typed) {
        String text = typed == null ? "" : typed;
        assertEquals(text, SHORT.expand(text));
    }

    @Test
    void aLineWithoutItsFullWordsIsAMistakeInThePackNamedWithItsFile() {
        IllegalArgumentException noArrow =
                assertThrows(IllegalArgumentException.class, () -> Shorthand.parse(List.of("wks")));
        IllegalArgumentException noWords =
                assertThrows(
                        IllegalArgumentException.class, () -> Shorthand.parse(List.of("wks =>")));

        assertEquals("the pack's shorthand.txt has a line without '=>': wks", noArrow.getMessage());
        assertEquals(
                "the pack's shorthand.txt has a line with nothing after '=>': wks =>",
                noWords.getMessage());
    }
}
