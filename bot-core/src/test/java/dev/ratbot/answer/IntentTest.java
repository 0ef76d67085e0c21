package dev.ratbot.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IntentTest {

    /** The default pack's things, as in its kind-words.txt. */
    private final Intent rats = new Intent(List.of("treat", "toy", "trick", "fruit", "veggie"));

    /** Another pack's things: the shapes of a question stay, the words are the pack's. */
    private final Intent aquarium = new Intent(List.of("plant", "fish"));

    @ParameterizedTest
    @CsvSource({
        "what treats can i give my rat, true",
        "which 3 toys do they like best, true",
        "best tricks to teach a rat, true",
        "are there any healthy veggies they like, true",
        "any ideas for a rainy day, true",
        "what does bruxing mean, false",
        "what should i do when my rat bites, false",
        "do rats like treats, false",
    })
    void aQuestionAsksForKindsOfThePacksThings(String question, boolean kinds) {
        assertEquals(kinds, rats.asksForKinds(question));
    }

    @ParameterizedTest
    @CsvSource({
        "what plants are safe for the tank, true",
        "best fish for a small tank, true",
        "what treats can i give my rat, false",
    })
    void anotherPackBringsItsOwnThings(String question, boolean kinds) {
        assertEquals(kinds, aquarium.asksForKinds(question));
    }
}
