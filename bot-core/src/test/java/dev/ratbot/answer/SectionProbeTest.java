package dev.ratbot.answer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The section probe learns which section taught posts are about from their vectors, says so as a
 * log-probability over the uniform one, and judges a taught post only by a model that never saw it.
 */
class SectionProbeTest {
    private static final double E = 1e-6;
    private static final List<String> IDS = List.of("biting", "treats", "added-later");

    /**
     * Posts near axis 0 are about biting, near axis 1 about treats; axis 2 is noise. No post is
     * about the third section.
     */
    private static List<SectionProbe.Taught> taught() {
        List<SectionProbe.Taught> out = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            float noise = (i % 5) * 0.1f - 0.2f;
            out.add(post("bite" + i, new float[] {1, 0.1f, noise}, 1, 0));
            out.add(post("treat" + i, new float[] {0.1f, 1, noise}, 0, 1));
        }
        return out;
    }

    private static SectionProbe.Taught post(
            String source, float[] v, double biting, double treats) {
        return new SectionProbe.Taught(source, v, v, new double[] {biting, treats, 0});
    }

    @Test
    void aPostNearTheBitingOnesScoresBitingAboveUniformAndTreatsBelow() {
        double[] s = SectionProbe.fit(taught(), 3).focusScores(new float[] {0.9f, 0.2f, 0}, "new");
        assertTrue(s[0] > 0.3 && s[0] < Math.log(2) + E, "biting " + s[0]);
        assertTrue(s[1] < -0.3, "treats " + s[1]);
    }

    @Test
    void aSectionNoPostWasAboutSaysNothing() {
        double[] s = SectionProbe.fit(taught(), 3).focusScores(new float[] {0.9f, 0.2f, 0}, "new");
        assertEquals(0, s[2], 0);
    }

    @Test
    void theProbabilitiesOfTheTrainedSectionsAddUpToOne() {
        double[] s =
                SectionProbe.fit(taught(), 3).focusScores(new float[] {0.5f, 0.5f, 0.3f}, "new");
        assertEquals(1, (Math.exp(s[0]) + Math.exp(s[1])) / 2, E);
    }

    @Test
    void aTaughtPostIsJudgedByItsHeldOutScoresNotByTheFullModel() {
        SectionProbe probe = SectionProbe.fit(taught(), 3);
        float[] v = {1, 0.1f, -0.2f};
        double[] asTaught = probe.focusScores(v, "bite0");
        double[] asNew = probe.focusScores(v, "someone else");
        assertTrue(asTaught[0] > 0, "still about biting: " + asTaught[0]);
        assertTrue(asTaught[0] != asNew[0], "held out, not the full model's " + asNew[0]);
    }

    @Test
    void aWholePostIsReadByTheSameProbeAndATaughtOneHeldOut() {
        SectionProbe probe = SectionProbe.fit(taught(), 3);
        float[] v = {1, 0.1f, -0.2f};
        assertArrayEquals(probe.focusScores(v, "new"), probe.wholeScores(v, "new"), 0);
        assertTrue(probe.wholeScores(v, "bite0")[0] != probe.wholeScores(v, "new")[0]);
    }

    @Test
    void theFileReadsBackToTheSameScoresAndForgetsTheHeldOutOnes() {
        SectionProbe probe = SectionProbe.fit(taught(), 3);
        String file = probe.format(IDS, "test");
        SectionProbe read = SectionProbe.parse(file, IDS);
        float[] v = {1, 0.1f, -0.2f};
        assertArrayEquals(probe.focusScores(v, "new"), read.focusScores(v, "bite0"), 1e-5);
        assertEquals(2, file.lines().filter(l -> !l.startsWith("#")).count());
    }

    @Test
    void aSectionThePackNoLongerHasIsIgnoredAndANewOneSaysNothing() {
        String file = SectionProbe.fit(taught(), 3).format(IDS, "test");
        SectionProbe read = SectionProbe.parse(file, List.of("new-section", "treats"));
        double[] s = read.focusScores(new float[] {0.9f, 0.2f, 0}, "new");
        assertArrayEquals(new double[] {0, 0}, s, E);
    }

    @Test
    void withoutAVectorEverySectionScoresNothing() {
        assertArrayEquals(
                new double[] {0, 0, 0}, SectionProbe.fit(taught(), 3).focusScores(null, "new"), 0);
    }
}
