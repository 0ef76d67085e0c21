package dev.ratbot.feedback;

import dev.ratbot.message.Platform;
import dev.ratbot.store.StoreException;
import dev.ratbot.store.StoreHealth;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The answer log as the bot uses it while serving: answers never wait on the store. A question is
 * stamped and given its key at once and put in a bounded queue; one background thread writes the
 * queue in batches. With the database down or the disk full, the queue holds what it can ({@link
 * Limits#capacity()}) and writes it when the store is back; beyond that, questions are dropped and
 * counted ({@link Events#dropped}). The store's {@link StoreHealth} hears how writes go, and logs
 * an outage once.
 *
 * <p>Ratings need the store: while it is unreachable they fail at once with a {@link
 * StoreException} instead of waiting for a connection. A rating of a question still in the queue
 * finds nothing yet (answered like an old one). Thread-safe. {@link #start()} it, and {@link
 * #close()} it before the database.
 */
public final class QueuedAnswerLog implements AnswerLog, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(QueuedAnswerLog.class);

    /**
     * How much the queue holds and how the writer behaves.
     *
     * @param capacity questions waiting to be written at most; more are dropped (a question is at
     *     most 1,000 characters, so the default 1,000 hold about 2 MB at worst)
     * @param batch questions written in one transaction at most
     * @param retryEvery how long the writer waits before trying the store again after it failed
     * @param stopWithin how long {@link #close()} tries to write what is still queued
     */
    public record Limits(int capacity, int batch, Duration retryEvery, Duration stopWithin) {
        public static final Limits DEFAULTS =
                new Limits(1_000, 100, Duration.ofSeconds(5), Duration.ofSeconds(3));

        public Limits {
            if (capacity < 1 || batch < 1)
                throw new IllegalArgumentException("capacity and batch must be at least 1");
            Objects.requireNonNull(retryEvery, "retryEvery");
            Objects.requireNonNull(stopWithin, "stopWithin");
        }

        public Limits withCapacity(int capacity) {
            return new Limits(capacity, batch, retryEvery, stopWithin);
        }

        public Limits withRetryEvery(Duration retryEvery) {
            return new Limits(capacity, batch, retryEvery, stopWithin);
        }
    }

    /** Why questions were not recorded, as metrics tag them. */
    public enum DropReason {
        /** The queue was full: the store has been down or slow for a while. */
        QUEUE_FULL,
        /** The store refused the batch for a reason other than its health, three times. */
        REFUSED,
        /** Still queued when the bot stopped and the store could not take them. */
        STOPPED
    }

    /**
     * Counts what happens to questions; called on the asking thread (dropped when full) or the
     * writer's.
     */
    public interface Events {
        void recorded(int questions);

        void dropped(int questions, DropReason reason);

        Events NONE =
                new Events() {
                    @Override
                    public void recorded(int questions) {}

                    @Override
                    public void dropped(int questions, DropReason reason) {}
                };
    }

    /** Attempts at a batch that fails for no reason of the store's health before it is given up. */
    private static final int REFUSALS_BEFORE_DROP = 3;

    private final JdbcAnswerLog store;
    private final StoreHealth health;
    private final Limits limits;
    private final Events events;
    private final BlockingQueue<AskedQuestion> queue;
    private volatile boolean stopping;
    private Thread writer;

    public QueuedAnswerLog(JdbcAnswerLog store, StoreHealth health, Limits limits, Events events) {
        this.store = Objects.requireNonNull(store, "store");
        this.health = Objects.requireNonNull(health, "health");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.events = Objects.requireNonNull(events, "events");
        this.queue = new ArrayBlockingQueue<>(limits.capacity());
    }

    /** Starts the writer thread; returns this. */
    public synchronized QueuedAnswerLog start() {
        if (writer == null)
            writer =
                    Thread.ofPlatform()
                            .name("ratbot-question-writer")
                            .daemon(true)
                            .start(this::writeLoop);
        return this;
    }

    /** Never waits: the question is queued, or dropped and counted when the queue is full. */
    @Override
    public String recordAnswer(
            Platform platform, String question, Optional<String> sectionId, ReplyKind kind) {
        AskedQuestion asked = store.asked(platform, question, sectionId, kind);
        if (stopping || !queue.offer(asked))
            events.dropped(1, stopping ? DropReason.STOPPED : DropReason.QUEUE_FULL);
        return asked.key();
    }

    @Override
    public boolean recordFeedback(String answerKey, boolean helpful) {
        failFastWhileUnreachable();
        return store.recordFeedback(answerKey, helpful);
    }

    @Override
    public Optional<Tally> rate(String answerKey, String raterId, boolean helpful) {
        failFastWhileUnreachable();
        return store.rate(answerKey, raterId, helpful);
    }

    @Override
    public List<UnansweredQuestion> mostUnanswered(int limit) {
        return store.mostUnanswered(limit);
    }

    @Override
    public List<SectionRating> mostDownvoted(int limit) {
        return store.mostDownvoted(limit);
    }

    @Override
    public int pruneOlderThan(Duration retention) {
        return store.pruneOlderThan(retention);
    }

    /** Questions asked and not yet written. */
    public int pending() {
        return queue.size();
    }

    private void failFastWhileUnreachable() {
        if (health.unreachable()) {
            throw new StoreException(
                    "the store is unreachable",
                    new SQLTransientConnectionException("the store is unreachable"));
        }
    }

    private void writeLoop() {
        List<AskedQuestion> batch = new ArrayList<>(limits.batch());
        int refusals = 0;
        while (true) {
            if (batch.isEmpty()) {
                if (stopping && queue.isEmpty()) return;
                try {
                    AskedQuestion first = queue.poll(200, TimeUnit.MILLISECONDS);
                    if (first == null) continue;
                    batch.add(first);
                } catch (InterruptedException e) {
                    giveUp(batch);
                    return;
                }
                queue.drainTo(batch, limits.batch() - 1);
            }
            try {
                store.write(batch);
                health.wrote();
                events.recorded(batch.size());
                batch.clear();
                refusals = 0;
            } catch (RuntimeException e) {
                if (Thread.currentThread().isInterrupted()) {
                    giveUp(batch);
                    return;
                }
                health.failed(e);
                if (StoreHealth.classify(e).isEmpty() && ++refusals >= REFUSALS_BEFORE_DROP) {
                    // Not the store's health but these rows: retrying would block every question
                    // behind them.
                    log.warn(
                            "dropped {} questions the store refused {} times: {}",
                            batch.size(),
                            refusals,
                            oneLine(e));
                    events.dropped(batch.size(), DropReason.REFUSED);
                    batch.clear();
                    refusals = 0;
                    continue;
                }
                if (stopping) {
                    giveUp(batch);
                    return;
                }
                restBeforeRetry();
            }
        }
    }

    /** Waits before the next attempt, ending early when the store is back or the log stops. */
    private void restBeforeRetry() {
        long deadline = System.nanoTime() + limits.retryEvery().toNanos();
        boolean wasDegraded = !health.ok();
        while (!stopping && !Thread.currentThread().isInterrupted()) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || (wasDegraded && health.ok())) return;
            LockSupport.parkNanos(Math.min(left, TimeUnit.MILLISECONDS.toNanos(100)));
        }
    }

    /** Counts what could not be written when the writer stops, with one line saying so. */
    private void giveUp(List<AskedQuestion> batch) {
        int lost = batch.size();
        batch.clear();
        lost += queue.drainTo(new ArrayList<>());
        if (lost == 0) return;
        events.dropped(lost, DropReason.STOPPED);
        log.warn(
                "{} questions were not recorded: the store could not take them before the bot stopped",
                lost);
    }

    /**
     * Stops taking questions and tries for up to {@link Limits#stopWithin()} to write those still
     * queued; what is left then is counted as dropped, with one log line. Idempotent.
     */
    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            stopping = true;
            t = writer;
        }
        if (t == null) {
            int lost = queue.drainTo(new ArrayList<>());
            if (lost > 0) events.dropped(lost, DropReason.STOPPED);
            return;
        }
        LockSupport.unpark(t);
        try {
            if (!t.join(limits.stopWithin())) {
                t.interrupt();
                t.join(Duration.ofSeconds(1));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String oneLine(Throwable e) {
        String m = String.valueOf(e.getMessage());
        return m.lines().findFirst().orElse(m);
    }
}
