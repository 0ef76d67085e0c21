package dev.ratbot.answer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The answer thresholds are chosen against the uncovered posts without illness: whether the health
 * threshold catches the health posts must not move them.
 */
class DecisionTrainerThresholdsTest {

    private static DecisionTrainer.Judged post(
            String kind, boolean health, double covered, double healthCues) {
        DecisionTrainer.Example example =
                new DecisionTrainer.Example(
                        "post", kind.equals("in") ? List.of("x") : null, kind, health);
        DecisionTrainer.Row row =
                new DecisionTrainer.Row(
                        example,
                        new double[Signals.NAMES.size()],
                        kind.equals("in"),
                        healthCues,
                        "",
                        null,
                        null);
        return new DecisionTrainer.Judged(row, covered, covered, health ? 0.9 : 0);
    }

    /**
     * Five answerable posts and eight uncovered ones, one of which reads as covered (7 of 8
     * declined, above the bar), plus two health posts that read as covered too.
     */
    private static List<DecisionTrainer.Judged> posts(double healthCues) {
        List<DecisionTrainer.Judged> out = new ArrayList<>();
        for (int i = 0; i < 5; i++) out.add(post("in", false, 0.8, 0));
        for (int i = 0; i < 7; i++) out.add(post("near", false, 0.2, 0));
        out.add(post("near", false, 0.8, 0));
        out.add(post("near", true, 0.8, healthCues));
        out.add(post("near", true, 0.8, healthCues));
        return out;
    }

    @Test
    void healthPostsTheHealthThresholdMissesDoNotTightenTheAnswerThresholds() {
        double[] caught = DecisionTrainer.thresholds(posts(1), 0.5);
        double[] missed = DecisionTrainer.thresholds(posts(0), 0.5);

        assertArrayEquals(new double[] {0.3, 0.5}, caught);
        assertArrayEquals(caught, missed);
    }
}
