package dev.ratbot.app.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratbot.feedback.JdbcAnswerLog;
import dev.ratbot.knowledge.KnowledgePackLoader;
import dev.ratbot.knowledge.Section;
import dev.ratbot.message.Platform;
import dev.ratbot.store.Database;
import dev.ratbot.store.DatabaseSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ratbot report} in a child JVM, reading a real SQLite store written by the real answer log.
 */
class ReportCommandTest {

    @TempDir Path dir;

    @Test
    void listsTheMostUnansweredQuestionsAndTheMostDownvotedSections() throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("data/ratbot.db");
        Section rated = KnowledgePackLoader.loadDefault().sections().get(2);
        try (Database db = Database.open(DatabaseSettings.of(url))) {
            JdbcAnswerLog log = new JdbcAnswerLog(db, Clock.systemUTC());
            for (String q :
                    new String[] {
                        "How long do rats live?",
                        "how long do rats live",
                        "How long do rats LIVE?!",
                        "Can rats eat grapes?"
                    }) {
                log.recordAnswer(Platform.TELEGRAM, q, Optional.empty(), false);
            }
            log.recordAnswer(Platform.DISCORD, "evil \u0007bell\nnewline", Optional.empty(), false);
            for (boolean helpful : new boolean[] {false, false, true}) {
                String key =
                        log.recordAnswer(
                                Platform.DISCORD, "a question", Optional.of(rated.id()), true);
                log.recordFeedback(key, helpful);
            }
        }
        try (ServeProcess report =
                ServeProcess.start(dir, Map.of("RATBOT_DB_URL", url), "report", "--limit", "5")) {
            assertEquals(0, report.exitCode(Duration.ofSeconds(60)), report.output());
            String out = report.output();
            assertTrue(out.contains("3\u00D7  how long do rats live"), out);
            assertTrue(out.contains("1\u00D7  can rats eat grapes"), out);
            assertTrue(
                    out.indexOf("how long do rats live") < out.indexOf("can rats eat grapes"),
                    "most asked first:\n" + out);
            assertTrue(
                    out.contains(
                            "2 \uD83D\uDC4E     1 \uD83D\uDC4D  "
                                    + String.join(" > ", rated.path())
                                    + "  (/topic "
                                    + rated.id()
                                    + ")"),
                    out);
            assertTrue(out.lines().noneMatch(l -> l.contains("\u0007")), out);
        }
    }

    @Test
    void aMissingStoreIsAClearError() throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("nowhere/ratbot.db");
        try (ServeProcess report =
                ServeProcess.start(dir, Map.of("RATBOT_DB_URL", url), "report")) {
            assertEquals(2, report.exitCode(Duration.ofSeconds(60)), report.output());
            assertTrue(
                    report.output().contains("RATBOT_DB_URL=" + url + ": no store there yet"),
                    report.output());
        }
    }
}
