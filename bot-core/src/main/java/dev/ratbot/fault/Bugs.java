package dev.ratbot.fault;

import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where an edge reports an exception it caught. Exceptions are caught only at the edges: the
 * conversation (a person still gets a friendly "something went wrong"), each adapter's event loop
 * and the delivery loop. Inside, nothing catches to stay quiet, so a bug in the engine or a store
 * reaches the edge, which reports it here once: logged with its stack trace, counted in a metric
 * ({@code ratbot_bugs_total{edge}}), and in tests rethrown ({@link #rethrown()}), so that a bug
 * fails the test instead of becoming a quiet refusal.
 */
@FunctionalInterface
public interface Bugs {

    /**
     * Reports {@code bug}, caught at {@code edge} ("conversation", "telegram", ...). May rethrow it
     * (tests do); otherwise the edge carries on as its users need (an apology, the next update, the
     * next round).
     */
    void caught(String edge, RuntimeException bug);

    /** Logs each bug with its stack trace, once, on the logger {@code dev.ratbot.fault.Bugs}. */
    static Bugs logged() {
        Logger log = LoggerFactory.getLogger(Bugs.class);
        return (edge, bug) -> log.error("bug caught at the {} edge", edge, bug);
    }

    /** Rethrows every bug: for tests, where a bug must fail the test. */
    static Bugs rethrown() {
        return (edge, bug) -> {
            throw bug;
        };
    }

    /** This, then {@code next} (e.g. logged, then counted). */
    default Bugs andThen(Bugs next) {
        Objects.requireNonNull(next, "next");
        return (edge, bug) -> {
            caught(edge, bug);
            next.caught(edge, bug);
        };
    }
}
