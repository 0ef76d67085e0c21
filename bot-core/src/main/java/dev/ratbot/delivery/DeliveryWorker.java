package dev.ratbot.delivery;

import dev.ratbot.conversation.Reply;
import dev.ratbot.platform.MessageSender;
import dev.ratbot.platform.Platform;
import dev.ratbot.platform.SendResult;
import dev.ratbot.store.Database;
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
 * Sends the daily tips the {@code TipScheduler} put in the outbox, through each platform's {@link MessageSender},
 * paced by the {@link Pacer}. Safe with any number of workers and instances on one database: a delivery is
 * claimed by exactly one of them ({@code FOR UPDATE SKIP LOCKED} on PostgreSQL).
 *
 * <p>Each round claims what the pacer allows now, marks it SENDING with a lease (this is the last write before the
 * platform is called), sends, and records the results:
 * <ul>
 *   <li>{@link SendResult.Delivered}: SENT.</li>
 *   <li>{@link SendResult.RetryAfter}: the platform is paused for that long ({@link Pacer#pause}) and the delivery
 *       retried after it.</li>
 *   <li>{@link SendResult.Transient} (or an exception from the sender): retried after a jittered {@link Backoff}
 *       delay; FAILED with the reason once the backoff gives up.</li>
 *   <li>{@link SendResult.Permanent}: FAILED, and exactly that subscription is STOPPED with the reason.</li>
 *   <li>{@link SendResult.Refused}: FAILED, and that subscription is PAUSED with the reason; its next day's tip is
 *       still tried, and one that goes through makes it ACTIVE again.</li>
 *   <li>{@link SendResult.Moved}: the subscription's address follows the chat and the tip is sent there.</li>
 * </ul>
 * A delivery that stays SENDING past its lease (its process died mid-send) becomes UNCONFIRMED and is never resent:
 * at most one tip a day matters more than the rare lost one. {@link #stop(Duration)} stops claiming, lets the
 * round in flight finish, and releases (back to PENDING) whatever was claimed but not yet handed to a platform.
 *
 * <p>Tests call {@link #runOnce()} on a settable clock; production calls {@link #start()} and {@link #close()}.
 */
public final class DeliveryWorker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);
    private static final Duration SWEEP_EVERY = Duration.ofSeconds(1);

    private final Map<Platform, MessageSender> senders = new EnumMap<>(Platform.class);
    private final Pacer pacer;
    private final Backoff backoff;
    private final TipMessages tips;
    private final Clock clock;
    private static final Duration MIN_REST = Duration.ofMillis(1);

    private final DeliverySettings settings;
    private final DeliveryStore store;

    private volatile boolean stopping;
    private volatile boolean releaseUnsent;
    /** How soon the pacer will grant the next refused delivery, as the last round learnt; null when unknown. */
    private volatile Duration nextPermit;
    private Instant lastSweep = Instant.MIN;
    private Thread loop;

    public DeliveryWorker(Database db, Collection<? extends MessageSender> senders, Pacer pacer, Backoff backoff,
                          TipMessages tips, Clock clock, DeliverySettings settings) {
        for (MessageSender s : senders) this.senders.put(s.platform(), s);
        this.pacer = Objects.requireNonNull(pacer, "pacer");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.tips = Objects.requireNonNull(tips, "tips");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.store = new DeliveryStore(Objects.requireNonNull(db, "db"), settings.instanceId());
    }

    /**
     * One round: accounts for lost and stale deliveries, claims what may be sent now, sends it and records the
     * results. Never blocks on the pacer.
     *
     * @return how many deliveries this round settled or sent (0 when there was nothing it could do now)
     */
    public int runOnce() {
        Instant now = clock.instant();
        int swept = 0;
        synchronized (this) {
            if (!now.isBefore(lastSweep.plus(SWEEP_EVERY)) || now.isBefore(lastSweep)) {
                lastSweep = now;
                swept = store.sweep(now, settings.grace()).total();
            }
        }
        if (stopping) return swept;
        List<Platform> open = new ArrayList<>();
        for (Platform p : senders.keySet()) {
            if (pacer.pausedFor(p).isZero()) open.add(p);
        }
        DeliveryStore.Round round = store.claim(now, open, settings.batchSize(), pacer, settings.lease(), settings.grace());
        nextPermit = round.nextPermit().orElse(null);
        List<ClaimedDelivery> claimed = round.claimed();
        if (claimed.isEmpty()) return swept + round.settled();
        List<Outcome> outcomes = send(claimed);
        Instant done = clock.instant();
        List<DeliveryStore.Settled> settled = new ArrayList<>(claimed.size());
        for (int i = 0; i < claimed.size(); i++) {
            settled.add(new DeliveryStore.Settled(claimed.get(i), DeliveryDecisions.afterSend(claimed.get(i), outcomes.get(i), done, backoff)));
        }
        store.record(settled, done, settings.maxMoves());
        return swept + round.settled() + claimed.size();
    }

    /**
     * How long the loop rests after a round that sent nothing: until the pacer's next permit when it refused
     * something (a paced platform is sent to at its full rate), otherwise the idle wait.
     */
    Duration restAfterIdleRound() {
        Duration permit = nextPermit;
        Duration idle = settings.idleWait();
        if (permit == null || permit.compareTo(idle) >= 0) return idle;
        return permit.compareTo(MIN_REST) < 0 ? MIN_REST : permit;
    }

    /**
     * Tips due and not yet sent, across all instances: outbox rows waiting or in flight, and subscriptions due that
     * no scheduler has queued yet. For the queue-depth metric.
     */
    public long backlog() {
        return store.backlog(clock.instant());
    }

    /** Runs rounds until one finds nothing to do at the current time. For tests and tools. */
    public int drain() {
        int total = 0;
        for (int n; (n = runOnce()) > 0; ) total += n;
        return total;
    }

    /** Runs rounds on a background thread until {@link #stop(Duration)}. */
    public synchronized void start() {
        if (loop != null) return;
        stopping = false;
        releaseUnsent = false;
        loop = Thread.ofPlatform().name("ratbot-delivery").daemon(true).start(() -> {
            while (!stopping) {
                int n;
                try {
                    n = runOnce();
                } catch (RuntimeException e) {
                    log.warn("delivery round failed: {}", e.getMessage());
                    n = 0;
                }
                if (n == 0 && !stopping) LockSupport.parkNanos(restAfterIdleRound().toNanos());
            }
        });
    }

    /**
     * Stops claiming, waits up to {@code timeout} for the round in flight, then releases what it has not yet handed
     * to a platform and waits for the sends already started. Returns true when the worker has finished.
     */
    public boolean stop(Duration timeout) {
        Thread t;
        synchronized (this) {
            t = loop;
            stopping = true;
        }
        if (t == null) return true;
        LockSupport.unpark(t);
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
        }
        return true;
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(30));
    }

    /** Makes the round in flight hand nothing more to the platforms (what remains is released). For shutdown and tests. */
    void releaseUnsent() {
        releaseUnsent = true;
    }

    private List<Outcome> send(List<ClaimedDelivery> claimed) {
        if (settings.concurrency() == 1 || claimed.size() == 1) {
            List<Outcome> out = new ArrayList<>(claimed.size());
            for (ClaimedDelivery d : claimed) out.add(sendOne(d));
            return out;
        }
        Semaphore slots = new Semaphore(settings.concurrency());
        List<Future<Outcome>> futures = new ArrayList<>(claimed.size());
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (ClaimedDelivery d : claimed) {
                futures.add(threads.submit(() -> {
                    slots.acquire();
                    try {
                        return sendOne(d);
                    } finally {
                        slots.release();
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

    private Outcome sendOne(ClaimedDelivery d) {
        // A retry-after seen earlier in this round pauses the platform: the rest wait for another round.
        if (releaseUnsent || !pacer.pausedFor(d.address().platform()).isZero()) return new Outcome.Released();
        Optional<Reply> reply = tips.forTip(d.tipId());
        if (reply.isEmpty()) return new Outcome.NoTip(d.tipId());
        SendResult result;
        try {
            result = senders.get(d.address().platform()).send(d.address(), reply.get());
            if (result == null) result = new SendResult.Transient("the sender returned no result");
        } catch (RuntimeException e) {
            result = new SendResult.Transient("the sender threw " + e);
        }
        if (result instanceof SendResult.RetryAfter ra) pacer.pause(d.address().platform(), ra.after());
        return new Outcome.Sent(result);
    }
}
