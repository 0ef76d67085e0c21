package dev.ratbot.delivery;

import dev.ratbot.platform.Address;
import dev.ratbot.platform.PlatformLimits;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;

/**
 * The pace of one platform: its overall bucket, its per-chat and per-group buckets, and a pause set by a
 * retry-after. A send is allowed only when every bucket that applies has a token; tokens are then taken from all
 * of them together, so a refusal by one bucket never wastes another's token.
 */
final class PlatformPace {

    private final TimeMeter time;
    private final Bucket overall;
    private final IdleBuckets perChat;
    private final IdleBuckets perGroup;
    private long pausedUntilNanos = Long.MIN_VALUE;

    PlatformPace(PlatformLimits limits, TimeMeter time) {
        this.time = time;
        this.overall = limits.overallPerSecond() > 0
                ? Pacing.smooth(limits.overallPerSecond(), Duration.ofSeconds(1), time)
                : null;
        Duration chatInterval = limits.perChat();
        this.perChat = chatInterval != null && chatInterval.isPositive()
                ? new IdleBuckets(1, chatInterval, time)
                : null;
        this.perGroup = limits.perGroupPerMinute() > 0
                ? new IdleBuckets(limits.perGroupPerMinute(), Duration.ofMinutes(1), time)
                : null;
    }

    synchronized long tryAcquire(Address to) {
        long now = time.currentTimeNanos();
        // The chat id identifies the chat or channel; a thread inside it shares the chat's limit.
        String key = to.chatId();
        boolean group = perGroup != null && to.group();
        long wait = remainingPause(now);
        if (overall != null) {
            var probe = overall.estimateAbilityToConsume(1);
            if (!probe.canBeConsumed()) wait = Math.max(wait, Math.max(1, probe.getNanosToWaitForRefill()));
        }
        if (perChat != null) wait = Math.max(wait, perChat.waitNanos(key, now));
        if (group) wait = Math.max(wait, perGroup.waitNanos(key, now));
        if (wait > 0) return wait;
        // Every limit has a token and only this thread takes them, so none of these can fail.
        if (overall != null) overall.tryConsume(1);
        if (perChat != null) perChat.take(key, now);
        if (group) perGroup.take(key, now);
        return 0;
    }

    synchronized void pause(Duration retryAfter) {
        if (!retryAfter.isPositive()) return;
        long now = time.currentTimeNanos();
        long until;
        try {
            until = Math.addExact(now, retryAfter.toNanos());
        } catch (ArithmeticException beyondRange) {
            until = Long.MAX_VALUE;
        }
        pausedUntilNanos = Math.max(pausedUntilNanos, until);
    }

    synchronized long pausedForNanos() {
        return remainingPause(time.currentTimeNanos());
    }

    private long remainingPause(long now) {
        return pausedUntilNanos > now ? pausedUntilNanos - now : 0;
    }

    synchronized int trackedChats() {
        return (perChat == null ? 0 : perChat.size()) + (perGroup == null ? 0 : perGroup.size());
    }
}
