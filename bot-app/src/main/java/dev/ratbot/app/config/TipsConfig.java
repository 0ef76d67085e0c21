package dev.ratbot.app.config;

import dev.ratbot.subscription.SubscriptionDefaults;
import java.time.Duration;

/**
 * Daily tips.
 *
 * @param grace how late a missed tip may still go out; older ones are skipped
 * @param defaults the time and zone of a {@code /subscribe} that names none
 */
public record TipsConfig(Duration grace, SubscriptionDefaults defaults) {}
