package dev.ratbot.tips;

import java.util.Optional;
import java.util.Set;

/**
 * Chooses the tip a subscription gets next, from its own walk through the tip catalogue. Must be a
 * pure function of its arguments, so that any instance of the bot picks the same tip.
 */
@FunctionalInterface
public interface TipPicker {

    /**
     * @param subscriptionId whose walk this is
     * @param cycle the subscription's current pass through the catalogue (0 at first)
     * @param deliveredThisCycle the tips already delivered (or on their way) in that pass
     * @return the next tip and the pass it belongs to ({@code cycle}, or {@code cycle + 1} when the
     *     pass is complete); empty when there are no tips at all
     */
    Optional<Pick> next(long subscriptionId, long cycle, Set<String> deliveredThisCycle);

    /** A chosen tip and the pass through the catalogue it belongs to. */
    record Pick(String tipId, long cycle) {}
}
