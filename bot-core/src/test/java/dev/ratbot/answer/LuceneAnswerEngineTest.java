package dev.ratbot.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratbot.knowledge.Attribution;
import dev.ratbot.knowledge.Block;
import dev.ratbot.knowledge.KnowledgePack;
import dev.ratbot.knowledge.KnowledgePackLoader;
import dev.ratbot.knowledge.Section;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What every answer promises (shape, attribution, related sections) and the browsing and
 * autocomplete calls.
 */
class LuceneAnswerEngineTest {
    private static KnowledgePack pack;
    private static LuceneAnswerEngine engine;

    @BeforeAll
    static void build() {
        pack = KnowledgePackLoader.loadDefault();
        engine = LuceneAnswerEngine.build(pack);
    }

    @Test
    void anAnswerCarriesItsSectionAttributionAndUpToThreeOtherSections() {
        Answer a = engine.answer("Which treats are safe for rats?");
        assertTrue(a.answered());
        assertEquals("using-treats-as-positive-reinforcement", a.section().orElseThrow().id());
        assertEquals(pack.attribution(), a.attribution().orElseThrow());
        assertTrue(a.text().length() <= 700, a.text());
        assertTrue(a.score() > 0 && a.score() <= 1);
        assertTrue(a.related().size() <= 3 && !a.related().isEmpty());
        assertFalse(a.related().contains(a.section().orElseThrow()));
        assertEquals(a.related().size(), a.related().stream().distinct().count());
    }

