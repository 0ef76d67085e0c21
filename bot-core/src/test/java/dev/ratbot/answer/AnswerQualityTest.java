package dev.ratbot.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratbot.knowledge.KnowledgePackLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The engine's quality on the default pack, with the figures printed for the log.
 *
 * <p>dev-questions.jsonl is the project's shared development set (copied from the issue's
 * evaluation folder). private-questions.jsonl was written separately, in other words than the dev
 * set (misspellings, shouting, casual names, body parts, rat questions the guide does not answer,
 * off-topic ones) to guard generalisation: the engine is judged on held-out questions, so a change
 * that helps the dev set but hurts this one is overfitting.
 *
 * <p>blind-questions.jsonl was written last, after the engine reached its dev-set bar, and run once
 * before any change: the engine got 52% of its answerable questions right and declined 13 of 15
 * (its honest held-out figure at the time). The general fixes that followed (contractions as stop
 * words, food kinds naming the listed foods, scene-setting "when ..." clauses, FAQ answers exempt
 * from the pack-order prior) were made with it in view, so it now guards those fixes rather than
 * measuring generalisation.
 *
 * <p>fresh-questions.jsonl came last of all, the same way: on first run 80% right and 3 of 5
 * declined (a real word, "movie", was "corrected" into the guide's "move"; "losing" into "loving").
 * That led to protecting real English words from spelling correction and to preferring advice over
 * lists of signs for "how do I ..." questions.
 *
 * <p>tuning-questions.jsonl is half of an independent tester's held-out set (the other half stays
 * with the lead). On it the engine first got 35% of answerable questions right: ordinary chat words
 * ("from my breakfast", "is he sick??") vetoed otherwise matching questions. The mechanisms that
 * followed (everyday words weigh little in the decline gate while care topics still veto, owners'
 * vocabulary as synonym groups, headings read by their phrases, meaning questions preferring
 * interpretations) were made with it in view, so its bar guards them; it is not a measure of
 * generalisation any more.
 *
 * <p>probe-questions.jsonl was written after those mechanisms, from the guide alone, and run once:
 * 72% right, 10 of 15 near questions declined (near questions about growth, materials, salt licks,
 * how many rats per cage and pet food got through). The care-topic list and a few vocabulary groups
 * were widened after it. A second round was appended later and run once the same way: 75% right, 8
 * of 12 near questions declined (a clicking breath, a rat's sex and wild rats' food read as
 * covered). Both rounds are guards now, not measures.
 *
 * <p>Since the engine learns its decisions ({@code ratbot train}), every set above is also a
 * training set: their bars guard against regressions, they no longer measure generalisation. The
 * sets that do are {@code eval/owners-test.jsonl} and {@code eval/chat-test.jsonl} at the project's
 * root: owners' posts and chat messages written for the project and never trained on (see
 * eval/README.md), and {@code eval/owners-hard.jsonl}, written later to aim at the sections the
 * engine confuses, and {@code eval/owners-brief.jsonl}, written last in the way the real dev posts
 * read (short, the topic in the story, a generic question): the engine first scored it about as it
 * scores the real posts, 60% right. Their bars are the figures of the engine that introduced them.
 */
class AnswerQualityTest {
    private static AnswerEngine engine;

    @BeforeAll
    static void build() {
        engine = LuceneAnswerEngine.build(KnowledgePackLoader.loadDefault());
    }

    /**
     * Each set with the least share of answerable questions answered right, of near ones declined,
     * of health posts given the health reply and of off-topic ones declined (the issue asks for
     * all; chat-test.jsonl misses one, see the note).
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "dev-questions.jsonl              | 0.95 | 1.00 | 1.00 | 1.00",
                "private-questions.jsonl          | 0.75 | 0.85 | 1.00 | 1.00",
                "fresh-questions.jsonl            | 0.80 | 0.75 | 1.00 | 1.00",
                "blind-questions.jsonl            | 0.80 | 1.00 | 1.00 | 1.00",
                "tuning-questions.jsonl           | 0.80 | 1.00 | 1.00 | 1.00",
                "probe-questions.jsonl            | 0.75 | 0.90 | 1.00 | 1.00",
                "held-questions.jsonl             | 0.75 | 0.80 | 1.00 | 1.00",
                "chatty-questions.jsonl           | 0.55 | 1.00 | 1.00 | 1.00",
                "order-questions.jsonl            | 1.00 | 0.75 | 1.00 | 1.00",
                "../eval/owners-test.jsonl        | 0.60 | 0.90 | 0.85 | 1.00",
                "../eval/chat-test.jsonl          | 0.75 | 1.00 | 0.85 | 0.80",
                "../eval/owners-hard.jsonl        | 0.67 | 0.82 | 0.93 | 1.00",
                "../eval/owners-brief.jsonl       | 0.60 | 0.93 | 0.95 | 1.00",
            })
    void eachSetKeepsItsBar(
            String set, double rightBar, double nearBar, double healthBar, double offtopicBar) {
        EvalSet.Score score = EvalSet.load(set).score(engine);
        String report = score.report(set);
        System.out.println(report);
        assertTrue(score.rightShare() >= rightBar, report);
        assertTrue(score.nearDeclinedShare() >= nearBar, report);
        assertTrue(score.healthShare() >= healthBar, report);
        assertTrue(score.offtopicDeclined() >= offtopicBar * score.offtopic(), report);
        assertEquals(score.smallTalk(), score.smallTalkReplies(), report);
    }
}
