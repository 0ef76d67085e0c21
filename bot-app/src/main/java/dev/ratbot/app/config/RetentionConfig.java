package dev.ratbot.app.config;

import java.time.Duration;

/**
 * How long stored records are kept before they are deleted ({@code RATBOT_RETENTION}).
 *
 * @param deliveries how long daily-tip delivery records are kept; the delivery worker never deletes those of the
 *                   last two days, which keep one tip a day, nor a subscription's current pass through the tips
 */
public record RetentionConfig(Duration deliveries) {
}
