package dev.ratbot.app.http;

import java.time.Duration;
import java.util.Objects;

/**
 * How much a client may take of one {@link Site}. A slow or idle client costs a connection slot and
 * no thread (requests run on virtual threads), and not for long:
 *
 * @param headerTimeout from connecting, or from the end of the last answer, until a request's head
 *     (request line and headers) is complete; a client still sending it then is disconnected
 *     (slowloris)
 * @param bodyTimeout from the head until the body has been read; a client still sending it then is
 *     disconnected
 * @param idleTimeout the longest silence in the middle of anything
 * @param maxConnections connections open at once; beyond it new ones wait in the operating system's
 *     queue, and open ones that idle are closed sooner
 */
public record Limits(
        Duration headerTimeout, Duration bodyTimeout, Duration idleTimeout, int maxConnections) {

    /**
     * Telegram's requests and probes' are small and quick; a proxy in front may keep connections
     * open.
     */
    public static final Limits DEFAULT =
            new Limits(Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(30), 500);

    /**
     * The console's largest body is an imported pack file of up to a megabyte, perhaps over a
     * phone's connection.
     */
    public static final Limits CONSOLE = DEFAULT.withBodyTimeout(Duration.ofSeconds(60));

    public Limits {
        Objects.requireNonNull(headerTimeout, "headerTimeout");
        Objects.requireNonNull(bodyTimeout, "bodyTimeout");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        if (maxConnections < 1) throw new IllegalArgumentException("maxConnections < 1");
    }

    public Limits withHeaderTimeout(Duration d) {
        return new Limits(d, bodyTimeout, idleTimeout, maxConnections);
    }

    public Limits withBodyTimeout(Duration d) {
        return new Limits(headerTimeout, d, idleTimeout, maxConnections);
    }

    public Limits withIdleTimeout(Duration d) {
        return new Limits(headerTimeout, bodyTimeout, d, maxConnections);
    }

    public Limits withMaxConnections(int n) {
        return new Limits(headerTimeout, bodyTimeout, idleTimeout, n);
    }
}
