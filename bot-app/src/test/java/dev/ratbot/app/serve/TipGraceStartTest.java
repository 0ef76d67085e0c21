package dev.ratbot.app.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A grace shorter than a few scheduler ticks silently skipped tips that were on time (issue 14: 12
 * of 20 lost at 5 s); a real {@code serve} now refuses it at start with exit 2 and one line naming
 * the setting.
 */
class TipGraceStartTest {

    @TempDir Path dir;

    @Test
    void aGraceOfFiveSecondsStopsTheStartWithOneLineAndExitTwo() throws Exception {
        Map<String, String> env =
                Map.of(
                        "RATBOT_DB_URL", "jdbc:sqlite:" + dir.resolve("ratbot.db"),
                        "RATBOT_OPS_PORT", "0",
                        "TELEGRAM_BOT_TOKEN", "7000001:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsawq",
                        "RATBOT_TIP_GRACE", "5s");
        try (ServeProcess p = ServeProcess.start(dir, env, "serve")) {
            assertEquals(2, p.exitCode(Duration.ofSeconds(60)), p.output());
            String last = p.output().strip().lines().reduce((a, b) -> b).orElse("");
            assertTrue(
                    last.startsWith(
                            "ratbot: RATBOT_TIP_GRACE=5s (environment) is shorter than 1 minute"),
                    p.output());
        }
    }
}
