package dev.ratbot.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The taught posts nearest a new one vote for their passage, or for "not covered", each by its
 * closeness.
 */
class ExemplarsTest {
    private static final double E = 1e-6;

    private static String line(String source, String passage, float... v) {
        return Exemplars.line(source, passage, v);
    }

    /** Taught posts from their lines, with the document number of each passage key. */
    private static Exemplars taught(Map<String, Integer> docs, String... lines) {
        return Exemplars.parse(String.join("\n", lines), docs);
    }

    private static final Exemplars TAUGHT =
            taught(
                    Map.of("gloves", 1, "treats", 2),
                    line("a", "gloves", 1, 0, 0),
                    line("b", "gloves", 0.8f, 0.6f, 0),
                    line("c", "-", 0, 1, 0),
                    // one post answered by two passages: one voter whose weight is shared
                    line("d", "gloves", 0, 0, 1),
                    line("d", "treats", 0, 0, 1));

    @Test
    void theNearestPostsVoteByCloseness() {
        Exemplars.Nearest n = TAUGHT.nearest(new float[] {1, 0, 0}, "new");
        double a = 1;
        double b = Math.exp((0.8 - 1) / Exemplars.VOTE_TEMPERATURE);
        double cd = Math.exp(-1 / Exemplars.VOTE_TEMPERATURE);
        double total = a + b + cd + cd;
        assertEquals((a + b + cd / 2) / total, n.voteFor(1), E);
        assertEquals(cd / 2 / total, n.voteFor(2), E);
        assertEquals(cd / total, n.noneVote(), E);
        assertEquals(1.0, n.of(1), E);
        assertEquals(0.0, n.uncovered(), E);
    }

    @Test
    void passagesAndTheirVotesComeInDocumentOrderSoTiesBreakTheSameWayInEveryRun() {
        Exemplars taught =
                taught(
                        Map.of("a", 7, "b", 3, "c", 11, "d", 5),
                        line("p", "c", 0, 0, 1),
                        line("p", "a", 0, 0, 1),
                        line("p", "b", 0, 0, 1),
                        line("q", "d", 1, 0, 0));
        Exemplars.Nearest n = taught.nearest(new float[] {0, 0, 1}, "new");
        assertEquals(List.of(3, 5, 7, 11), List.copyOf(n.byDoc().keySet()));
        assertEquals(List.of(3, 5, 7, 11), List.copyOf(n.votes().keySet()));
    }

    @Test
    void aPostNeverVotesForItself() {
        Exemplars.Nearest n = TAUGHT.nearest(new float[] {1, 0, 0}, "a");
        assertEquals(0.8, n.of(1), 1e-6);
    }

    @Test
    void onlyTheNearestPostsVote() {
        StringBuilder file = new StringBuilder(line("far", "-", 0.9f, 0.43589f, 0));
        for (int i = 0; i < Exemplars.VOTERS; i++)
            file.append('\n').append(line("near" + i, "gloves", 1, 0, 0));
        Exemplars.Nearest n =
                Exemplars.parse(file.toString(), Map.of("gloves", 1))
                        .nearest(new float[] {1, 0, 0}, "new");
        assertEquals(1.0, n.voteFor(1), E);
        assertEquals(0.0, n.noneVote(), E);
        assertEquals(0.9, n.uncovered(), 1e-5);
    }

    @Test
    void aRepeatedQuestionGetsItsVerdictAgainAndAnotherPostItsOwn() {
        float[] asked = {1, 0, 0};
        Exemplars.Nearest first = TAUGHT.nearest(asked, "new");

        assertSame(first, TAUGHT.nearest(asked, "new"));
        assertEquals(0.8, TAUGHT.nearest(asked, "a").of(1), 1e-6);
        assertEquals(first.voteFor(1), TAUGHT.nearest(new float[] {1, 0, 0}, "new").voteFor(1), E);
    }

    @Test
    void withoutTaughtPostsNobodyVotes() {
        Exemplars.Nearest n = Exemplars.EMPTY.nearest(new float[] {1, 0, 0}, "new");
        assertEquals(0.0, n.voteFor(1), E);
        assertEquals(0.0, n.noneVote(), E);
    }
}
