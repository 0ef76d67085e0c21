package dev.ratbot.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratbot.feedback.QueuedAnswerLog.DropReason;
import dev.ratbot.message.Platform;
import dev.ratbot.store.Database;
import dev.ratbot.store.TestDatabases;
import dev.ratbot.testing.MutableClock;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Questions are written behind the answers: in the background, in batches, bounded, counted when
 * dropped.
 */
class QueuedAnswerLogTest {

    @TempDir Path dir;

    private final MutableClock clock = MutableClock.at("2026-05-01T09:00:00Z");
    private final Counts counts = new Counts();
    private Database db;
    private QueuedAnswerLog log;

    /** What the log reported, as a metrics registry would count it. */
    static final class Counts implements QueuedAnswerLog.Events {
        final AtomicInteger recorded = new AtomicInteger();
        final Map<DropReason, AtomicInteger> dropped = new EnumMap<>(DropReason.class);

        Counts() {
            for (DropReason r : DropReason.values()) dropped.put(r, new AtomicInteger());
        }

        @Override
        public void recorded(int questions) {
            recorded.addAndGet(questions);
        }

        @Override
        public void dropped(int questions, DropReason reason) {
            dropped.get(reason).addAndGet(questions);
        }

        int dropped(DropReason reason) {
            return dropped.get(reason).get();
        }
    }

    private QueuedAnswerLog open(QueuedAnswerLog.Limits limits) {
        db = TestDatabases.sqlite(dir);
        log = new QueuedAnswerLog(new JdbcAnswerLog(db, clock), db.health(), limits, counts);
        return log;
    }

    @AfterEach
    void close() {
        if (log != null) log.close();
        if (db != null) db.close();
    }

    static void await(BooleanSupplier condition, Duration within, String what)
            throws InterruptedException {
        long end = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end)
                throw new AssertionError("not within " + within + ": " + what);
            Thread.sleep(20);
        }
    }

    private long rows() {
        return db.withConnection(
                c -> {
                    try (ResultSet rs =
                            c.createStatement().executeQuery("SELECT count(*) FROM answers")) {
                        rs.next();
                        return rs.getLong(1);
                    }
                });
    }

    @Test
    void questionsAreWrittenInTheBackgroundWithTheTimeTheyWereAsked() throws Exception {
        QueuedAnswerLog log = open(QueuedAnswerLog.Limits.DEFAULTS);
        String key =
                log.recordAnswer(
                        Platform.TELEGRAM,
                        "how do I hold my rat",
                        Optional.of("handling"),
                        ReplyKind.SURE);
        log.recordAnswer(Platform.DISCORD, "can rats eat cheese", Optional.empty(), ReplyKind.NONE);
        assertEquals(2, log.pending(), "nothing is written before the writer starts");
        clock.advance(Duration.ofHours(2));

        log.start();
        await(() -> counts.recorded.get() == 2, Duration.ofSeconds(10), "both written");
        assertEquals(0, log.pending());
        assertEquals(
                List.of(new AnswerLog.UnansweredQuestion("can rats eat cheese", 1)),
                log.mostUnanswered(10));
        assertEquals(
                Optional.of(new AnswerLog.Tally(1, 0)),
                log.rate(key, "ann", true),
                "the key the reply carried is the row's");
        assertEquals(
                2, log.pruneOlderThan(Duration.ofHours(1)), "stamped when asked, not when written");
    }

    @Test
    void aFullQueueDropsAndCountsQuestionsButStillGivesEachAKey() throws Exception {
        QueuedAnswerLog log = open(QueuedAnswerLog.Limits.DEFAULTS.withCapacity(2));
        Set<String> keys =
                IntStream.range(0, 5)
                        .mapToObj(
                                i ->
                                        log.recordAnswer(
                                                Platform.TELEGRAM,
                                                "question " + i,
                                                Optional.empty(),
                                                ReplyKind.NONE))
                        .collect(Collectors.toSet());
        assertEquals(5, keys.size());
        assertEquals(3, counts.dropped(DropReason.QUEUE_FULL));

        log.start();
        await(() -> counts.recorded.get() == 2, Duration.ofSeconds(10), "the two queued written");
        assertEquals(2, rows());
    }

    @Test
    void closingWritesWhatIsStillQueued() {
        QueuedAnswerLog log = open(QueuedAnswerLog.Limits.DEFAULTS);
        for (int i = 0; i < 250; i++)
            log.recordAnswer(Platform.TELEGRAM, "question " + i, Optional.empty(), ReplyKind.NONE);
        log.start();
        log.close();
        assertEquals(250, rows());
        assertEquals(250, counts.recorded.get());
        log.recordAnswer(Platform.TELEGRAM, "after the end", Optional.empty(), ReplyKind.NONE);
        assertEquals(
                1,
                counts.dropped(DropReason.STOPPED),
                "a question after close is counted, not queued");
    }

    @Test
    void rowsTheStoreRefusesForTheirOwnSakeAreDroppedSoTheyBlockNothing() throws Exception {
        QueuedAnswerLog log =
                open(QueuedAnswerLog.Limits.DEFAULTS.withRetryEvery(Duration.ofMillis(10)));
        db.withConnection(c -> c.createStatement().executeUpdate("DROP TABLE answers"));
        log.recordAnswer(
                Platform.TELEGRAM, "how do I hold my rat", Optional.empty(), ReplyKind.NONE);
        log.start();
        await(
                () -> counts.dropped(DropReason.REFUSED) == 1,
                Duration.ofSeconds(10),
                "the refused question dropped");
        assertTrue(db.health().ok(), "a statement's error is not the store's health");
    }
}
