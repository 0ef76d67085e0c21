package dev.ratbot.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratbot.answer.Answer;
import dev.ratbot.answer.LuceneAnswerEngine;
import dev.ratbot.answer.SectionRef;
import dev.ratbot.knowledge.KnowledgePack;
import dev.ratbot.knowledge.KnowledgePackLoader;
import dev.ratbot.store.Database;
import dev.ratbot.store.TestDatabases;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What operators teach reaches the engine at once, without changing the engine or the pack files.
 */
class OperatorKnowledgeTest {

    static final String CHEESE = "Can rats eat cheese?";
    static final String CHEESE_ANSWER =
            "A little hard cheese now and then is fine.\n\nNever blue cheese: its mould can harm them.";

    @TempDir Path dir;
    private Database db;
    private OperatorEntries entries;
    private OperatorKnowledge knowledge;
    private static final KnowledgePack PACK = KnowledgePackLoader.loadDefault();
    private static final LuceneAnswerEngine PLAIN = LuceneAnswerEngine.build(PACK);

    @BeforeEach
    void open() {
        db = TestDatabases.sqlite(dir);
        entries = new OperatorEntries(db, Clock.systemUTC());
        knowledge = new OperatorKnowledge(PACK, PLAIN, entries, LuceneAnswerEngine::build);
    }

    @AfterEach
    void close() {
        knowledge.close();
        db.close();
    }

    /**
     * Everything the bot serves passes through the operators' knowledge, so it must hand on the
     * engine's kind of reply as it is: "hi" is small talk, a bleeding rat the health reply, an
     * unsure match "likely", never flattened into a passage or a refusal.
     */
    @ParameterizedTest
    @CsvSource({
        "hi!, SMALL_TALK",
        "thanks so much, SMALL_TALK",
        "my rat has blood around her nose and is breathing weird, HEALTH",
        "How do I hold my rat properly?, SURE",
        "what is the capital of france, NOT_COVERED",
    })
    void theEnginesKindOfReplyIsKept(String question, Answer.Verdict verdict) {
        assertEquals(verdict, PLAIN.answer(question).verdict(), "the engine's own verdict");

        assertEquals(verdict, knowledge.answer(question).verdict());
    }

    @Test
    void aLikelyAnswerStaysLikely() {
        String unsure =
                "during playtime where should they get water? the water bottle is in the cage and"
                        + " theyre out for like 2 hrs in the evening";
        assertEquals(Answer.Verdict.LIKELY, PLAIN.answer(unsure).verdict(), "the engine is unsure");

        assertEquals(Answer.Verdict.LIKELY, knowledge.answer(unsure).verdict());
    }

    @Test
    void theGuideAloneDoesNotCoverCheeseButAnOperatorAnswerDoesAtOnceAndIsCreditedToTheOperators() {
        assertFalse(
                knowledge.answer("can my rats eat cheese").answered(),
                "the guide does not cover cheese");

        entries.add(OperatorEntry.answer(0, CHEESE, CHEESE_ANSWER, true));
        assertTrue(knowledge.refresh());

        Answer a = knowledge.answer("can my rats eat cheese");
        assertTrue(a.answered());
        assertEquals(Optional.of(CHEESE), a.section().map(SectionRef::title));
        assertEquals(
                "A little hard cheese now and then is fine.\n\nNever blue cheese: its mould can harm them.",
                a.text());
        assertEquals(Optional.of(EntryFiles.OPERATOR), a.attribution());
    }

    @Test
    void aDisabledAnswerIsNotUsedAndADeletedOneIsGone() {
        OperatorEntry e = entries.add(OperatorEntry.answer(0, CHEESE, CHEESE_ANSWER, false));
        knowledge.refresh();
        assertFalse(knowledge.answer("can my rats eat cheese").answered());

        entries.update(OperatorEntry.answer(e.id(), CHEESE, CHEESE_ANSWER, true));
        knowledge.refresh();
        assertTrue(knowledge.answer("can my rats eat cheese").answered());

        entries.delete(e.id());
        knowledge.refresh();
        assertFalse(knowledge.answer("can my rats eat cheese").answered());
    }

    @Test
    void aPhrasingAnswersWithTheSectionItStandsForUnderTheGuidesAttribution() {
        String section =
                PACK.sections().stream()
                        .filter(s -> s.title().equals("Safe Handling Techniques"))
                        .findFirst()
                        .orElseThrow()
                        .id();
        String phrasing = "how do I trim my rat's nails";
        assertFalse(knowledge.answer(phrasing).answered(), "the guide does not cover nails");

        entries.add(OperatorEntry.phrasing(0, phrasing, section, true));
        knowledge.refresh();

        Answer a = knowledge.answer(phrasing);
        assertEquals(Optional.of(section), a.section().map(SectionRef::id));
        assertEquals(Optional.of(PACK.attribution()), a.attribution());
        assertFalse(
                knowledge.topics().stream().anyMatch(t -> t.id().startsWith("operator-")),
                "phrasings are not topics");
        assertFalse(
                knowledge.suggest("how do i trim", 25).contains(phrasing),
                "a user's words are not suggested to others");
    }

    @Test
    void nothingChangedMeansNoRebuild() {
        assertFalse(knowledge.refresh());
    }
}
