package dev.ratbot.app.ops;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

class NativeHeapTrimmerTest {

    @Test
    @EnabledOnOs(OS.LINUX)
    void onLinuxTheJvmTrimsAndReportsResidentMemoryBeforeAndAfter() {
        Optional<String> report = NativeHeapTrimmer.trimOnce();

        assertTrue(
                report.filter(r -> r.matches("Trim native heap: RSS\\+Swap: \\d+[KMG]->.*"))
                        .isPresent(),
                "report: " + report);
    }

    @Test
    void aTimerThatNeverWaitsIsAMistake() {
        assertThrows(IllegalArgumentException.class, () -> NativeHeapTrimmer.start(Duration.ZERO));
    }
}
