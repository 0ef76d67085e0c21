package dev.ratbot.app.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LauncherTest {

    @Test
    void withoutACollectorOfItsOwnTheBotRunsOnTheSerialOne() {
        assertEquals(List.of("-XX:+UseSerialGC"), Launcher.collector(List.of("-Xmx160m", "-Dx=y")));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"-XX:+UseG1GC", "-XX:+UseZGC", "-XX:+UseParallelGC", "-XX:+UseSerialGC"})
    void theOperatorsCollectorWins(String option) {
        assertEquals(List.of(), Launcher.collector(List.of("-Xmx160m", option)));
    }
}
