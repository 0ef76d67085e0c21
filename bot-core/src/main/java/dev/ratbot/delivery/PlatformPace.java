package dev.ratbot.delivery;

import dev.ratbot.message.Address;
import dev.ratbot.message.PlatformLimits;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.Optional;

/**
 * The pace of one platform: its overall budget, its per-chat and per-group buckets, and a pause set
 * by a retry-after. A send is allowed only when every limit that applies has a token. The pause and
 * the local buckets are checked first; only when they all agree is a token taken from the overall
 * budget (which may be shared through the database, so it is asked once, never merely probed), and
 * then from the local buckets, which cannot fail by then. So a refusal by one limit never wastes
 * another's token.
 */
final class PlatformPace {

    private final TimeMeter time;
    private final OverallBudget overall;
    private final IdleBuckets perChat;
    private final IdleBuckets perGroup;
    private long pausedUntilNanos = Long.MIN_VALUE;

    /**
     * Chats a platform answered "retry after" for, with when their pause ends; expired ones are
     * dropped.
     */
    private final java.util.Map<String, Long> chatPausedUntil = new java.util.HashMap<>();

    /**
     * @param overall the platform's overall budget; null when its overall rate is not limited
     */
    PlatformPace(PlatformLimits limits, OverallBudget overall, TimeMeter time) {
        this.time = time;
        this.overall = overall;
        Duration chatInterval = limits.perChat();
        this.perChat =
                chatInterval != null && chatInterval.isPositive()
                        ? new IdleBuckets(1, chatInterval, time)
                        : null;
        this.perGroup =
                limits.perGroupPerMinute() > 0
                        ? new IdleBuckets(limits.perGroupPerMinute(), Duration.ofMinutes(1), time)
                        : null;
    }

    /**
     * A refused send: how long to wait, and whether that wait holds for every chat of the platform
     * (its pause or its overall budget) or only for this chat (its own or its group's limit, or a
     * pause of that chat).
     */
    record Refusal(long waitNanos, boolean wholePlatform) {}

    synchronized long tryAcquire(Address to) {
        Refusal refusal = take(to);
        return refusal == null ? 0 : refusal.waitNanos();
    }

    /** Takes a permit for one send to {@code to}, or says why not (null when taken). */
    synchronized Refusal take(Address to) {
        long now = time.currentTimeNanos();
        // The chat id identifies the chat or channel; a thread inside it shares the chat's limit.
        String key = to.chatId();
        boolean group = perGroup != null && to.group();
        long pause = remainingPause(now);
        long wait = Math.max(pause, remainingChatPause(key, now));
        if (perChat != null) wait = Math.max(wait, perChat.waitNanos(key, now));
        if (group) wait = Math.max(wait, perGroup.waitNanos(key, now));
        if (wait > 0) return new Refusal(wait, pause > 0);
        if (overall != null) {
            Optional<Duration> overallWait = overall.tryTake();
            if (overallWait.isPresent())
                return new Refusal(Math.max(1, overallWait.get().toNanos()), true);
        }
        // The local buckets had a token and only this thread (under this lock) takes them, so these
        // cannot fail.
        if (perChat != null) perChat.take(key, now);
        if (group) perGroup.take(key, now);
        return null;
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

    /** Pauses one chat only (a reply's retry-after): other chats go on at their pace. */
    synchronized void pause(String chat, Duration retryAfter) {
        if (!retryAfter.isPositive()) return;
        long now = time.currentTimeNanos();
        if (chatPausedUntil.size() > 10_000)
            chatPausedUntil.values().removeIf(until -> until <= now);
        long until;
        try {
            until = Math.addExact(now, retryAfter.toNanos());
        } catch (ArithmeticException beyondRange) {
            until = Long.MAX_VALUE;
        }
        chatPausedUntil.merge(chat, until, Math::max);
    }

    private long remainingChatPause(String chat, long now) {
        Long until = chatPausedUntil.get(chat);
        if (until == null) return 0;
        if (until <= now) {
            chatPausedUntil.remove(chat);
            return 0;
        }
        return until - now;
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
