package dev.ratbot.delivery;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the {@link DeliveryWorker}.
 *
 * @param instanceId names this process in {@code deliveries.claimed_by} (host name and pid make a
 *     good one)
 * @param batchSize deliveries claimed at most by one claim; default 200
 * @param concurrency sends in flight at once (virtual threads; 1 sends one after another). To use a
 *     platform's whole budget it must reach the rate times the time a send takes: 30 messages/s at
 *     1 s per send keep 30 in flight. Default 64, enough for Discord's 50/s at 1 s
 * @param lease how long a claimed (SENDING) delivery belongs to this instance; one whose lease ran
 *     out without a recorded result is marked UNCONFIRMED and never resent; default 5 min
 * @param grace how late a tip may still go out, as in the scheduler; older PENDING ones expire;
 *     default 3 h
 * @param maxMoves how often one delivery follows a moved chat before giving up; default 3
 * @param idleWait how long the background loop rests when nothing could be sent; default 250 ms
 * @param retention how long settled delivery records are kept (checked every hour; never less than
 *     two days, and a subscription's current pass through the catalogue is kept whole); default 90
 *     days
 */
public record DeliverySettings(
        String instanceId,
        int batchSize,
        int concurrency,
        Duration lease,
        Duration grace,
        int maxMoves,
        Duration idleWait,
        Duration retention) {

    /**
     * How late a tip may still go out unless configured otherwise: the scheduler's and the worker's
     * default.
     */
    public static final Duration DEFAULT_GRACE = Duration.ofHours(3);

    /** How long delivery records are kept unless configured otherwise. */
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(90);

    public DeliverySettings {
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(grace, "grace");
        Objects.requireNonNull(idleWait, "idleWait");
        Objects.requireNonNull(retention, "retention");
        if (batchSize < 1 || concurrency < 1 || maxMoves < 0)
            throw new IllegalArgumentException("bad delivery settings");
        if (!lease.isPositive()) throw new IllegalArgumentException("lease must be positive");
        if (!retention.isPositive())
            throw new IllegalArgumentException("retention must be positive");
    }

    public static DeliverySettings defaults(String instanceId) {
        return new DeliverySettings(
                instanceId,
                200,
                64,
                Duration.ofMinutes(5),
                DEFAULT_GRACE,
                3,
                Duration.ofMillis(250),
                DEFAULT_RETENTION);
    }

    public DeliverySettings withBatchSize(int size) {
        return new DeliverySettings(
                instanceId, size, concurrency, lease, grace, maxMoves, idleWait, retention);
    }

    public DeliverySettings withConcurrency(int n) {
        return new DeliverySettings(
                instanceId, batchSize, n, lease, grace, maxMoves, idleWait, retention);
    }

    public DeliverySettings withLease(Duration lease) {
        return new DeliverySettings(
                instanceId, batchSize, concurrency, lease, grace, maxMoves, idleWait, retention);
    }

    public DeliverySettings withGrace(Duration grace) {
        return new DeliverySettings(
                instanceId, batchSize, concurrency, lease, grace, maxMoves, idleWait, retention);
    }

    public DeliverySettings withRetention(Duration retention) {
        return new DeliverySettings(
                instanceId, batchSize, concurrency, lease, grace, maxMoves, idleWait, retention);
    }
}
