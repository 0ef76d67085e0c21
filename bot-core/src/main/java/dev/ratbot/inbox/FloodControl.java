package dev.ratbot.inbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Per-user flood control in one chat: up to {@code limit} messages in any {@code window}; the first
 * one past it is told to slow down once, the rest are ignored until the oldest counted message
 * leaves the window. So one person cannot use up a group's 20 replies a minute, and gets one
 * friendly word instead of silence. A limit of zero turns it off. Platform-neutral; thread-safe;
 * memory stays proportional to the users heard from within one window.
 */
public final class FloodControl {

    /** What to do with one message. */
    public enum Verdict {
        /** Handle it. */
        PASS,
        /** Say "slow down" once and do not handle it. */
        WARN,
        /** Drop it silently. */
        IGNORE
    }

    private static final class Sender {
        final ArrayDeque<Instant> recent = new ArrayDeque<>();
        boolean warned;
    }

    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Sender> senders = new HashMap<>();
    private Instant lastSweep;

    public FloodControl(int limit, Duration window, Clock clock) {
        if (limit < 0) throw new IllegalArgumentException("limit < 0");
        if (!window.isPositive()) throw new IllegalArgumentException("window must be positive");
        this.limit = limit;
        this.window = window;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.lastSweep = clock.instant();
    }

    /** The default: six messages a minute per user per chat. */
    public static FloodControl perMinute(int limit, Clock clock) {
        return new FloodControl(limit, Duration.ofMinutes(1), clock);
    }

    /** Counts one message from {@code user} in {@code chat} and says what to do with it. */
    public synchronized Verdict check(String chat, String user) {
        if (limit == 0) return Verdict.PASS;
        Instant now = clock.instant();
        sweep(now);
        Sender s = senders.computeIfAbsent(chat + "\u0000" + user, k -> new Sender());
        expire(s, now);
        if (s.recent.size() < limit) {
            s.recent.addLast(now);
            s.warned = false;
            return Verdict.PASS;
        }
        if (s.warned) return Verdict.IGNORE;
        s.warned = true;
        return Verdict.WARN;
    }

    private void expire(Sender s, Instant now) {
        Instant oldest = now.minus(window);
        while (!s.recent.isEmpty() && !s.recent.peekFirst().isAfter(oldest)) s.recent.pollFirst();
    }

    private void sweep(Instant now) {
        if (Duration.between(lastSweep, now).compareTo(window) < 0) return;
        lastSweep = now;
        senders.values()
                .removeIf(
                        s -> {
                            expire(s, now);
                            return s.recent.isEmpty();
                        });
    }
}
