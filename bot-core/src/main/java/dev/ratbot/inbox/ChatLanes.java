package dev.ratbot.inbox;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One conversation, one lane: work for one chat runs one item at a time, in the order it was
 * queued; different chats run in parallel, at most {@code maxParallel} at once. So "/subscribe
 * 07:00" then "/subscribe 09:00" from one chat always ends at 09:00, and a slow answer in one chat
 * never holds up another.
 *
 * <p>Each busy lane drains on its own virtual thread, so a lane that waits (for its reply's turn
 * under a rate limit) costs no platform thread. The queue is bounded in total ({@code capacity}):
 * {@link #offer} refuses when it is full, {@link #submitWaiting} waits for room (back-pressure on a
 * poller). Work that throws is logged in one line and the lane carries on. Platform-neutral.
 * Thread-safe.
 */
public final class ChatLanes implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ChatLanes.class);
    private static final Duration DEFAULT_GRACE = Duration.ofSeconds(10);

    private final String name;
    private final int capacity;
    private final Semaphore parallel;
    private final Object lock = new Object();
    private final Map<String, ArrayDeque<Runnable>> lanes = new HashMap<>();
    private final AtomicInteger threads = new AtomicInteger();
    private int queued;
    private int running;
    private boolean closed;

    /**
     * @param name names the lanes' threads ({@code name-lane-N})
     * @param maxParallel how many lanes run work at the same moment
     * @param capacity how many items may wait in all lanes together
     */
    public ChatLanes(String name, int maxParallel, int capacity) {
        if (maxParallel < 1) throw new IllegalArgumentException("maxParallel < 1");
        if (capacity < 1) throw new IllegalArgumentException("capacity < 1");
        this.name = Objects.requireNonNull(name, "name");
        this.capacity = capacity;
        this.parallel = new Semaphore(maxParallel, true);
    }

    /** Queues {@code work} at the end of {@code lane}; false when the lanes are full or closed. */
    public boolean offer(String lane, Runnable work) {
        Objects.requireNonNull(lane, "lane");
        Objects.requireNonNull(work, "work");
        synchronized (lock) {
            if (closed || queued >= capacity) return false;
            enqueue(lane, work);
            return true;
        }
    }

    /** Queues {@code work}, waiting for room; false only when the lanes are closed. */
    public boolean submitWaiting(String lane, Runnable work) throws InterruptedException {
        Objects.requireNonNull(lane, "lane");
        Objects.requireNonNull(work, "work");
        synchronized (lock) {
            while (!closed && queued >= capacity) lock.wait();
            if (closed) return false;
            enqueue(lane, work);
            return true;
        }
    }

    /** True when {@link #offer} would refuse for lack of room now. */
    public boolean full() {
        synchronized (lock) {
            return queued >= capacity;
        }
    }

    /** Items queued or running in all lanes. */
    public int pending() {
        synchronized (lock) {
            return queued + running;
        }
    }

    /** Waits until nothing is queued or running, or the timeout passes; true when idle. */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (queued + running > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) return false;
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
            return true;
        }
    }

    /** {@link #close(Duration)} with ten seconds' grace. */
    @Override
    public void close() {
        close(DEFAULT_GRACE);
    }

    /**
     * Stops taking work, lets queued and running work finish for up to {@code grace}, then drops
     * what has not started. Returns how many items were dropped (their callers must have kept them
     * elsewhere, e.g. in an inbox).
     */
    public int close(Duration grace) {
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
        }
        try {
            awaitIdle(grace);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (lock) {
            int dropped = queued;
            lanes.values().forEach(ArrayDeque::clear);
            queued = 0;
            lock.notifyAll();
            return dropped;
        }
    }

    private void enqueue(String lane, Runnable work) {
        ArrayDeque<Runnable> q = lanes.get(lane);
        queued++;
        if (q != null) {
            q.add(work); // the lane's drain thread will reach it
            return;
        }
        q = new ArrayDeque<>();
        q.add(work);
        lanes.put(lane, q);
        ArrayDeque<Runnable> mine = q;
        Thread.ofVirtual()
                .name(name + "-lane-" + threads.incrementAndGet())
                .start(() -> drain(lane, mine));
    }

    private void drain(String lane, ArrayDeque<Runnable> q) {
        while (true) {
            // The permit first: work waiting for one still counts as queued, so the capacity bounds
            // all of it.
            try {
                parallel.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                synchronized (lock) {
                    queued -= q.size();
                    q.clear();
                    lanes.remove(lane, q);
                    lock.notifyAll();
                }
                return;
            }
            Runnable next;
            synchronized (lock) {
                next = q.poll();
                if (next == null) {
                    lanes.remove(lane, q);
                    lock.notifyAll();
                    parallel.release();
                    return;
                }
                queued--;
                running++;
                lock.notifyAll();
            }
            try {
                next.run();
            } catch (RuntimeException | Error e) {
                log.warn("work in {} lanes failed: {}", name, e.toString());
            } finally {
                parallel.release();
                synchronized (lock) {
                    running--;
                    lock.notifyAll();
                }
            }
        }
    }
}
