package dev.ratbot.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ratbot.knowledge.KnowledgePack;
import dev.ratbot.knowledge.KnowledgePackLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Stems in, a count of signs out: the words and phrases of illness the health model reads. */
class HealthSignsTest {
    private static final KnowledgePack PACK = KnowledgePackLoader.loadDefault();
    private static final GuideAnalysis ANALYSIS = GuideAnalysis.of(PACK);
    private static final HealthSigns DEFAULT = HealthSigns.of(PackWords.of(PACK), ANALYSIS::stems);

    @Test
    void aStarStandsForExactlyOneWord() {
        HealthSigns signs =
                new HealthSigns(Set.of(), List.of(List.of("hasn't", "touch", "*", "food")));

        assertEquals(1, signs.count(List.of("he", "hasn't", "touch", "hi", "food")));
        assertEquals(0, signs.count(List.of("he", "hasn't", "touch", "food")));
        assertEquals(0, signs.count(List.of("hasn't", "touch", "hi", "dinner", "food")));
    }

    @Test
    void wordsAndPhrasesAddUpAndAPhraseCountsWhereverItMatches() {
        HealthSigns signs = new HealthSigns(Set.of("lump"), List.of(List.of("not", "eat")));

        assertEquals(3, signs.count(List.of("lump", "not", "eat", "still", "not", "eat")));
    }

    @Test
    void linesThatStemAlikeAreOneSign() {
        HealthSigns signs =
                new HealthSigns(
                        Set.of(),
                        HealthSigns.phrases(
                                List.of("walks funny", "walking funny"), ANALYSIS::stems));

        assertEquals(1, signs.count(ANALYSIS.stems("he's walking funny")));
    }

    /**
     * A phrase within another ("giving way" in "legs giving way") counts one sign twice, which the
     * health model then reads as two.
     */
    @Test
    void noPhraseOfTheDefaultPackHoldsAnother() {
        List<List<String>> phrases =
                HealthSigns.phrases(
                        PackWords.of(PACK).phrases(HealthSigns.PHRASES), ANALYSIS::stems);
        List<String> held = new ArrayList<>();
        for (int i = 0; i < phrases.size(); i++)
            for (int o = 0; o < phrases.size(); o++)
                if (i != o
                        && new HealthSigns(Set.of(), List.of(phrases.get(i))).count(phrases.get(o))
                                > 0)
                    held.add(
                            String.join(" ", phrases.get(i))
                                    + " in "
                                    + String.join(" ", phrases.get(o)));

        assertEquals(List.of(), held);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Pixel hasn't touched his food in two days                  | 1",
                "she's not eating and her eyes are half closed               | 2",
                "his back legs keep giving way and he's losing weight        | 3",
                "teeth super long and he cant eat properly                   | 1",
                "found a lump and some blood                                 | 2",
                "he won't put weight on it and keeps holding his leg up      | 3",
                "there's a squishy bump on her tummy                         | 2",
                "his ears felt cold and he just lies flat in the hammock     | 2",
                "orange-red stains round his nose and some pinkish pee       | 2",
                "yellowy gunk in her eye and he's holding his back leg up    | 2",
                "the skin came off the end of her tail, it's red and raw     | 2",
                "one of his testicles looks twice the size of the other      | 1",
            })
    void theDefaultPackNamesSignsOwnersWriteWithoutAMedicalWord(String post, int signs) {
        assertEquals(signs, DEFAULT.count(ANALYSIS.stems(post)));
    }

    @Test
    void nothingCountsWithinAnException() {
        HealthSigns signs =
                new HealthSigns(
                        Set.of("blood"),
                        List.of(List.of("not", "eat")),
                        List.of(List.of("drew", "blood"), List.of("no", "*", "not", "eat")));

        assertEquals(1, signs.count(List.of("he", "drew", "blood", "and", "blood", "again")));
        assertEquals(0, signs.count(List.of("no", "he", "not", "eat")));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "he bit my arm so hard that it drew blood                    | 0",
                "she's drawn blood twice when i reached in                   | 0",
                "he got my thumb and it bled all over my sleeve               | 0",
                "bit me hard enough to bleed                                  | 0",
                "my finger is bleeding, he got me good                        | 0",
                "he drew blood and now his own nose is bleeding              | 1",
                "she's bleeding from her nose after she bit me              | 1",
            })
    void theOwnersBloodAfterABiteIsNoSign(String post, int signs) {
        assertEquals(signs, DEFAULT.count(ANALYSIS.stems(post)));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "he won't eat the treat from my hand                         | 0",
                "she eats from my hand now and her eyes boggle               | 0",
                "how long until he stops hiding                              | 0",
                "mine keeps bumping into things, can rats see well?          | 0",
                "he runs in circles round my feet when i get home            | 0",
            })
    void everydayCareWordsAreNoSign(String post, int signs) {
        assertEquals(signs, DEFAULT.count(ANALYSIS.stems(post)));
    }
}
