package dev.ratbot.telegram;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A few threads that handle updates, so one slow answer does not hold up every chat, with a bounded queue so a
 * flood cannot exhaust memory: long polling waits for room (back-pressure on {@code getUpdates}), the webhook
 * turns the update away with 503 so that Telegram delivers it again later.
 */
final class UpdateWorkers implements AutoCloseable {

    private final ThreadPoolExecutor pool;
    private final Duration grace;

    UpdateWorkers(int threads, int queueCapacity, Duration grace) {
        this.grace = grace;
        AtomicInteger n = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "telegram-update-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(queueCapacity), factory);
    }

    /** Queues the work; false when the queue is full or the workers are shutting down. */
    boolean offer(Runnable work) {
        try {
            pool.execute(work);
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    /** Queues the work, waiting for room; false only when the workers are shutting down. */
    boolean submitWaiting(Runnable work) throws InterruptedException {
        while (!pool.isShutdown()) {
            if (offer(work)) return true;
            // The queue is full: hold the poller back briefly instead of fetching more than we can handle.
            Thread.sleep(20);
        }
        return false;
    }

    /** Stops taking work and waits up to the grace period for queued and running updates to finish. */
    @Override
    public void close() {
        pool.shutdown();
        try {
            if (!pool.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) pool.shutdownNow();
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
