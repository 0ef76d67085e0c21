package dev.ratbot.subscription;

import dev.ratbot.platform.Address;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Keeps subscriptions, one per address. Implementations: an in-memory twin, SQLite and PostgreSQL, all passing
 * the same contract tests.
 */
public interface SubscriptionStore {

    /**
     * Creates the address's subscription, or updates its time and zone and makes it active again; never a
     * second one for the same address.
     */
    Subscription subscribe(Address address, LocalTime localTime, ZoneId zone, String createdBy);

    Optional<Subscription> find(Address address);

    /** Sets ACTIVE or PAUSED; returns the updated subscription, empty when there is none or it has stopped. */
    Optional<Subscription> setPaused(Address address, boolean paused);

    /** Stops the subscription with a reason ("unsubscribed", "blocked by the user"); empty when there is none. */
    Optional<Subscription> stop(Address address, String reason);
}
