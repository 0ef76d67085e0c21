package dev.ratbot.discord;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One conversation, one lane: the events of one channel run one at a time, in the order they were handed in,
 * while different channels run in parallel (at most {@code parallel} at once). Without it two quick commands in
 * one channel ("/subscribe 08:00" then "/unsubscribe") race on the worker threads and may end in the wrong
 * state or be answered out of order. Thread-safe; {@link #run} never blocks the caller (the gateway thread).
 */
final class Lanes {

    private static final Logger log = LoggerFactory.getLogger(Lanes.class);

    private final ExecutorService workers;
    private final Semaphore running;
    /** The channels with work queued or running, and their queues; a lane disappears when it drains. */
    private final Map<Long, java.util.ArrayDeque<Runnable>> lanes = new HashMap<>();

    Lanes(ExecutorService workers, int parallel) {
        this.workers = workers;
        this.running = new Semaphore(parallel);
    }

    /** Queues {@code task} behind the earlier tasks of {@code lane}. */
    void run(long lane, Runnable task) {
        boolean start;
        synchronized (lanes) {
            var queue = lanes.get(lane);
            start = queue == null;
            if (start) lanes.put(lane, queue = new java.util.ArrayDeque<>());
            queue.add(task);
        }
        if (start) {
            try {
                workers.execute(() -> drain(lane));
            } catch (RejectedExecutionException e) {
                synchronized (lanes) {
                    lanes.remove(lane);
                }
                throw e;
            }
        }
    }

    private void drain(long lane) {
        try {
            running.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            synchronized (lanes) {
                lanes.remove(lane);
            }
            return;
        }
        try {
            while (true) {
                Runnable next;
                synchronized (lanes) {
                    var queue = lanes.get(lane);
                    next = queue.poll();
                    if (next == null) {
                        lanes.remove(lane);
                        return;
                    }
                }
                try {
                    next.run();
                } catch (RuntimeException e) {
                    log.error("Discord: event handler failed: {}", e.toString());
                    log.debug("trace of the failure above", e);
                }
            }
        } finally {
            running.release();
        }
    }
}
