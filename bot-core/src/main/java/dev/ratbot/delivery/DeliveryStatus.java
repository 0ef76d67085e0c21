package dev.ratbot.delivery;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The states of a row of the {@code deliveries} outbox, the one name for each in code and in the
 * table's {@code status} column ({@link #name()}). One row per subscription and local day:
 *
 * <pre>
 *  (due) ──▶ PENDING ──claim──▶ SENDING ──▶ SENT | FAILED | CANCELLED (moved onto a taken chat)
 *    │          ▲                  │
 *    │          └──── retry ───────┘        SENDING past its lease ──▶ UNCONFIRMED (maybe sent: never resent)
 *    │       PENDING ──▶ CANCELLED (subscription paused or stopped) | EXPIRED (later than the grace)
 *    └──▶ SKIPPED (missed by more than the grace, or no tips at all: never PENDING)
 * </pre>
 */
public enum DeliveryStatus {
    /**
     * Due, or due again after a retry: any instance may claim it once {@code next_attempt_at} has
     * come.
     */
    PENDING,
    /**
     * Claimed by one instance ({@code claimed_by}) and handed to the platform; its until {@code
     * lease_until}.
     */
    SENDING,
    /** The platform accepted the tip. */
    SENT,
    /**
     * Not delivered and never will be: refused, gone, given up after retries, or the tip left the
     * catalogue.
     */
    FAILED,
    /**
     * Not sent because the subscription was paused or stopped first, or its chat moved onto another
     * subscription.
     */
    CANCELLED,
    /** Not sent within the grace (the platforms were paused or the bot down for too long). */
    EXPIRED,
    /**
     * Never queued: due more than the grace ago when the scheduler saw it, or no tips in the
     * catalogue.
     */
    SKIPPED,
    /** Its claimer vanished mid-send: it may have gone out, so it is never sent again. */
    UNCONFIRMED;

    /**
     * Rows whose tip counts as given in its pass through the catalogue: sent, on its way, or
     * possibly sent.
     */
    public static final Set<DeliveryStatus> TIP_TAKEN =
            Collections.unmodifiableSet(EnumSet.of(PENDING, SENDING, SENT, UNCONFIRMED));

    /** Rows still to be sent: waiting or in flight. */
    public static final Set<DeliveryStatus> UNSETTLED =
            Collections.unmodifiableSet(EnumSet.of(PENDING, SENDING));

    /** Rows settled for good: no instance will touch them again. */
    public static final Set<DeliveryStatus> FINISHED =
            Collections.unmodifiableSet(EnumSet.complementOf(EnumSet.copyOf(UNSETTLED)));

    /** Whether a row in this state is settled for good (no instance will touch it again). */
    public boolean finished() {
        return FINISHED.contains(this);
    }

    /**
     * The states as an SQL list for {@code status IN ...}, e.g. {@code ('PENDING', 'SENDING')}.
     * Only ever built from these constants, so nothing outside the code reaches the statement.
     */
    static String sqlList(Set<DeliveryStatus> states) {
        return states.stream()
                .map(s -> "'" + s.name() + "'")
                .collect(Collectors.joining(", ", "(", ")"));
    }
}
