package dev.ratbot.discord;

import io.netty.handler.codec.http.HttpHeaders;
import java.time.Duration;
import java.util.Optional;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.http.client.HttpClientResponse;

/**
 * Watches the HTTP responses of one send. Discord4J answers a 429 by waiting and retrying on its
 * own, so the caller never sees it; this probe, carried in the request's Reactor context and fed by
 * a response hook on the HTTP client, remembers the last rate limit and server error, and gives up
 * at once when Discord asks for a wait longer than the send may still take.
 */
final class RateLimitProbe {

    /** The Reactor context key under which a send carries its probe. */
    static final String CONTEXT_KEY = "dev.ratbot.discord.RateLimitProbe";

    private final long deadlineNanos;
    private final Sinks.One<Duration> tooLong = Sinks.one();
    private volatile Duration lastRetryAfter;
    private volatile int lastStatus;

    RateLimitProbe(Duration budget) {
        this.deadlineNanos = System.nanoTime() + budget.toNanos();
    }

    /**
     * Called by the HTTP client's response hook for every response of the send that carries this
     * probe.
     */
    static void observe(HttpClientResponse response) {
        response.currentContextView()
                .<RateLimitProbe>getOrEmpty(CONTEXT_KEY)
                .ifPresent(probe -> probe.record(response));
    }

    private void record(HttpClientResponse response) {
        int status = response.status().code();
        lastStatus = status;
        if (status != 429) return;
        Duration wait = retryAfter(response.responseHeaders());
        lastRetryAfter = wait;
        if (System.nanoTime() + wait.toNanos() > deadlineNanos) tooLong.tryEmitValue(wait);
    }

    /** Emits the requested wait when it would not end before the send's deadline. */
    Mono<Duration> waitTooLong() {
        return tooLong.asMono();
    }

    Optional<Duration> lastRetryAfter() {
        return Optional.ofNullable(lastRetryAfter);
    }

    int lastStatus() {
        return lastStatus;
    }

    /**
     * Discord sends both; the precise one ({@code X-RateLimit-Reset-After}, fractional seconds)
     * wins.
     */
    static Duration retryAfter(HttpHeaders headers) {
        for (String name : new String[] {"X-RateLimit-Reset-After", "Retry-After"}) {
            String value = headers.get(name);
            if (value == null) continue;
            try {
                double seconds = Double.parseDouble(value.strip());
                if (seconds >= 0 && seconds < 24 * 3600)
                    return Duration.ofMillis((long) Math.ceil(seconds * 1000));
            } catch (NumberFormatException ignored) {
                // fall through to the other header
            }
        }
        return Duration.ofSeconds(1);
    }
}
