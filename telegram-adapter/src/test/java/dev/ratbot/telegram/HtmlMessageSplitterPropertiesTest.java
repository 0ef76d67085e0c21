package dev.ratbot.telegram;

import dev.ratbot.telegram.fake.TelegramHtmlChecker;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Whatever text goes in (markup characters, emoji, other scripts, long runs without spaces), every
 * message the splitter makes is HTML that Telegram accepts, within the limit, and together they say
 * exactly what went in.
 */
class HtmlMessageSplitterPropertiesTest {

    @Property(tries = 300)
    void everyMessageIsAcceptedAndNothingIsLost(
            @ForAll("pieces") @Size(min = 1, max = 8) List<Piece> pieces,
            @ForAll @IntRange(min = 16, max = 600) int limit)
            throws Exception {
        List<String> messages = new HtmlMessageSplitter(limit).split(pieces);
        StringBuilder shown = new StringBuilder();
        for (String html : messages) {
            String visible = TelegramHtmlChecker.visibleText(html);
            if (visible.length() > limit)
                throw new AssertionError("over the limit: " + visible.length());
            if (visible.isBlank()) throw new AssertionError("an empty message");
            if (Character.isLowSurrogate(visible.charAt(0))
                    || Character.isHighSurrogate(visible.charAt(visible.length() - 1))) {
                throw new AssertionError("half a surrogate pair at a message edge");
            }
            shown.append(visible);
        }
        String expected = String.join("", pieces.stream().map(Piece::plain).toList());
        if (!squeeze(expected).equals(squeeze(shown.toString())))
            throw new AssertionError("text changed");
    }

    @Provide
    Arbitrary<List<Piece>> pieces() {
        Arbitrary<String> text =
                Arbitraries.oneOf(
                        Arbitraries.strings().withChars("ab <>&\"'\n\t").ofMaxLength(900),
                        Arbitraries.strings().withChars("xy ").ofMaxLength(2000),
                        // Long runs of emoji without a space: the cut must fall between pairs.
                        Arbitraries.of("\uD83D\uDC00", "\uD83E\uDDC0", "\u00E9", "\u4E2D", "\u0645")
                                .list()
                                .ofMaxSize(1500)
                                .map(l -> String.join("", l)),
                        Arbitraries.strings()
                                .ofMaxLength(300)
                                .map(HtmlMessageSplitterPropertiesTest::pairUp));
        Arbitrary<Piece.Style> style = Arbitraries.of(Piece.Style.class);
        return net.jqwik.api.Combinators.combine(text, style).as(Piece::new).list();
    }

    /**
     * Random strings may hold lone surrogates, which no chat message does; keep only whole pairs.
     */
    private static String pairUp(String s) {
        StringBuilder out = new StringBuilder();
        s.codePoints().filter(cp -> !(cp >= 0xD800 && cp <= 0xDFFF)).forEach(out::appendCodePoint);
        return out.toString();
    }

    /** The splitter may drop whitespace where it cuts; everything else must survive in order. */
    private static String squeeze(String s) {
        StringBuilder out = new StringBuilder();
        s.codePoints().filter(cp -> !Character.isWhitespace(cp)).forEach(out::appendCodePoint);
        return out.toString();
    }
}
