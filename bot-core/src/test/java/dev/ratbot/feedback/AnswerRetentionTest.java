package dev.ratbot.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ratbot.message.Platform;
import dev.ratbot.store.Database;
import dev.ratbot.store.TestDatabases;
import dev.ratbot.testing.MutableClock;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Questions are kept no longer than the retention, and each row says what kind of reply it got. */
class AnswerRetentionTest {

    @TempDir Path dir;

    @Test
    void questionsOlderThanTheRetentionArePrunedAndNewerOnesKept() {
        MutableClock clock = MutableClock.at(Instant.parse("2026-01-01T10:00:00Z"));
        try (Database db = TestDatabases.sqlite(dir)) {
            JdbcAnswerLog log = new JdbcAnswerLog(db, clock);
            log.recordAnswer(Platform.TELEGRAM, "how long do rats live", Optional.empty(), false);
            String rated =
                    log.recordAnswer(
                            Platform.TELEGRAM, "about treats", Optional.of("treats"), true);
            log.rate(rated, "telegram:4242", false);
            clock.advance(Duration.ofDays(60));
            log.recordAnswer(Platform.DISCORD, "can rats eat cheese", Optional.empty(), false);
            clock.advance(Duration.ofDays(31));

            assertEquals(2, log.pruneOlderThan(Duration.ofDays(90)));
            assertEquals(
                    0L,
                    count(db, "answer_ratings"),
                    "a rating names its rater, so it goes with its answer");
            assertEquals(
                    List.of(new AnswerLog.UnansweredQuestion("can rats eat cheese", 1)),
                    log.mostUnanswered(10));
            assertEquals(0, log.pruneOlderThan(Duration.ofDays(90)));
        }
    }

    private static long count(Database db, String table) {
        return db.withConnection(
                c -> {
                    try (ResultSet rs =
                            c.createStatement().executeQuery("SELECT count(*) FROM " + table)) {
                        rs.next();
                        return rs.getLong(1);
                    }
                });
    }

    @Test
    void eachQuestionIsStoredWithTheKindOfReplyItGot() {
        try (Database db = TestDatabases.sqlite(dir)) {
            JdbcAnswerLog log =
                    new JdbcAnswerLog(db, MutableClock.at(Instant.parse("2026-01-01T10:00:00Z")));
            log.recordAnswer(
                    Platform.TELEGRAM,
                    "how do i hold my rat",
                    Optional.of("safe-handling-techniques"),
                    true);
            log.recordAnswer(Platform.TELEGRAM, "can rats eat cheese", Optional.empty(), false);
            assertEquals(
                    List.of("SURE", "NONE"),
                    db.withConnection(
                            c -> {
                                try (ResultSet rs =
                                        c.createStatement()
                                                .executeQuery(
                                                        "SELECT kind FROM answers ORDER BY id")) {
                                    List<String> kinds = new java.util.ArrayList<>();
                                    while (rs.next()) kinds.add(rs.getString(1));
                                    return kinds;
                                }
                            }));
        }
    }
}
