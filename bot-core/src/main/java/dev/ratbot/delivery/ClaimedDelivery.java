package dev.ratbot.delivery;

import dev.ratbot.message.Address;
import java.time.Instant;

/** One outbox row this instance has claimed (status SENDING), with where it goes. */
record ClaimedDelivery(long id, long subscriptionId, Address address, String tipId, int attempts, Instant dueAt) {
}