    @Test
    void aListComesWithItsLeadIn() {
        Answer a = engine.answer("What are signs of a shy rat?");
        Block.BulletList list =
                a.blocks().stream()
                        .filter(b -> b instanceof Block.BulletList)
                        .map(b -> (Block.BulletList) b)
                        .findFirst()
                        .orElseThrow();
        assertEquals("Signs of a shy rat:", list.leadIn());
        assertTrue(a.text().contains("Signs of a shy rat:\n\u2022 Hiding or retreating"), a.text());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "@everyone how do I bond                          | how do I bond",
                "@here my rat bit me, how do i stop him biting    | my rat bit me, how do i stop him biting",
                "how do I get my new rat to trust me @alice_k     | how do I get my new rat to trust me",
            })
    void aMentionDoesNotChangeTheAnswer(String mentioning, String plain) {
        Answer a = engine.answer(plain);
        Answer b = engine.answer(mentioning);
        assertTrue(a.answered());
        assertEquals(a.section(), b.section());
        assertEquals(a.verdict(), b.verdict());
        assertEquals(a.text(), b.text());
    }

    @Test
    void misspellingsAndShoutingAreUnderstood() {
        // Two passages explain bruxing (Talk and Listen, and the signs of trust), ranked almost
        // level; either is right, so the misspelt question must get one that explains it.
        Answer misspelt = engine.answer("what does bruxxing mean");
        assertTrue(misspelt.answered());
        assertTrue(
                misspelt.text().toLowerCase(java.util.Locale.ROOT).contains("bruxing"),
                misspelt.text());
        assertEquals(
                "safe-handling-techniques",
                engine.answer("HOW DO I HOLD MY RAT").section().orElseThrow().id());
    }

    @Test
    void aMisspeltWordIsCorrectedBeforeItIsStemmed() {
        // Stemming first would turn "beding" into "bede", which no correction reaches.
        assertEquals(
                engine.answer("what bedding should i use").section(),
                engine.answer("what beding should i use").section());
        assertTrue(engine.answer("what beding should i use").text().contains("paper bedding"));
    }

    @Test
    void whereSomethingWasBoughtDoesNotVetoAQuestionAboutIt() {
        // The bedding passage answers it, or (when the engine is unsure) its section is the first
        // one offered.
        Answer a = engine.answer("is beding from the pet store ok");
        assertTrue(
                a.answered()
                        ? a.text().contains("paper bedding")
                        : a.related().get(0).id().equals("creating-a-comfortable-environment"),
                a.toString());
        // Questions about the shop itself, or about prices, stay declined.
        assertFalse(engine.answer("what time does the pet store close").answered());
        assertFalse(engine.answer("how much does bedding cost at the pet store").answered());
        assertFalse(engine.answer("where is the nearest pet store").answered());
    }

    @Test
    void realWordsAreNotCorrectedIntoTheGuidesWords() {
        // "movie" is one edit from the guide's "move", "losing" from "loving": neither is a
        // misspelling.
        assertFalse(engine.answer("recommend a good movie").answered());
        assertFalse(engine.answer("my rat is losing fur").answered());
        assertTrue(engine.answer("do rats snugle").answered());
    }

    @Test
    void aRatQuestionTheGuideDoesNotCoverIsDeclinedWithSuggestions() {
        Answer a = engine.answer("Can rats eat grapes?");
        assertFalse(a.answered());
        assertTrue(a.blocks().isEmpty() && a.section().isEmpty() && a.attribution().isEmpty());
        assertTrue(
                a.related().stream()
                        .anyMatch(r -> r.id().equals("using-treats-as-positive-reinforcement")),
                a.related().toString());
        assertTrue(a.score() >= 0 && a.score() < 1);
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(
            strings = {"", "   ", "\n\t", "\u0000\u0007", "@everyone", "<b></b>", "?!"})
    void aTextWithNothingToReadGetsTheInvitationToAsk(String text) {
        Answer a = engine.answer(text);

        assertEquals(Answer.Verdict.SMALL_TALK, a.verdict());
        assertEquals(text, a.question());
    }

    /**
     * Shorthand is no English word and the guide never uses it, so each one used to count as a
     * topic the guide lacks: "2 wks" turned a trust question into a refusal.
     */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "had him 2 wks, how do i get him to trust me | had him 2 weeks, how do i get him to trust me",
                "my rat bites me bc hes scared what do i do | my rat bites me because hes scared what do i do",
                "she only loves my bf, how do i get her to like me too | she only loves my boyfriend, how do i get her to like me too",
            })
    void chatShorthandIsReadAsTheWordsItStandsFor(String typed, String written) {
        Answer shorthand = engine.answer(typed);
        Answer full = engine.answer(written);

        assertTrue(shorthand.answered(), typed);
        assertEquals(full.verdict(), shorthand.verdict());
        assertEquals(full.section(), shorthand.section());
        assertEquals(full.blocks(), shorthand.blocks());
    }

    @Test
    void wordsThatSayNothingAreDeclined() {
        Answer a = engine.answer("the and of");

        assertEquals(Answer.Verdict.NOT_COVERED, a.verdict());
        assertEquals("the and of", a.question());
    }

    @Test
    void noQuestionAtAllIsNotAnswered() {
        assertFalse(engine.answer(null).answered());
    }

    @Test
    void topicsAreEverySectionInPackOrder() {
        assertEquals(
                pack.sections().stream().map(s -> new SectionRef(s.id(), s.title())).toList(),
                engine.topics());
    }

    @Test
    void aSectionOpensWithItsFirstBlocksAndOffersItsSubsections() {
        Answer a = engine.section("advanced-bonding-techniques").orElseThrow();
        assertTrue(a.answered());
        assertTrue(a.text().startsWith("Building a special bond"), a.text());
        assertEquals(
                List.of("training-and-tricks", "grooming", "sleep-and-snuggle"),
                a.related().stream().map(SectionRef::id).toList());
        assertTrue(engine.section("no-such-section").isEmpty());
        assertTrue(engine.section(null).isEmpty());
        for (Section s : pack.sections()) {
            Answer opening = engine.section(s.id()).orElseThrow();
            assertTrue(!opening.blocks().isEmpty() && opening.text().length() <= 700, s.id());
        }
    }

    @Test
    void suggestCompletesTitlesAndFaqQuestions() {
        assertEquals(List.of("Grooming"), engine.suggest("gro", 5));
        assertEquals(
                List.of(
                        "How do you get your rats to trust you?",
                        "How do you let a rat know you love them?"),
                engine.suggest("how do you", 5));
        assertTrue(engine.suggest("trust", 10).contains("How to Tell if Your Rat Trusts You?"));
        assertEquals(3, engine.suggest("", 3).size());
        assertTrue(engine.suggest("zzz", 5).isEmpty());
        assertTrue(engine.suggest("gro", 0).isEmpty());
        assertTrue(engine.suggest(null, 5).size() <= 5);
        assertTrue(engine.suggest("", 100).size() <= 25);
    }

    @Test
    void suggestFallsBackToTheSectionsThatWouldAnswerATypedQuestion() {
        assertTrue(
                engine.suggest("my rat bites", 3).contains("Shyness or Aggression"),
                engine.suggest("my rat bites", 3).toString());
        assertTrue(engine.suggest("what is the capital of france", 3).isEmpty());
    }

    @Test
    void concurrentQuestionsGetTheSameAnswersAsSequentialOnes() throws Exception {
        List<String> questions = AnswerBenchmark.QUESTIONS;
        List<Answer> expected = questions.stream().map(engine::answer).toList();
        // A new engine, so the threads read the questions rather than find them answered.
        LuceneAnswerEngine fresh = LuceneAnswerEngine.build(pack);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Boolean>> runs = new java.util.ArrayList<>();
            for (int t = 0; t < 4; t++) {
                runs.add(
                        pool.submit(
                                () -> {
                                    for (int round = 0; round < 20; round++) {
                                        for (int i = 0; i < questions.size(); i++) {
                                            if (!fresh.answer(questions.get(i))
                                                    .equals(expected.get(i))) return false;
                                        }
                                    }
                                    return true;
                                }));
            }
            for (var run : runs) assertTrue(run.get());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aTextAskedAgainWithOtherControlCharactersGetsTheSameReplyInItsOwnWords() {
        Answer first = engine.answer("How do I hold my rat?\u0007");
        Answer again = engine.answer("How do I hold my rat?\u0000");
        assertEquals("How do I hold my rat?\u0000", again.question());
        assertEquals(first.askedAs(again.question()), again);
        assertEquals("safe-handling-techniques", again.section().orElseThrow().id());
    }

    @Test
    void aLongBlockIsCutAtASentence() {
        String sentence = "Rats like a quiet corner to rest in during the day. ";
        KnowledgePack big =
                new KnowledgePack(
                        new Attribution("T", "A", "S"),
                        List.of(
                                new Section(
                                        "rest",
                                        List.of("Rest"),
                                        List.of(new Block.Paragraph(sentence.repeat(30).strip())),
                                        false)),
                        List.of());
        Answer a = LuceneAnswerEngine.build(big).answer("where do rats rest during the day?");
        assertTrue(a.answered());
        assertTrue(a.text().length() <= 700 && a.text().endsWith("day."), a.text());
    }
}
