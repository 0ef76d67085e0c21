package dev.ratbot.app.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A secret file that is no secret file stops a real serve with one line and exit 2, never an
 * out-of-memory trace.
 */
class ServeSecretFileTest {

    @TempDir Path dir;

    @Test
    void anEndlessSecretFileIsOneConfigurationLine() throws Exception {
        try (ServeProcess p =
                ServeProcess.start(
                        dir,
                        Map.of(
                                "TELEGRAM_BOT_TOKEN_FILE",
                                "/dev/zero",
                                "RATBOT_OPS_PORT",
                                "0",
                                "RATBOT_DB_URL",
                                "jdbc:sqlite:" + dir.resolve("ratbot.db")),
                        "serve")) {
            assertEquals(2, p.exitCode(Duration.ofSeconds(60)), p.output());
            assertEquals(
                    "ratbot: TELEGRAM_BOT_TOKEN_FILE=/dev/zero (environment) holds no TELEGRAM_BOT_TOKEN: its first line is longer than 4096"
                            + " characters (is it the right file?)",
                    p.output().strip(),
                    p.output());
        }
    }
}
