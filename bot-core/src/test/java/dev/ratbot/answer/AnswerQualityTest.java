package dev.ratbot.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratbot.knowledge.KnowledgePackLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The engine's quality on the default pack, with the figures printed for the log.
 *
 * <p>dev-questions.jsonl is the project's shared development set (copied from the evaluation folder).
 * private-questions.jsonl was written separately, in other words than the dev set (misspellings, shouting, casual
 * names, body parts, rat questions the guide does not answer, off-topic ones) to guard generalisation: the engine
 * is judged on held-out questions, so a change that helps the dev set but hurts this one is overfitting.
 *
 * <p>blind-questions.jsonl was written last, after the engine reached its dev-set bar, and run once before any
 * change: the engine got 52% of its answerable questions right and declined 13 of 15 (its honest held-out figure
 * at the time). The general fixes that followed (contractions as stop words, food kinds naming the listed foods,
 * scene-setting "when ..." clauses, FAQ answers exempt from the pack-order prior) were made with it in view, so it
 * now guards those fixes rather than measuring generalisation.
 *
 * <p>fresh-questions.jsonl came last of all, the same way: on first run 80% right and 3 of 5 declined (a real word,
 * "movie", was "corrected" into the guide's "move"; "losing" into "loving"). That led to protecting real English
 * words from spelling correction and to preferring advice over lists of signs for "how do I ..." questions.
 *
 * <p>tuning-questions.jsonl is half of an independent tester's held-out set (the other half stays with the lead).
 * On it the engine first got 35% of answerable questions right: ordinary chat words ("from my breakfast", "is he
 * sick??") vetoed otherwise matching questions. The mechanisms that followed (everyday words weigh little in the
 * decline gate while care topics still veto, owners' vocabulary as synonym groups, headings read by their phrases,
 * meaning questions preferring interpretations) were made with it in view, so its bar guards them; it is not a
 * measure of generalisation any more.
 *
 * <p>probe-questions.jsonl was written after those mechanisms, from the guide alone, and run once: 72% right, 10 of
 * 15 near questions declined (near questions about growth, materials, salt licks, how many rats per cage and pet
 * food got through). The care-topic list and a few vocabulary groups were widened after it. A second round was
 * appended later and run once the same way: 75% right, 8 of 12 near questions declined (a clicking breath, a rat's
 * sex and wild rats' food read as covered). Both rounds are guards now, not measures.
 */
class AnswerQualityTest {
    private static AnswerEngine engine;

    @BeforeAll
    static void build() {
        engine = LuceneAnswerEngine.build(KnowledgePackLoader.loadDefault());
    }

    @Test
    void devSetAtLeast95PercentRightAndEveryUncoveredQuestionDeclined() {
        EvalSet.Score score = EvalSet.load("dev-questions.jsonl").score(engine);
        String report = score.report("dev set");
        System.out.println(report);
        assertTrue(score.rightShare() >= 0.95, report);
        assertEquals(score.offtopic(), score.offtopicDeclined(), report);
        assertEquals(score.near(), score.nearDeclined(), report);
    }

    /** A lower bar than the dev set's, honestly: these questions were not used to build the synonym lists first. */
    @Test
    void privateSetAtLeast75PercentRightAllOffTopicAndMostNearDeclined() {
        EvalSet.Score score = EvalSet.load("private-questions.jsonl").score(engine);
        String report = score.report("private set");
        System.out.println(report);
        assertTrue(score.rightShare() >= 0.75, report);
        assertEquals(score.offtopic(), score.offtopicDeclined(), report);
        assertTrue(score.nearDeclined() >= 0.85 * score.near(), report);
    }

    @Test
    void freshSetAtLeast80PercentRightAndEveryUncoveredQuestionDeclined() {
        EvalSet.Score score = EvalSet.load("fresh-questions.jsonl").score(engine);
        String report = score.report("fresh set");
        System.out.println(report);
        assertTrue(score.rightShare() >= 0.80, report);
        assertEquals(score.offtopic(), score.offtopicDeclined(), report);
        assertEquals(score.near(), score.nearDeclined(), report);
    }

    @Test
    void blindSetAtLeast80PercentRightAndEveryUncoveredQuestionDeclined() {
        EvalSet.Score score = EvalSet.load("blind-questions.jsonl").score(engine);
        String report = score.report("blind set");
        System.out.println(report);
        assertTrue(score.rightShare() >= 0.80, report);
        assertEquals(score.offtopic(), score.offtopicDeclined(), report);
        assertEquals(score.near(), score.nearDeclined(), report);
    }

    @Test
    void tuningSetAtLeast80PercentRightAndEveryUncoveredQuestionDeclined() {
        EvalSet.Score score = EvalSet.load("tuning-questions.jsonl").score(engine);
        String report = score.report("tuning set");
        System.out.println(report);
        assertTrue(score.rightShare() >= 0.80, report);
        assertEquals(score.offtopic(), score.offtopicDeclined(), report);
        assertEquals(score.near(), score.nearDeclined(), report);
    }

    @Test
    void probeSetAtLeast75PercentRightAndEveryUncoveredQuestionDeclined() {
        EvalSet.Score score = EvalSet.load("probe-questions.jsonl").score(engine);
        String report = score.report("probe set");
        System.out.println(report);
        assertTrue(score.rightShare() >= 0.75, report);
        assertEquals(score.offtopic(), score.offtopicDeclined(), report);
        assertTrue(score.nearDeclined() >= 0.9 * score.near(), report);
    }

    /**
     * held-questions.jsonl was written from the guide alone before the sign-intent, corrected-intent and quantity
     * changes, and run once: 76% right, off-topic 2/2, near 4/5 ("what temperature should my rats room be" got
     * through). Its bar is that first figure, not a tuned one.
     */
    @Test
    void heldSetAtLeastBarRightAndMostUncoveredQuestionsDeclined() {
        EvalSet.Score score = EvalSet.load("held-questions.jsonl").score(engine);
        String report = score.report("held set");
        System.out.println(report);
        assertTrue(score.rightShare() >= 0.75, report);
        assertEquals(score.offtopic(), score.offtopicDeclined(), report);
        assertTrue(score.nearDeclined() >= 0.8 * score.near(), report);
    }

    /**
     * chatty-questions.jsonl: long, chatty owner messages and uncovered care topics, written from the guide alone
     * before the content-word and clear-winner changes, and run once: 10 of 18 answerable right (55.6%), off-topic
     * 1/1 and near 7/7 declined. Its bar is that first figure.
     */
    @Test
    void chattySetAtLeastBarRightAndUncoveredQuestionsDeclined() {
        EvalSet.Score score = EvalSet.load("chatty-questions.jsonl").score(engine);
        String report = score.report("chatty set");
        System.out.println(report);
        assertTrue(score.rightShare() >= 0.55, report);
        assertEquals(score.offtopic(), score.offtopicDeclined(), report);
        assertEquals(score.near(), score.nearDeclined(), report);
    }

    /**
     * order-questions.jsonl: written from the guide alone before the spelling-order and passage-choice changes, and
     * run once: 16 of 16 answerable right, off-topic 2/2 and near 3/4 declined ("where can i buy a rat cage" got
     * through). Its bar is that first figure.
     */
    @Test
    void orderSetAtLeastBarRightAndUncoveredQuestionsDeclined() {
        EvalSet.Score score = EvalSet.load("order-questions.jsonl").score(engine);
        String report = score.report("order set");
        System.out.println(report);
        assertTrue(score.rightShare() >= 1.0, report);
        assertEquals(score.offtopic(), score.offtopicDeclined(), report);
        assertTrue(score.nearDeclined() >= 0.75 * score.near(), report);
    }
}
