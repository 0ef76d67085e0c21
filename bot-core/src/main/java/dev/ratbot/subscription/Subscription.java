package dev.ratbot.subscription;

import dev.ratbot.platform.Address;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;

/**
 * A chat's daily-tip subscription: where, at what local time in which zone, whether it is active, who created
 * it, and why it stopped if it did. One per address.
 */
public record Subscription(
        long id,
        Address address,
        LocalTime localTime,
        ZoneId zone,
        SubscriptionStatus status,
        String createdBy,
        Optional<String> stopReason) {

    public static final LocalTime DEFAULT_TIME = LocalTime.of(9, 0);
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("UTC");
}
