package dev.ratbot.subscription;

import dev.ratbot.message.Address;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;

/**
 * A chat's daily-tip subscription: where, at what local time in which zone, whether it is active,
 * who created it, why it stopped if it did, and why the bot paused it if it did (empty when ACTIVE,
 * when the user paused it with /pause, and when STOPPED). One per address.
 */
public record Subscription(
        long id,
        Address address,
        LocalTime localTime,
        ZoneId zone,
        SubscriptionStatus status,
        String createdBy,
        Optional<String> stopReason,
        Optional<PauseReason> pauseReason) {

    public static final LocalTime DEFAULT_TIME = LocalTime.of(9, 0);
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("UTC");

    public Subscription {
        stopReason = stopReason == null ? Optional.empty() : stopReason;
        pauseReason = pauseReason == null ? Optional.empty() : pauseReason;
    }

    /** A subscription the bot has not paused by itself. */
    public Subscription(
            long id,
            Address address,
            LocalTime localTime,
            ZoneId zone,
            SubscriptionStatus status,
            String createdBy,
            Optional<String> stopReason) {
        this(id, address, localTime, zone, status, createdBy, stopReason, Optional.empty());
    }
}
