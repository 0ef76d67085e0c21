package dev.ratbot.delivery;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.Optional;

/** An {@link OverallBudget} in this process's memory: a local bucket4j bucket. */
final class LocalOverallBudget implements OverallBudget {

    private final Bucket bucket;

    LocalOverallBudget(long perSecond, TimeMeter time) {
        this.bucket = Pacing.smooth(perSecond, Duration.ofSeconds(1), time);
    }

    @Override
    public Optional<Duration> tryTake() {
        return Pacing.outcome(bucket.tryConsumeAndReturnRemaining(1));
    }
}
