package dev.ratbot.delivery;

import dev.ratbot.message.MessageSender;
import dev.ratbot.message.Platform;
import dev.ratbot.message.Reply;
import dev.ratbot.message.SendResult;
import dev.ratbot.store.Database;
import dev.ratbot.tips.TipMessages;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the daily tips the {@link TipScheduler} put in the outbox, through each platform's {@link
 * MessageSender}, paced by the {@link Pacer}. Safe with any number of workers and instances on one
 * database: a delivery is claimed by exactly one of them ({@code FOR UPDATE SKIP LOCKED} on
 * PostgreSQL).
 *
 * <p>A delivery is claimed only when the pacer grants its send, and marked SENDING with a lease
 * (the last write before the platform is called); then it is sent, and its result recorded as
 * {@link DeliveryDecisions#afterSend} decides:
 *
 * <ul>
 *   <li>{@link SendResult.Delivered}: SENT.
 *   <li>{@link SendResult.RetryAfter}: the platform is paused for that long ({@link Pacer#pause})
 *       and the delivery retried after it.
 *   <li>{@link SendResult.Transient} (or an exception from the sender): retried after a jittered
 *       {@link Backoff} delay; FAILED with the reason once the backoff gives up.
 *   <li>{@link SendResult.Permanent}: FAILED, and exactly that subscription is STOPPED with the
 *       reason.
 *   <li>{@link SendResult.Refused}: FAILED, and that subscription is PAUSED with the reason; its
 *       next day's tip is still tried, and one that goes through makes it ACTIVE again.
 *   <li>{@link SendResult.Moved}: the subscription's address follows the chat and the tip is sent
 *       there.
 * </ul>
 *
 * A delivery that stays SENDING past its lease (its process died mid-send) becomes UNCONFIRMED and
 * is never resent: at most one tip a day matters more than the rare lost one.
 *
 * <p>Two ways to run. {@link #runOnce()} is one whole round, for tests on a settable clock and for
 * tools: claim, send (at most {@link DeliverySettings#concurrency()} at once), wait, record. The
 * background loop of {@link #start()} is a pipeline instead ({@link #pump()}): it claims whenever
 * the pacer grants a permit and a send slot is free, hands each claimed tip to a virtual thread at
 * once, and records results as they come in, so that up to {@code concurrency} sends wait on the
 * network together. A platform's budget is then used whatever its latency: at 30 messages/s and 1 s
 * per send, about 30 are in flight. {@link #stop(Duration)} stops claiming, lets the sends in
 * flight finish and records them, and releases (back to PENDING) whatever was claimed but not yet
 * handed to a platform.
 */
public final class DeliveryWorker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);
    private static final Duration SWEEP_EVERY = Duration.ofSeconds(1);
    private static final Duration MIN_REST = Duration.ofMillis(1);

    /** How often the background loop deletes records older than the retention. */
    static final Duration PRUNE_EVERY = Duration.ofHours(1);

    private final Map<Platform, MessageSender> senders = new EnumMap<>(Platform.class);
    private final Pacer pacer;
    private final Backoff backoff;
    private final TipMessages tips;
    private final Clock clock;
    private final DeliverySettings settings;
    private final DeliveryStore store;

    /** Free send slots of the pipeline: {@code concurrency} less the sends in flight. */
    private final Semaphore slots;

    /** Sends the pipeline finished and has not recorded yet. */
    private final ConcurrentLinkedQueue<DeliveryStore.Settled> finished =
            new ConcurrentLinkedQueue<>();

    private volatile boolean stopping;
    private volatile boolean releaseUnsent;

    /**
     * When (by the pacer's clock) it will grant the next refused delivery, as the last claim
     * learnt; null when unknown.
     */
    private volatile Instant nextPermitAt;

    private Instant lastSweep = Instant.MIN;
    private volatile Thread loop;
    private volatile Thread pruner;

    public DeliveryWorker(
            Database db,
            Collection<? extends MessageSender> senders,
            Pacer pacer,
            Backoff backoff,
            TipMessages tips,
            Clock clock,
            DeliverySettings settings) {
        for (MessageSender s : senders) this.senders.put(s.platform(), s);
        this.pacer = Objects.requireNonNull(pacer, "pacer");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.tips = Objects.requireNonNull(tips, "tips");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.store = new DeliveryStore(Objects.requireNonNull(db, "db"), settings.instanceId());
        this.slots = new Semaphore(settings.concurrency());
    }

    // ---- one whole round
    // -------------------------------------------------------------------------------------

    /**
     * One round: accounts for lost and stale deliveries, claims what may be sent now, sends it,
     * waits for every send and records the results. Never blocks on the pacer.
     *
     * @return how many deliveries this round settled or sent (0 when there was nothing it could do
     *     now)
     */
    public int runOnce() {
        Instant now = clock.instant();
        int swept = sweepIfDue(now);
        if (stopping) return swept;
        DeliveryStore.Round round = claim(now, settings.batchSize());
        List<ClaimedDelivery> claimed = round.claimed();
        if (claimed.isEmpty()) return swept + round.settled();
        List<Outcome> outcomes = send(claimed);
        Instant done = clock.instant();
        List<DeliveryStore.Settled> settled = new ArrayList<>(claimed.size());
        for (int i = 0; i < claimed.size(); i++)
            settled.add(settle(claimed.get(i), outcomes.get(i), done));
        store.record(settled, done, settings.maxMoves());
        return swept + round.settled() + claimed.size();
    }

    /** Runs rounds until one finds nothing to do at the current time. For tests and tools. */
    public int drain() {
        int total = 0;
        for (int n; (n = runOnce()) > 0; ) total += n;
        return total;
    }

    private List<Outcome> send(List<ClaimedDelivery> claimed) {
        if (settings.concurrency() == 1 || claimed.size() == 1) {
            List<Outcome> out = new ArrayList<>(claimed.size());
            for (ClaimedDelivery d : claimed) out.add(sendOne(d));
            return out;
        }
        Semaphore roundSlots = new Semaphore(settings.concurrency());
        List<Future<Outcome>> futures = new ArrayList<>(claimed.size());
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (ClaimedDelivery d : claimed) {
                futures.add(
                        threads.submit(
                                () -> {
                                    roundSlots.acquire();
                                    try {
                                        return sendOne(d);
                                    } finally {
                                        roundSlots.release();
                                    }
                                }));
            }
        }
        List<Outcome> out = new ArrayList<>(claimed.size());
        for (Future<Outcome> f : futures) {
            try {
                out.add(f.get(0, TimeUnit.SECONDS));
            } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                out.add(new Outcome.Sent(new SendResult.Transient("send failed: " + e.getCause())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                out.add(new Outcome.Released());
            }
        }
        return out;
    }

    // ---- the pipeline
    // ----------------------------------------------------------------------------------------

    /**
     * One step of the pipeline, never waiting for a send: claims what the pacer grants now, up to
     * the free send slots, and hands each claimed tip to a virtual thread of its own; then records
     * the sends that finished since the last step and accounts for lost and stale deliveries. The
     * background loop calls it; tests call it on a settable clock.
     *
     * @return how many deliveries this step recorded, settled or handed to a platform (0 when it
     *     did nothing)
     */
    int pump() {
        return step().work();
    }

    /**
     * What one {@link #pump()} did: how much work, and, when it claimed, when the pacer grants the
     * next send it refused (empty when it refused none).
     */
    private record Step(int work, Optional<Instant> nextPermitAt) {}

    /**
     * Claims first: a permit just granted is worth more than the few milliseconds recording takes.
     */
    private Step step() {
        Instant now = clock.instant();
        int free = slots.availablePermits();
        int claimed = 0;
        Optional<Instant> nextPermit = Optional.empty();
        if (!stopping && free > 0) {
            DeliveryStore.Round round = claim(now, Math.min(settings.batchSize(), free));
            for (ClaimedDelivery d : round.claimed()) dispatch(d);
            claimed = round.settled() + round.claimed().size();
            nextPermit = round.nextPermitAt();
        }
        int recorded = recordFinished();
        int swept = sweepIfDue(now);
        return new Step(claimed + recorded + swept, nextPermit);
    }

    /**
     * How many sends of the pipeline are in flight (handed to a thread, result not yet queued for
     * recording).
     */
    int inFlight() {
        return settings.concurrency() - slots.availablePermits();
    }

    /**
     * Waits up to {@code timeout} until the pipeline has no send in flight, then records what
     * finished. For tests.
     *
     * @return true when nothing is in flight any more
     */
    boolean awaitInFlight(Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (inFlight() > 0 && System.nanoTime() - end < 0)
            LockSupport.parkNanos(Duration.ofMillis(1).toNanos());
        recordFinished();
        return inFlight() == 0;
    }

    private void dispatch(ClaimedDelivery d) {
        // Never blocks: only the pump takes slots, and it claimed no more than were free.
        slots.acquireUninterruptibly();
        try {
            Thread.ofVirtual()
                    .name("ratbot-tip-send-" + d.id())
                    .start(
                            () -> {
                                try {
                                    finished.add(settle(d, sendOne(d), clock.instant()));
                                } catch (RuntimeException | Error e) {
                                    // A bug: the row stays SENDING until its lease runs out and is
                                    // then counted UNCONFIRMED.
                                    log.error(
                                            "delivery {} failed unexpectedly; it will be counted as unconfirmed",
                                            d.id(),
                                            e);
                                } finally {
                                    // Wake the loop only when it may be waiting for this slot (or
                                    // for the last sends at shutdown);
                                    // otherwise the result is recorded after its next claim, and
                                    // the pacing stays undisturbed.
                                    boolean wasFull = slots.availablePermits() == 0;
                                    slots.release();
                                    Thread waiting = loop;
                                    if (waiting != null && (wasFull || stopping))
                                        LockSupport.unpark(waiting);
                                }
                            });
        } catch (RuntimeException | Error e) {
            slots.release();
            throw e;
        }
    }

    /**
     * Records the finished sends in one transaction. When the store fails (an outage), they stay
     * queued and the next step tries again, as long as their lease lasts; a result whose lease ran
     * out could only be refused, since the row is then UNCONFIRMED.
     */
    private int recordFinished() {
        List<DeliveryStore.Settled> batch = new ArrayList<>();
        for (DeliveryStore.Settled s; (s = finished.poll()) != null; ) batch.add(s);
        if (batch.isEmpty()) return 0;
        Instant now = clock.instant();
        try {
            store.record(batch, now, settings.maxMoves());
        } catch (RuntimeException e) {
            List<DeliveryStore.Settled> keep =
                    batch.stream().filter(s -> s.delivery().leaseUntil().isAfter(now)).toList();
            if (keep.size() < batch.size()) {
                log.warn(
                        "{} delivery results could not be recorded before their lease ran out; they count as unconfirmed",
                        batch.size() - keep.size());
            }
            finished.addAll(keep);
            throw e;
        }
        return batch.size();
    }

    /**
     * The background loop: pumps, and after a claim the pacer cut short rests until its next
     * permit, so a paced platform is sent to at its full rate without asking the store in vain.
     * When every slot is busy it waits for one to come free (the send that frees it wakes the
     * loop).
     */
    private void runLoop() {
        long claimAt = System.nanoTime();
        while (!stopping) {
            int work = 0;
            try {
                if (System.nanoTime() - claimAt >= 0 && slots.availablePermits() > 0) {
                    Step step = step();
                    work += step.work();
                    long afterClaim = System.nanoTime();
                    if (step.nextPermitAt().isPresent()) {
                        claimAt =
                                afterClaim
                                        + restUntil(
                                                        Duration.between(
                                                                pacer.clock().instant(),
                                                                step.nextPermitAt().get()))
                                                .toNanos();
                    } else if (step.work() == 0) {
                        claimAt = afterClaim + settings.idleWait().toNanos();
                    } else {
                        claimAt = afterClaim;
                    }
                } else if (slots.availablePermits() == 0) {
                    // Every slot is busy: record what finished meanwhile while waiting for one to
                    // come free.
                    work = recordFinished();
                }
            } catch (RuntimeException e) {
                log.warn("delivery round failed: {}", e.getMessage());
                claimAt = System.nanoTime() + settings.idleWait().toNanos();
                work = 0;
            }
            long rest = claimAt - System.nanoTime();
            if (stopping) break;
            if (rest > 0) LockSupport.parkNanos(rest);
            else if (work == 0) LockSupport.parkNanos(settings.idleWait().toNanos());
        }
        finishInFlight();
    }

    /**
     * After the loop stopped claiming: waits for the sends in flight and records them, for at most
     * the lease. A store that cannot record is tried again until {@link #stop}'s timeout has
     * passed; then what is left counts as unconfirmed (never sent twice).
     */
    private void finishInFlight() {
        long end = System.nanoTime() + settings.lease().toNanos();
        while (inFlight() > 0 || !finished.isEmpty()) {
            try {
                recordFinished();
            } catch (RuntimeException e) {
                if (releaseUnsent) {
                    log.warn(
                            "could not record {} delivery results at shutdown ({}); they count as unconfirmed",
                            finished.size(),
                            e.getMessage());
                    return;
                }
                LockSupport.parkNanos(Duration.ofMillis(500).toNanos());
            }
            if (System.nanoTime() - end >= 0) {
                log.warn(
                        "stopped waiting for {} tips in flight; they count as unconfirmed",
                        inFlight() + finished.size());
                return;
            }
            if (inFlight() > 0) LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
    }

    /**
     * At least {@link #MIN_REST}: a permit due now (or a clock that moved) must not make the loop
     * spin.
     */
    private static Duration restUntil(Duration permit) {
        return permit.compareTo(MIN_REST) < 0 ? MIN_REST : permit;
    }

    // ---- shared by both ways
    // ---------------------------------------------------------------------------------

    private int sweepIfDue(Instant now) {
        synchronized (this) {
            if (now.isBefore(lastSweep.plus(SWEEP_EVERY)) && !now.isBefore(lastSweep)) return 0;
            lastSweep = now;
        }
        return store.sweep(now, settings.grace()).total();
    }

    private DeliveryStore.Round claim(Instant now, int limit) {
        List<Platform> open = new ArrayList<>();
        for (Platform p : senders.keySet()) {
            if (pacer.pausedFor(p).isZero()) open.add(p);
        }
        DeliveryStore.Round round =
                store.claim(now, open, limit, pacer, settings.lease(), settings.grace());
        nextPermitAt = round.nextPermitAt().orElse(null);
        return round;
    }

    private DeliveryStore.Settled settle(ClaimedDelivery d, Outcome outcome, Instant at) {
        return new DeliveryStore.Settled(d, DeliveryDecisions.afterSend(d, outcome, at, backoff));
    }

    private Outcome sendOne(ClaimedDelivery d) {
        // A retry-after seen earlier pauses the platform: the rest wait to be claimed again.
        if (releaseUnsent || !pacer.pausedFor(d.address().platform()).isZero())
            return new Outcome.Released();
        Optional<Reply> reply = tips.forTip(d.tipId());
        if (reply.isEmpty()) return new Outcome.NoTip(d.tipId());
        SendResult result;
        try {
            result = senders.get(d.address().platform()).send(d.address(), reply.get());
            if (result == null) result = new SendResult.Transient("the sender returned no result");
        } catch (RuntimeException e) {
            result = new SendResult.Transient("the sender threw " + e);
        }
        if (result instanceof SendResult.RetryAfter ra)
            pacer.pause(d.address().platform(), ra.after());
        return new Outcome.Sent(result);
    }

    /**
     * How long the loop rests after a round that sent nothing: until the pacer's next permit when
     * it refused something (a paced platform is sent to at its full rate), otherwise the idle wait.
     */
    Duration restAfterIdleRound() {
        Instant permitAt = nextPermitAt;
        Duration idle = settings.idleWait();
        if (permitAt == null) return idle;
        Duration permit = Duration.between(pacer.clock().instant(), permitAt);
        return permit.compareTo(idle) >= 0 ? idle : restUntil(permit);
    }

    /**
     * Tips due and not yet sent, across all instances: outbox rows waiting or in flight, and
     * subscriptions due that no scheduler has queued yet. For the queue-depth metric.
     */
    public long backlog() {
        return store.backlog(clock.instant());
    }

    /**
     * Deletes settled delivery records older than {@link DeliverySettings#retention()}, never
     * today's or yesterday's (they keep one tip a day) nor the tips of a subscription's current
     * pass through the catalogue.
     *
     * @return how many records were deleted
     */
    public int prune() {
        return store.prune(clock.instant(), settings.retention());
    }

    private void pruneHourly() {
        // A worker started again after stop() has a new pruner; this one then ends.
        while (!stopping && pruner == Thread.currentThread()) {
            try {
                int deleted = prune();
                if (deleted > 0)
                    log.info(
                            "deleted {} delivery records older than {}",
                            deleted,
                            settings.retention());
            } catch (RuntimeException e) {
                log.warn("could not delete old delivery records: {}", e.getMessage());
            }
            if (!stopping) LockSupport.parkNanos(PRUNE_EVERY.toNanos());
        }
    }

    // ---- lifecycle
    // -------------------------------------------------------------------------------------------

    /**
     * Runs the pipeline on a background thread until {@link #stop(Duration)}, and deletes records
     * older than the retention now and every hour.
     */
    public synchronized void start() {
        if (loop != null) return;
        stopping = false;
        releaseUnsent = false;
        loop = Thread.ofPlatform().name("ratbot-delivery").daemon(true).start(this::runLoop);
        pruner = Thread.ofVirtual().name("ratbot-delivery-retention").start(this::pruneHourly);
    }

    /**
     * Stops claiming, waits up to {@code timeout} for the sends in flight and records them, then
     * releases what has not yet been handed to a platform and waits (up to the lease) for the sends
     * already started. Returns true when the worker has finished.
     */
    public boolean stop(Duration timeout) {
        Thread t;
        synchronized (this) {
            t = loop;
            stopping = true;
        }
        if (t == null) return true;
        LockSupport.unpark(t);
        Thread p = pruner;
        if (p != null) LockSupport.unpark(p);
        try {
            if (!t.join(timeout)) {
                releaseUnsent = true;
                if (!t.join(settings.lease())) return false;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        synchronized (this) {
            loop = null;
            pruner = null;
        }
        return true;
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(30));
    }

    /** Whether {@link #stop} was called: nothing more is claimed. */
    boolean stopping() {
        return stopping;
    }

    /**
     * Makes the sends not yet handed to a platform hand nothing more to it (what remains is
     * released). For shutdown and tests.
     */
    void releaseUnsent() {
        releaseUnsent = true;
    }
}
