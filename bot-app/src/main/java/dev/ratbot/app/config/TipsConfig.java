package dev.ratbot.app.config;

import java.time.Duration;

/**
 * Daily-tip delivery.
 *
 * @param grace how late a missed tip may still go out; older ones are skipped
 */
public record TipsConfig(Duration grace) {
}
