package dev.ratbot.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratbot.knowledge.KnowledgePackLoader;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever a user types, the engine returns a well-formed answer and never throws: random text of
 * any script, Lucene query syntax, control characters, emoji, huge messages. (Speed is measured by
 * AnswerBenchmark, not here.)
 */
class AnswerEnginePropertyTest {
    private static final LuceneAnswerEngine ENGINE =
            LuceneAnswerEngine.build(KnowledgePackLoader.loadDefault());
    private static final List<String> HOSTILE =
            List.of(
                    "AND",
                    "OR",
                    "NOT",
                    "(",
                    ")",
                    "*",
                    "?",
                    "~",
                    "^",
                    ":",
                    "\\",
                    "/",
                    "\"",
                    "[",
                    "]",
                    "{",
                    "}",
                    "!",
                    "&&",
                    "||",
                    "+",
                    "-",
                    "~2",
                    "^10",
                    "title:",
                    "body:*",
                    "\u0000",
                    "\u0007",
                    "\u001b[31m",
                    "\u200b",
                    "\u202e",
                    "\ud83d\udc00",
                    "\ud83d\udc80\u200d\ud83d\udd25",
                    "\ud800",
                    "\udfff",
                    "\u0301\u0301\u0301",
                    "@everyone",
                    "<b>",
                    "</script>",
                    "*bold*",
                    "_it_",
                    "`code`",
                    "\t",
                    "\r\n",
                    "rat",
                    "cage",
                    "bite",
                    "bruxing");

    @Property(tries = 300)
    void anyUnicodeTextGetsAValidAnswer(@ForAll("anyText") String question) {
        assertValid(question, ENGINE.answer(question));
    }

    @Property(tries = 300)
    void querySyntaxAndControlCharactersGetAValidAnswer(@ForAll("hostile") String question) {
        assertValid(question, ENGINE.answer(question));
    }

    @Property(tries = 200)
    void suggestNeverThrowsAndRespectsTheLimit(
            @ForAll("hostile") String prefix, @ForAll("limits") int max) {
        List<String> out = ENGINE.suggest(prefix, max);
        assertTrue(out.size() <= Math.max(0, Math.min(max, 25)));
    }

    @Example
    void aHundredKilobyteMessageGetsAValidAnswer() {
        String huge =
                "how do I hold my rat ".repeat(5000)
                        + "AND (cage OR \"bite\")~2 ^ * ? \\ / :".repeat(100);
        assertTrue(huge.length() > 100_000);
        assertValid(huge, ENGINE.answer(huge));
        String oneWord = "a".repeat(200_000);
        assertValid(oneWord, ENGINE.answer(oneWord));
    }

    @Example
    void otherScriptsAreDeclinedNotMisread() {
        for (String q :
                List.of(
                        "Как подружиться с крысой?",
                        "ネズミと仲良くなる方法",
                        "كيف أصادق فأري",
                        "\ud83d\udc00\ud83d\udc00\ud83d\udc00")) {
            assertValid(q, ENGINE.answer(q));
        }
    }

    @Provide
    Arbitrary<String> anyText() {
        return Arbitraries.strings().all().ofMaxLength(600);
    }

    @Provide
    Arbitrary<String> hostile() {
        Arbitrary<String> pieces =
                Arbitraries.oneOf(
                        Arbitraries.of(HOSTILE),
                        Arbitraries.strings().all().ofMaxLength(8),
                        Arbitraries.strings()
                                .withCharRange('a', 'z')
                                .ofMinLength(1)
                                .ofMaxLength(12));
        return pieces.list().ofMaxSize(80).map(parts -> String.join(" ", parts));
    }

    @Provide
    Arbitrary<Integer> limits() {
        return Arbitraries.integers().between(-5, 60);
    }

    private static void assertValid(String question, Answer a) {
        assertEquals(question, a.question());
        assertTrue(a.score() >= 0 && a.score() <= 1, "score " + a.score());
        assertTrue(a.related().size() <= 3);
        if (a.answered()) {
            assertTrue(
                    !a.blocks().isEmpty()
                            && a.section().isPresent()
                            && a.attribution().isPresent());
            assertTrue(a.text().length() <= 700, a.text());
        } else {
            assertTrue(a.blocks().isEmpty() && a.section().isEmpty());
        }
    }
}
