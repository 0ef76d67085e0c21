package dev.ratbot.delivery;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * One token bucket per key (a chat or a group), created when a token is first taken and dropped
 * once it has been idle long enough to be full again, which is exactly the state of a key that has
 * no bucket: forgetting it changes nothing, and memory stays proportional to the chats sent to
 * recently rather than to every chat ever asked about. Not thread-safe; the owning {@link
 * PlatformPace} guards it.
 */
final class IdleBuckets {

    private final long tokens;
    private final Duration period;
    private final TimeMeter time;
    private final long fullAfterNanos;
    private final Map<String, Entry> buckets = new HashMap<>();
    private long lastSweepNanos;

    /** Buckets that hold one token and earn {@code tokens} per {@code period}. */
    IdleBuckets(long tokens, Duration period, TimeMeter time) {
        this.tokens = tokens;
        this.period = period;
        this.time = time;
        this.fullAfterNanos = Pacing.spacing(tokens, period).toNanos();
        this.lastSweepNanos = time.currentTimeNanos();
    }

    /** How long until {@code key} has a token; 0 when it has one now. */
    long waitNanos(String key, long nowNanos) {
        sweep(nowNanos);
        Entry entry = buckets.get(key);
        if (entry == null) return 0;
        var probe = entry.bucket.estimateAbilityToConsume(1);
        return probe.canBeConsumed() ? 0 : Math.max(1, probe.getNanosToWaitForRefill());
    }

    /** Takes {@code key}'s token; the caller has just seen {@link #waitNanos} return 0. */
    void take(String key, long nowNanos) {
        Entry entry =
                buckets.computeIfAbsent(key, k -> new Entry(Pacing.smooth(tokens, period, time)));
        entry.bucket.tryConsume(1);
        entry.lastUsedNanos = nowNanos;
    }

    int size() {
        return buckets.size();
    }

    private void sweep(long nowNanos) {
        // Sweeping at most once per refill time keeps the cost amortised O(1) per send.
        if (nowNanos - lastSweepNanos < fullAfterNanos) return;
        lastSweepNanos = nowNanos;
        buckets.values().removeIf(e -> nowNanos - e.lastUsedNanos >= fullAfterNanos);
    }

    private static final class Entry {
        final Bucket bucket;
        long lastUsedNanos;

        Entry(Bucket bucket) {
            this.bucket = bucket;
        }
    }
}
