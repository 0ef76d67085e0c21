package dev.ratbot.console;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Slows password guessing, per address and overall: after {@link #FREE_FAILURES} failed logins from
 * one address within {@link #WINDOW}, that address must wait before its next attempt, twice as long
 * after each further failure (1 s, 2 s, 4 s, ... at most {@link #MAX_WAIT}); after {@link
 * #FREE_OVERALL} failures from all addresses together within the window, every address waits so.
 * The password is not even checked while a wait runs, so a guesser learns nothing from trying
 * faster. Waiting is asked of the client (an answer saying how long), never done by holding a
 * server thread. Thread-safe; time from the injected clock.
 */
public final class LoginThrottle {

    static final int FREE_FAILURES = 3;
    static final int FREE_OVERALL = 20;
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration MAX_WAIT = Duration.ofMinutes(5);
    private static final String OVERALL = "";
    private static final int MAX_ADDRESSES = 10_000;

    private final Clock clock;
    private final Map<String, Deque<Long>> failures = new HashMap<>();

    public LoginThrottle(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * How long {@code address} must still wait before its next attempt; zero when it may try now.
     */
    public synchronized Duration waitFor(String address) {
        long now = clock.millis();
        long wait =
                Math.max(waitOf(address, FREE_FAILURES, now), waitOf(OVERALL, FREE_OVERALL, now));
        return Duration.ofMillis(wait);
    }

    public synchronized void failed(String address) {
        long now = clock.millis();
        if (failures.size() > MAX_ADDRESSES)
            failures.entrySet()
                    .removeIf(
                            e ->
                                    e.getValue().isEmpty()
                                            || e.getValue().peekLast() < now - WINDOW.toMillis());
        failures.computeIfAbsent(address, a -> new ArrayDeque<>()).addLast(now);
        failures.computeIfAbsent(OVERALL, a -> new ArrayDeque<>()).addLast(now);
    }

    /** A successful login forgets that address's failures (not the overall count). */
    public synchronized void succeeded(String address) {
        failures.remove(address);
    }

    private long waitOf(String key, int free, long now) {
        Deque<Long> times = failures.get(key);
        if (times == null) return 0;
        while (!times.isEmpty() && times.peekFirst() < now - WINDOW.toMillis()) times.removeFirst();
        int over = times.size() - free;
        if (over < 0) return 0;
        long wait = Math.min(MAX_WAIT.toMillis(), 1000L << Math.min(over, 20));
        return Math.max(0, times.peekLast() + wait - now);
    }
}
