package dev.ratbot.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The benchmark runs end to end and reports every figure; how fast is for the benchmark itself to
 * say.
 */
class AnswerBenchmarkTest {

    @Test
    void printsEveryFigureOnASmallRun() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AnswerBenchmark.run(new PrintStream(bytes, true, StandardCharsets.UTF_8), 2_000, 200, 50);
        String out = bytes.toString(StandardCharsets.UTF_8);
        for (String figure :
                new String[] {
                    "start to first answer",
                    "memory after load",
                    "resident",
                    "default pack, one thread",
                    "mixed questions and long posts that come again",
                    "every one distinct",
                    "peak resident so far",
                    "median",
                    "p99",
                    "questions/s",
                    "synthetic pack: ",
                    "2000 passages",
                    "synthetic pack, one thread"
                }) {
            assertTrue(out.contains(figure), figure + " missing in:\n" + out);
        }
    }

    @Test
    void theSyntheticPackHasTheRequestedNumberOfPassages() {
        var pack =
                SyntheticPack.grow(
                        dev.ratbot.knowledge.KnowledgePackLoader.loadDefault(), 1_234, 7);
        assertEquals(1_234, pack.sections().stream().mapToInt(s -> s.blocks().size()).sum());
        assertEquals(
                pack.sections().size(),
                pack.sections().stream().map(s -> s.id()).distinct().count());
    }
}
