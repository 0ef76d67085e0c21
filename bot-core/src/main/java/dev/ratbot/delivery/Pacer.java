package dev.ratbot.delivery;

import dev.ratbot.message.Address;
import dev.ratbot.message.MessageSender;
import dev.ratbot.message.Platform;
import dev.ratbot.message.PlatformLimits;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides when core may send the next unsolicited message, from the limits each adapter declares
 * ({@link PlatformLimits}), with token buckets (bucket4j) read against an injected {@link Clock}.
 *
 * <p>Per platform it keeps: an overall budget ({@code overallPerSecond}; an {@link OverallBudget},
 * in this process by default or shared by every instance on a PostgreSQL database); one bucket per
 * chat (one message per {@code perChat} interval); and one bucket per group chat or channel ({@code
 * perGroupPerMinute}, applied when {@link Address#group()} is true). Each bucket spaces sends
 * evenly, so that for a limit of N per period no window of that length (start included, end
 * excluded) carries more than N permitted sends. A limit of zero (or a zero or absent {@code
 * perChat} interval) is not enforced.
 *
 * <p>{@link #pause(Platform, Duration)} records a platform's retry-after: nothing is permitted on
 * that platform until it has passed; {@link #pause(Address, Duration)} does the same for one chat
 * only. Platforms are independent of each other. Replies to people and daily tips draw on the same
 * pacer, so a busy group's answers and its tip share its per-group limit.
 *
 * <p>Contract: {@link #tryAcquire(Address)} never blocks or sleeps. When it returns empty, the
 * caller has been given permission for exactly one send and must not call again for that send; when
 * it returns a duration, nothing was taken and the caller should ask again after (at least) that
 * long. Thread-safe.
 */
public final class Pacer {

    private final Map<Platform, PlatformPace> paces = new EnumMap<>(Platform.class);
    private final Clock clock;

    /**
     * A pacer whose overall budgets are held in this process ({@link OverallBudget#local()}).
     *
     * @param limits the declared limits of every platform this pacer will be asked about
     * @param clock the time source; tests pass a settable clock
     */
    public Pacer(Map<Platform, PlatformLimits> limits, Clock clock) {
        this(limits, clock, OverallBudget.local());
    }

    /**
     * @param limits the declared limits of every platform this pacer will be asked about
     * @param clock the time source; tests pass a settable clock
     * @param overall makes each platform's overall budget (asked only for platforms with a positive
     *     overall rate)
     */
    public Pacer(Map<Platform, PlatformLimits> limits, Clock clock, OverallBudget.Source overall) {
        this.clock = Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(overall, "overall");
        ClockTimeMeter time = new ClockTimeMeter(clock);
        limits.forEach(
                (platform, declared) -> {
                    Objects.requireNonNull(platform, "platform");
                    Objects.requireNonNull(declared, "limits of " + platform);
                    OverallBudget budget =
                            declared.overallPerSecond() > 0
                                    ? Objects.requireNonNull(
                                            overall.budget(
                                                    platform, declared.overallPerSecond(), clock),
                                            "budget")
                                    : null;
                    paces.put(platform, new PlatformPace(declared, budget, time));
                });
    }

    /**
     * A pacer for the platforms of {@code senders}, each paced by the limits its sender declares,
     * budgets local.
     */
    public static Pacer forSenders(Collection<? extends MessageSender> senders, Clock clock) {
        return forSenders(senders, clock, OverallBudget.local());
    }

    /** A pacer for the platforms of {@code senders}, with overall budgets from {@code overall}. */
    public static Pacer forSenders(
            Collection<? extends MessageSender> senders,
            Clock clock,
            OverallBudget.Source overall) {
        Map<Platform, PlatformLimits> limits = new EnumMap<>(Platform.class);
        for (MessageSender sender : senders) limits.put(sender.platform(), sender.limits());
        return new Pacer(limits, clock, overall);
    }

    /**
     * A pacer that enforces no rate limits on any platform but still honours {@link #pause}: for
     * benchmarks and for senders that pace themselves.
     */
    public static Pacer unpaced(Clock clock) {
        Map<Platform, PlatformLimits> limits = new EnumMap<>(Platform.class);
        for (Platform platform : Platform.values()) {
            limits.put(platform, new PlatformLimits(Integer.MAX_VALUE, 0, Duration.ZERO, 0));
        }
        return new Pacer(limits, clock);
    }

    /**
     * Asks to send one message to {@code to} now.
     *
     * @return empty when the message may be sent now (a token has been taken for it); otherwise how
     *     long to wait before asking again (positive; the longest of the platform's remaining pause
     *     and its per-chat and per-group waits, or, when those all agree, the overall budget's
     *     wait)
     * @throws IllegalArgumentException if no limits were declared for {@code to}'s platform
     */
    public Optional<Duration> tryAcquire(Address to) {
        long waitNanos = pace(to.platform()).tryAcquire(to);
        return waitNanos == 0 ? Optional.empty() : Optional.of(Duration.ofNanos(waitNanos));
    }

    /**
     * Like {@link #tryAcquire}, but a refusal also says whether its wait holds for the whole
     * platform (its pause or overall budget: no other chat of it can be sent to sooner) or only for
     * this chat. For the delivery worker, which stops asking about a platform at the first
     * whole-platform refusal.
     *
     * @return empty when a permit was taken
     */
    Optional<Refusal> take(Address to) {
        PlatformPace.Refusal refusal = pace(to.platform()).take(to);
        return refusal == null
                ? Optional.empty()
                : Optional.of(
                        new Refusal(
                                Duration.ofNanos(refusal.waitNanos()), refusal.wholePlatform()));
    }

    /**
     * Why {@link #take} gave no permit: how long to wait (positive), and whether every chat of the
     * platform waits as long.
     */
    record Refusal(Duration after, boolean wholePlatform) {}

    /**
     * Pauses all sending on {@code platform} for {@code retryAfter} from now (a platform's
     * rate-limit answer). An earlier pause that ends later is kept; a zero or negative duration
     * changes nothing.
     *
     * @throws IllegalArgumentException if no limits were declared for {@code platform}
     */
    public void pause(Platform platform, Duration retryAfter) {
        Objects.requireNonNull(retryAfter, "retryAfter");
        pace(platform).pause(retryAfter);
    }

    /**
     * Pauses sending to one chat (every thread in it) for {@code retryAfter} from now: a rate-limit
     * answer to a reply in that chat, which must not slow down any other chat. A zero or negative
     * duration changes nothing.
     *
     * @throws IllegalArgumentException if no limits were declared for {@code chat}'s platform
     */
    public void pause(Address chat, Duration retryAfter) {
        Objects.requireNonNull(retryAfter, "retryAfter");
        pace(chat.platform()).pause(chat.chatId(), retryAfter);
    }

    /** How much longer {@code platform} stays paused; zero when it is not paused. */
    public Duration pausedFor(Platform platform) {
        return Duration.ofNanos(pace(platform).pausedForNanos());
    }

    /** The clock this pacer reads. */
    public Clock clock() {
        return clock;
    }

    /**
     * How many per-chat and per-group buckets are held for {@code platform} (idle ones are
     * dropped).
     */
    int trackedChats(Platform platform) {
        return pace(platform).trackedChats();
    }

    private PlatformPace pace(Platform platform) {
        PlatformPace pace = paces.get(Objects.requireNonNull(platform, "platform"));
        if (pace == null) throw new IllegalArgumentException("no limits declared for " + platform);
        return pace;
    }
}
