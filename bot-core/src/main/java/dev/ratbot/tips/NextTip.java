package dev.ratbot.tips;

import java.util.Objects;

/**
 * The tip a subscription gets next and the cycle it belongs to. Record both with the delivery: the
 * cycle and the tip ids recorded with it are what {@link TipRotation#next} needs the next time.
 */
public record NextTip(Tip tip, long cycle) {
    public NextTip {
        Objects.requireNonNull(tip, "tip");
        if (cycle < 0) throw new IllegalArgumentException("negative cycle " + cycle);
    }
}
