package dev.ratbot.telegram;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How long polling is going, as {@link PollingHttp} sees each {@code getUpdates}: fine, refused
 * with a 409 conflict (another process polls this bot token, so Telegram gives the updates to it),
 * or failing (Telegram unreachable, an error answer). A problem is logged when it starts and then
 * at most once a minute with how often it recurred; its end once. Thread-safe.
 */
final class PollHealth {

    private static final Logger log = LoggerFactory.getLogger(PollHealth.class);

    /**
     * A failing poll is retried after a pause; only failures lasting this long make the adapter not
     * ready.
     */
    static final Duration FAILING_GRACE = Duration.ofSeconds(30);

    private enum State {
        FINE,
        CONFLICT,
        FAILING
    }

    private final Throttle conflicts = new Throttle(Duration.ofMinutes(1));
    private final Throttle failures = new Throttle(Duration.ofMinutes(1));
    private State state = State.FINE;
    private long sinceNanos;
    private String detail = "";

    /** A poll was answered. */
    synchronized void succeeded() {
        if (state != State.FINE) log.info("Telegram long polling works again");
        state = State.FINE;
        conflicts.reset();
        failures.reset();
    }

    /** A poll was refused with 409: another process polls the token. */
    synchronized void conflict(String description) {
        enter(State.CONFLICT, description);
        OptionalInt more = conflicts.tryPass();
        if (more.isPresent()) {
            log.warn(
                    "Telegram refuses getUpdates (409 {}): another process polls this bot token, so this instance takes no updates; "
                            + "stop the other one{}",
                    description,
                    more.getAsInt() > 0
                            ? " (" + more.getAsInt() + " more refusals in the last minute)"
                            : "");
        }
    }

    /** A poll failed: no answer, or an error answer other than 409. */
    synchronized void failed(String reason) {
        enter(State.FAILING, reason);
        OptionalInt more = failures.tryPass();
        if (more.isPresent()) {
            log.warn(
                    "Telegram long polling fails, retrying: {}{}",
                    reason,
                    more.getAsInt() > 0
                            ? " (" + more.getAsInt() + " more failures in the last minute)"
                            : "");
        }
    }

    /**
     * Why updates do not arrive now, for readiness; empty while polling works (or fails only
     * briefly).
     */
    synchronized Optional<String> problem() {
        return switch (state) {
            case FINE -> Optional.empty();
            case CONFLICT ->
                    Optional.of(
                            "another process polls this bot token (Telegram answers 409 Conflict); stop it");
            case FAILING ->
                    System.nanoTime() - sinceNanos >= FAILING_GRACE.toNanos()
                            ? Optional.of(
                                    "getUpdates failing for "
                                            + (System.nanoTime() - sinceNanos) / 1_000_000_000L
                                            + " s: "
                                            + detail)
                            : Optional.empty();
        };
    }

    private void enter(State next, String why) {
        if (state != next) sinceNanos = System.nanoTime();
        state = next;
        detail = Redaction.redact(why);
    }
}
