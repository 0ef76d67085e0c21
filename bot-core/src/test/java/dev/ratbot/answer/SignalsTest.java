package dev.ratbot.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ratbot.answer.Signals.Signal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SignalsTest {

    @ParameterizedTest
    @CsvSource({"0.9, 0.0", "0.3, 0.0", "0.2, 1.0", "0.05, 2.5", "-0.1, 4.0"})
    void meaningFarGrowsAsTheFocusFallsBelowNearInMeaning(double semantic, double far) {
        Signals s = Signals.builder().set(Signal.SEMANTIC, semantic).build();

        assertEquals(far, s.get(Signal.MEANING_FAR), 1e-9);
    }

    @ParameterizedTest
    @CsvSource({"HEALTH_CUES, healthCues, 10", "TAUGHT_VOTE, taughtVote, 24"})
    void aSignalIsSetByNameAndSitsAtItsPlaceInTheModelsVector(
            Signal signal, String key, int place) {
        Signals s = Signals.builder().set(signal, 0.75).build();

        assertEquals(key, Signals.NAMES.get(place));
        assertEquals(0.75, s.values()[place]);
        assertEquals(0.75, Signals.of(s.values()).get(signal));
    }
}
