package dev.ratbot.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratbot.telegram.fake.TelegramHtmlChecker;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlMessageSplitterTest {

    private final HtmlMessageSplitter splitter = new HtmlMessageSplitter(4096);

    @Test
    void shortPiecesShareOneMessageSeparatedByBlankLines() throws Exception {
        List<String> messages =
                splitter.split(
                        List.of(
                                new Piece("Title", Piece.Style.BOLD),
                                new Piece("Body & more", Piece.Style.PLAIN)));
        assertEquals(List.of("<b>Title</b>\n\nBody &amp; more"), messages);
        assertEquals("Title\n\nBody & more", TelegramHtmlChecker.visibleText(messages.get(0)));
    }

    @Test
    void splitsOnParagraphBoundariesWhenTogetherTheyAreTooLong() throws Exception {
        String first = "a".repeat(3000);
        String second = "b".repeat(3000);
        List<String> messages =
                splitter.split(
                        List.of(
                                new Piece(first, Piece.Style.PLAIN),
                                new Piece(second, Piece.Style.PLAIN)));
        assertEquals(List.of(first, second), messages);
    }

    @Test
    void fillsUpToTheLimitExactly() {
        // 2046 + 2 (separator) + 2048 = 4096: still one message; one more character makes two.
        List<Piece> exact =
                List.of(
                        new Piece("a".repeat(2046), Piece.Style.PLAIN),
                        new Piece("b".repeat(2048), Piece.Style.PLAIN));
        assertEquals(1, splitter.split(exact).size());
        List<Piece> over =
                List.of(
                        new Piece("a".repeat(2047), Piece.Style.PLAIN),
                        new Piece("b".repeat(2048), Piece.Style.PLAIN));
        assertEquals(2, splitter.split(over).size());
    }

    @Test
    void aLongParagraphIsCutAtSpacesAndEveryPartKeepsItsStyle() throws Exception {
        String words =
                "rats <love> & treats ".repeat(400).strip(); // 8,399 characters of markup-like text
        List<String> messages = splitter.split(List.of(new Piece(words, Piece.Style.ITALIC)));
        assertTrue(messages.size() >= 3);
        StringBuilder rejoined = new StringBuilder();
        for (String m : messages) {
            assertTrue(m.startsWith("<i>") && m.endsWith("</i>"), m.substring(0, 20));
            String visible = TelegramHtmlChecker.visibleText(m);
            assertTrue(visible.length() <= 4096);
            assertFalse(visible.startsWith(" ") || visible.endsWith(" "));
            if (!rejoined.isEmpty()) rejoined.append(' ');
            rejoined.append(visible);
        }
        assertEquals(words, rejoined.toString());
    }

    @Test
    void aListIsCutBetweenItsLines() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 200; i++)
            lines.add("\u2022 item number " + i + " with some words to make it longer");
        String list = String.join("\n", lines);
        List<String> messages = splitter.split(List.of(new Piece(list, Piece.Style.PLAIN)));
        assertTrue(messages.size() >= 2);
        for (String m : messages) {
            assertTrue(m.startsWith("\u2022 item number "), "each part starts with a whole item");
            assertTrue(m.endsWith("longer"), "each part ends with a whole item");
        }
    }

    @Test
    void neverCutsASurrogatePair() throws Exception {
        String rats = "\uD83D\uDC00".repeat(3000); // 6,000 UTF-16 units, no spaces
        List<String> messages = splitter.split(List.of(new Piece("x" + rats, Piece.Style.PLAIN)));
        assertEquals(2, messages.size());
        for (String m : messages) {
            String visible = TelegramHtmlChecker.visibleText(m);
            assertTrue(visible.length() <= 4096);
            assertFalse(Character.isLowSurrogate(visible.charAt(0)), "starts with half a pair");
            assertFalse(
                    Character.isHighSurrogate(visible.charAt(visible.length() - 1)),
                    "ends with half a pair");
        }
        assertEquals("x" + rats, messages.get(0) + messages.get(1));
    }

    @Test
    void blankPiecesVanish() {
        assertEquals(List.of(), splitter.split(List.of(new Piece("  \n ", Piece.Style.BOLD))));
    }
}
