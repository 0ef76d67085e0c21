package dev.ratbot.delivery;

import dev.ratbot.message.Address;
import dev.ratbot.message.MessageSender;
import dev.ratbot.message.Platform;
import dev.ratbot.message.PlatformLimits;
import dev.ratbot.message.Reply;
import dev.ratbot.message.SendResult;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A fake platform for the delivery benchmark that behaves like Telegram under load: it declares
 * Telegram's limits, refuses with "retry after 1 s" any message that would be the 31st within the
 * trailing second (counted on arrival, in real time), and answers every message it accepts only
 * after {@code latency}. Records every accepted message per chat, the refusals and the most
 * messages it ever had in hand at once. Thread-safe.
 */
final class RateLimitedPlatform implements MessageSender {

    static final PlatformLimits TELEGRAM = new PlatformLimits(4096, 30, Duration.ofSeconds(1), 20);
    private static final long WINDOW = Duration.ofSeconds(1).toNanos();

    private final Duration latency;
    private final int perSecond;
    private final ArrayDeque<Long> arrivals = new ArrayDeque<>();
    private final Map<String, Integer> accepted = new ConcurrentHashMap<>();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger inHand = new AtomicInteger();
    private final AtomicInteger mostInHand = new AtomicInteger();
    private final long[] acceptedAt;
    private final AtomicInteger acceptedCount = new AtomicInteger();

    /**
     * @param capacity the most messages it will accept (their arrival times are kept)
     */
    RateLimitedPlatform(Duration latency, int capacity) {
        this.latency = latency;
        this.perSecond = TELEGRAM.overallPerSecond();
        this.acceptedAt = new long[capacity];
    }

    @Override
    public Platform platform() {
        return Platform.TELEGRAM;
    }

    @Override
    public PlatformLimits limits() {
        return TELEGRAM;
    }

    @Override
    public SendResult send(Address to, Reply reply) {
        long now = System.nanoTime();
        synchronized (arrivals) {
            while (!arrivals.isEmpty() && now - arrivals.peekFirst() >= WINDOW)
                arrivals.pollFirst();
            if (arrivals.size() >= perSecond) {
                refused.incrementAndGet();
                return new SendResult.RetryAfter(Duration.ofSeconds(1));
            }
            arrivals.addLast(now);
        }
        mostInHand.accumulateAndGet(inHand.incrementAndGet(), Math::max);
        try {
            if (latency.isPositive()) LockSupport.parkNanos(latency.toNanos());
        } finally {
            inHand.decrementAndGet();
        }
        accepted.merge(to.chatId(), 1, Integer::sum);
        int i = acceptedCount.getAndIncrement();
        if (i < acceptedAt.length) acceptedAt[i] = now;
        return new SendResult.Delivered();
    }

    /** Messages accepted per chat. */
    Map<String, Integer> accepted() {
        return Map.copyOf(accepted);
    }

    int acceptedCount() {
        return acceptedCount.get();
    }

    /**
     * Arrival time (System.nanoTime) of the {@code i}-th accepted message, in the order they were
     * accepted.
     */
    long acceptedAt(int i) {
        return acceptedAt[i];
    }

    /** Messages answered "retry after" because they broke the limit. */
    int refused() {
        return refused.get();
    }

    /** The most messages being answered at once. */
    int mostInHand() {
        return mostInHand.get();
    }
}
