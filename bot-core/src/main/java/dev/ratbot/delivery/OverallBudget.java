package dev.ratbot.delivery;

import dev.ratbot.message.Platform;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The overall send rate of one platform: how many unsolicited messages the bot may send per second
 * in all, across every chat (Telegram about 30, Discord 50). The {@link Pacer} asks it once per
 * send, after the per-chat and per-group limits have agreed.
 *
 * <p>Two kinds: {@link #local()} keeps the bucket in this process (SQLite, a single instance,
 * tests), and {@link SharedOverallBudgets} keeps it in PostgreSQL so that every instance on one
 * database draws from the same budget. Both space sends evenly: for N per second, no one-second
 * window (start included, end excluded) carries more than N permitted sends, counted over everyone
 * who shares the budget.
 *
 * <p>Contract: {@link #tryTake()} never blocks to wait for a token (a shared budget does one
 * database round trip). When it returns empty, exactly one token has been taken; when it returns a
 * duration, nothing was taken and the caller should ask again after (at least) that long. Failures
 * of a shared budget's database are thrown as runtime exceptions, and nothing is granted.
 * Thread-safe.
 */
public interface OverallBudget {

    /**
     * Takes one token if there is one now.
     *
     * @return empty when a token was taken; otherwise how long until one will be available
     *     (positive)
     */
    Optional<Duration> tryTake();

    /** Makes the overall budget of each platform a {@link Pacer} paces. */
    @FunctionalInterface
    interface Source {

        /**
         * The budget of {@code platform}, earning {@code perSecond} tokens per second (positive),
         * read against {@code clock}.
         */
        OverallBudget budget(Platform platform, long perSecond, Clock clock);
    }

    /** Budgets held in this process only: each process (and each {@link Pacer}) has its own. */
    static Source local() {
        return (platform, perSecond, clock) ->
                new LocalOverallBudget(perSecond, new ClockTimeMeter(clock));
    }
}
