package dev.ratbot.inbox;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Updates of a platform stream (one bot), recorded when they arrive and taken once for handling.
 *
 * <p>The life of an update: {@link #accept} records it durably, leaving out one seen before (a
 * platform's redelivery, a webhook retry); only then is its arrival confirmed to the platform (the
 * next long poll's offset, the webhook's 200). Just before its effects (a reply) it is {@link
 * #take}n, which succeeds once across all instances. An update accepted but never taken (the
 * instance stopped or died first) is found by {@link #untaken} and handled by whoever takes it
 * next. One taken but whose handling was cut short by a crash is never handled again: like a daily
 * tip that may have gone out, at most once matters more than the rare lost one, and the window is
 * only the time between taking it and the platform call.
 *
 * <p>Implementations: an in-memory twin and SQLite/PostgreSQL ({@code JdbcUpdateInbox}), under one
 * contract test. Thread-safe.
 */
public interface UpdateInbox {

    /**
     * One update as it arrived.
     *
     * @param id the platform's id for it, unique and increasing within the stream (Telegram's
     *     update_id)
     * @param lane the conversation it belongs to (a chat id): updates of one lane are handled in id
     *     order
     * @param payload the update itself as the platform sent it (JSON), to handle it after a restart
     */
    record Arrival(long id, String lane, String payload) {
        public Arrival {
            Objects.requireNonNull(lane, "lane");
            Objects.requireNonNull(payload, "payload");
        }
    }

    /**
     * Records arrivals of {@code stream}; durable when it returns.
     *
     * @return the arrivals seen for the first time, in the order given; duplicates of earlier ones
     *     are left out
     */
    List<Arrival> accept(String stream, List<Arrival> arrivals);

    /**
     * Takes an accepted update for handling by {@code instance}.
     *
     * @return true exactly once per update across all instances; false when it was taken before or
     *     was never accepted (then it must not be handled)
     */
    boolean take(String stream, long id, String instance);

    /**
     * Accepted updates of {@code stream} no one has taken yet, lowest id first, at most {@code
     * limit}.
     */
    List<Arrival> untaken(String stream, int limit);

    /**
     * Forgets every update received before {@code before} (platforms never redeliver after a day);
     * returns how many.
     */
    int forgetBefore(Instant before);
}
