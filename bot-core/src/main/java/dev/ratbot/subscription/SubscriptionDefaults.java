package dev.ratbot.subscription;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The time and zone a {@code /subscribe} without arguments gets; an operator may set them for a
 * community that mostly lives in one zone.
 */
public record SubscriptionDefaults(LocalTime time, ZoneId zone) {

    /** 09:00 UTC. */
    public static final SubscriptionDefaults STANDARD =
            new SubscriptionDefaults(Subscription.DEFAULT_TIME, Subscription.DEFAULT_ZONE);

    public SubscriptionDefaults {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(zone, "zone");
    }
}
