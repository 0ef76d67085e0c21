package dev.ratbot.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ratbot.knowledge.KnowledgePackLoader;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Tokens in, tokens out, with the default pack's word lists (its pet names, its stop words). */
class GuideAnalysisTest {
    private static final GuideAnalysis ANALYSIS =
            GuideAnalysis.of(KnowledgePackLoader.loadDefault());

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "My ratties are biting!     | my rat ar bite",
                "the critters HIDE          | the rat hide",
                "Rattos' tails              | rat tail",
                "rodentia is a word         | rodentia is a word",
            })
    void petNamesAreReadAsThePacksAnimal(String text, String stems) {
        assertEquals(List.of(stems.split(" ")), ANALYSIS.petStems(text));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "How do I hold my rat?        | how hold rat",
                "Is bedding OK for them       | bed ok",
            })
    void indexTermsDropStopWordsAndStem(String text, String terms) {
        assertEquals(List.of(terms.split(" ")), ANALYSIS.indexTerms(text));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "how well can rats see?                      | true",
                "he bumps into things, can he see well        | true",
                "does she know me by seeing me or by smell    | true",
                "should I wait and see?                       | false",
                "I barely see them on weekdays                | false",
                "he runs off when he sees me coming           | false",
            })
    void seeingIsAboutSightOnlyWhereTheSentenceSaysSo(String question, boolean sight) {
        assertEquals(sight, GuideAnalysis.terms(ANALYSIS.query, question).contains("vision"));
    }
}
