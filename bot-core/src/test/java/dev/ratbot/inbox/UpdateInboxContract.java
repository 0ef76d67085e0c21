package dev.ratbot.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratbot.inbox.UpdateInbox.Arrival;
import dev.ratbot.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * What every {@link UpdateInbox} must do; the in-memory twin, SQLite and PostgreSQL run exactly
 * these tests.
 */
public abstract class UpdateInboxContract {

    protected final MutableClock clock = MutableClock.at("2026-06-01T08:00:00Z");

    /** A new, empty inbox on {@link #clock} (called once per test). */
    protected abstract UpdateInbox inbox();

    private static Arrival update(long id, String chat) {
        return new Arrival(id, chat, "{\"update_id\":" + id + ",\"chat\":\"" + chat + "\"}");
    }

    @Test
    void anUpdateIsAcceptedOnceAndARedeliveryIsLeftOut() {
        UpdateInbox inbox = inbox();
        assertEquals(
                List.of(update(1, "a"), update(2, "b")),
                inbox.accept("telegram:1", List.of(update(1, "a"), update(2, "b"))));
        assertEquals(
                List.of(update(3, "a")),
                inbox.accept(
                        "telegram:1", List.of(update(2, "b"), update(3, "a"), update(1, "a"))));
        assertEquals(List.of(), inbox.accept("telegram:1", List.of(update(3, "a"))));
        assertEquals(List.of(), inbox.accept("telegram:1", List.of()));
    }

    @Test
    void streamsAreSeparate() {
        UpdateInbox inbox = inbox();
        inbox.accept("telegram:1", List.of(update(1, "a")));
        assertEquals(List.of(update(1, "a")), inbox.accept("telegram:2", List.of(update(1, "a"))));
        assertTrue(inbox.take("telegram:1", 1, "i1"));
        assertEquals(List.of(update(1, "a")), inbox.untaken("telegram:2", 10));
    }

    @Test
    void anUpdateIsTakenExactlyOnceAndAnUnknownOneNever() {
        UpdateInbox inbox = inbox();
        inbox.accept("s", List.of(update(7, "a")));
        assertTrue(inbox.take("s", 7, "i1"));
        assertFalse(inbox.take("s", 7, "i1"));
        assertFalse(inbox.take("s", 7, "i2"));
        assertFalse(inbox.take("s", 8, "i1"));
        // Taken updates are still recognised when the platform delivers them again.
        assertEquals(List.of(), inbox.accept("s", List.of(update(7, "a"))));
    }

    @Test
    void untakenUpdatesComeBackLowestIdFirstUpToTheLimitWithTheirPayload() {
        UpdateInbox inbox = inbox();
        inbox.accept("s", List.of(update(5, "b"), update(3, "a"), update(9, "a"), update(4, "c")));
        inbox.take("s", 4, "i1");
        assertEquals(List.of(update(3, "a"), update(5, "b")), inbox.untaken("s", 2));
        assertEquals(
                List.of(update(3, "a"), update(5, "b"), update(9, "a")), inbox.untaken("s", 100));
        assertEquals(List.of(), inbox.untaken("other", 100));
    }

    @Test
    void oddPayloadsSurvive() {
        UpdateInbox inbox = inbox();
        String text =
                "{\"text\":\"🐀 ユーザー <b>&amp;</b> 'quoted\\\" \\\\n " + "x".repeat(20_000) + "\"}";
        inbox.accept("s", List.of(new Arrival(1, "-100123", text)));
        assertEquals(List.of(new Arrival(1, "-100123", text)), inbox.untaken("s", 1));
    }

    @Test
    void oldUpdatesAreForgotten() {
        UpdateInbox inbox = inbox();
        inbox.accept("s", List.of(update(1, "a")));
        clock.advance(Duration.ofHours(30));
        inbox.accept("s", List.of(update(2, "a")));
        assertEquals(1, inbox.forgetBefore(clock.instant().minus(Duration.ofHours(24))));
        assertEquals(List.of(update(2, "a")), inbox.untaken("s", 10));
        assertEquals(0, inbox.forgetBefore(Instant.parse("2026-01-01T00:00:00Z")));
    }

    @Test
    void manyTakersOfTheSameUpdatesWinEachExactlyOnce() throws Exception {
        UpdateInbox inbox = inbox();
        List<Arrival> all = new ArrayList<>();
        for (int i = 1; i <= 50; i++) all.add(update(i, "c" + (i % 5)));
        inbox.accept("s", all);
        ConcurrentHashMap<Long, AtomicInteger> wins = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                String me = "i" + t;
                done.add(
                        pool.submit(
                                () -> {
                                    for (Arrival a : all) {
                                        if (inbox.take("s", a.id(), me))
                                            wins.computeIfAbsent(a.id(), k -> new AtomicInteger())
                                                    .incrementAndGet();
                                    }
                                }));
            }
            for (Future<?> f : done) f.get();
        } finally {
            pool.shutdown();
        }
        assertEquals(50, wins.size());
        assertEquals(
                List.of(1), wins.values().stream().map(AtomicInteger::get).distinct().toList());
    }
}
