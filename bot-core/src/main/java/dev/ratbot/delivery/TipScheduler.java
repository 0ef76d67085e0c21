package dev.ratbot.delivery;

import dev.ratbot.store.Database;
import dev.ratbot.subscription.DeliveryTimes;
import dev.ratbot.tips.TipPicker;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns due subscriptions into outbox rows, durably and safely with any number of instances on one
 * database.
 *
 * <p>Each subscription row carries {@code next_due_at}, the instant of its next daily tip. A {@link
 * #tick()} claims the rows that are due ({@code FOR UPDATE SKIP LOCKED} on PostgreSQL, so instances
 * never wait for or double-claim each other; an IMMEDIATE transaction on SQLite, whose single
 * writer excludes everyone else), and in the same transaction inserts one {@code deliveries} row
 * per subscription and local date (a unique key: a second row for that day is never created,
 * whatever restarts or races) and advances {@code next_due_at} to the next local day ({@link
 * DeliveryStore#schedule}). The {@link DeliveryWorker} then sends the PENDING rows.
 *
 * <p>A due tip more than {@link ScheduleSettings#grace()} late (the bot was down) is recorded as
 * SKIPPED and the subscription jumps to its next occurrence that is still within grace: never a
 * flood of old tips ({@link DeliveryDecisions#whenDue}). Daylight saving follows {@link
 * DeliveryTimes}. The tip is chosen here by the {@link TipPicker} and saved with the row, together
 * with its pass ("cycle") through the catalogue.
 *
 * <p>Tests call {@link #tick()} on a settable clock; production calls {@link #start()} and {@link
 * #close()}. Thread-safe.
 */
public final class TipScheduler implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TipScheduler.class);

    private final DeliveryStore store;
    private final Clock clock;
    private final ScheduleSettings settings;
    private final TipPicker tips;
    private ScheduledExecutorService timer;

    public TipScheduler(Database db, Clock clock, ScheduleSettings settings, TipPicker tips) {
        // The scheduler claims subscriptions only within its own transaction, never outbox rows: no
        // instance name needed.
        this.store = new DeliveryStore(Objects.requireNonNull(db, "db"), "scheduler");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.tips = Objects.requireNonNull(tips, "tips");
    }

    /**
     * Claims every subscription due by now (up to {@link ScheduleSettings#maxPerTick()}) and writes
     * its outbox row.
     *
     * @return how many deliveries became PENDING (skipped ones not counted)
     */
    public int tick() {
        Instant now = clock.instant();
        int pending = 0;
        int claimed = 0;
        while (claimed < settings.maxPerTick()) {
            int limit = Math.min(settings.claimBatch(), settings.maxPerTick() - claimed);
            DeliveryStore.Scheduled batch =
                    store.schedule(
                            now,
                            limit,
                            (due, tipsTaken) ->
                                    DeliveryDecisions.whenDue(
                                            due, now, settings.grace(), tips, tipsTaken));
            claimed += batch.claimed();
            pending += batch.pending();
            if (batch.claimed() < limit) break;
        }
        return pending;
    }

    /**
     * Ticks every {@link ScheduleSettings#tickInterval()} on a daemon thread until {@link
     * #close()}.
     */
    public synchronized void start() {
        if (timer != null) return;
        timer =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread t = new Thread(r, "ratbot-tip-scheduler");
                            t.setDaemon(true);
                            return t;
                        });
        long every = settings.tickInterval().toMillis();
        var unused =
                timer.scheduleWithFixedDelay(this::tickLogged, 0, every, TimeUnit.MILLISECONDS);
    }

    /**
     * Stops ticking and waits for a tick in progress to finish (its transaction commits or rolls
     * back whole).
     */
    @Override
    public synchronized void close() {
        if (timer == null) return;
        timer.shutdown();
        try {
            if (!timer.awaitTermination(30, TimeUnit.SECONDS)) timer.shutdownNow();
        } catch (InterruptedException e) {
            timer.shutdownNow();
            Thread.currentThread().interrupt();
        }
        timer = null;
    }

    private void tickLogged() {
        try {
            int n = tick();
            if (n > 0) log.debug("{} daily tips due", n);
        } catch (RuntimeException e) {
            // The next tick tries again; a database outage must not kill the timer thread.
            log.warn("tip scheduler tick failed: {}", e.getMessage());
        }
    }
}
