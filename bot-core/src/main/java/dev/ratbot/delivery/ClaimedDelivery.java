package dev.ratbot.delivery;

import dev.ratbot.message.Address;
import java.time.Instant;

/**
 * One outbox row this instance has claimed (status SENDING), with where it goes.
 *
 * @param attempts how many attempts failed before this one
 * @param leaseUntil until when the row is this instance's; after it, its result is no longer
 *     recorded
 */
record ClaimedDelivery(
        long id,
        long subscriptionId,
        Address address,
        String tipId,
        int attempts,
        Instant dueAt,
        Instant leaseUntil) {}
