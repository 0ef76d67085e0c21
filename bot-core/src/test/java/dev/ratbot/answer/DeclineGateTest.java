package dev.ratbot.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratbot.knowledge.KnowledgePackLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The decline gate weighs words by how much they say: chat around a covered question does not stop
 * it being answered, while a care topic the guide does not cover, or another animal, still makes
 * the engine decline.
 */
class DeclineGateTest {
    private static AnswerEngine engine;

    @BeforeAll
    static void build() {
        engine = LuceneAnswerEngine.build(KnowledgePackLoader.loadDefault());
    }

    /** Each pair: a covered question, and the same question with everyday chat around it. */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "HOW DO I HOLD MY RAT                | HOW DO I HOLD MY RAT WITHOUT HURTING HIM",
                "what treats can i give my rat       | what treats can i give my rat for being good lol",
                "my rat grinds his teeth             | my rat grinds his teeth, is that normal??",
                "can you teach rats tricks           | can u teach rats tricks like a dog",
                "can rats purr                       | can rats purr like a cat lol",
            })
    void chatAroundACoveredQuestionDoesNotVetoIt(String plain, String chatty) {
        Answer a = engine.answer(plain);
        Answer b = engine.answer(chatty);
        assertTrue(a.answered(), plain);
        assertTrue(b.answered(), chatty);
        assertEquals(a.section(), b.section(), chatty);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "can rats eat cheese",
                "is chocolate bad for my rat",
                "does my rat need a wheel",
                "how often should I take my rat to the vet",
                "how long do ratties live",
                "should I bathe my rat",
                "how often should I clean the cage",
                "what temperature in degrees celsius should the rat room be",
                "can rats eat grapes",
                "can I breed my rats",
                "my rat has red stuff around its eyes",
                "can rats catch colds from humans",
            })
    void aCareTopicTheGuideDoesNotCoverIsDeclined(String question) {
        assertFalse(engine.answer(question).answered(), question);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "how do i bond with my new kitten",
                "how do I train my dog to sit",
                "my hamster is biting me, help"
            })
    void aQuestionAboutAnotherAnimalIsDeclined(String question) {
        assertFalse(engine.answer(question).answered(), question);
    }

    @Test
    void everydayWordsGetNoLeewayWhenNoPetIsInTheQuestion() {
        assertFalse(engine.answer("What is the boiling point of water?").answered());
        assertTrue(
                engine.answer("is it ok to give my rat a bit of egg from my breakfast").answered());
    }

    @Test
    void aQuestionAskingForKindsGetsTheList() {
        assertTrue(
                engine.answer("what snacks can I give my ratties").text().contains("blueberries"));
    }

    /**
     * A passage far ahead of every other section answers despite story words the pack uses
     * elsewhere ("home").
     */
    @Test
    void aClearWinnerIsNotDeclinedForTheStoryAroundIt() {
        Answer a = engine.answer("is it fine for my rats to be out while our cat is home");
        assertTrue(a.answered() && a.text().contains("predators"), a.text());
        // The same lead over a topic the pack never names still declines.
        assertFalse(
                engine.answer("is it fine for my rats to be out while the vet is home").answered());
    }
}
