package dev.ratbot.app.http;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Disconnects clients that send too slowly, which Jetty's idle timeout alone does not: a client
 * that trickles one byte every few seconds is never idle. Every connection has a deadline while it
 * owes us something: a request's head ({@link Limits#headerTimeout}) from when it connects or its
 * last answer was sent, then the request's body ({@link Limits#bodyTimeout}) from when the head
 * arrived. While the server is working on an answer it has none. A sweep closes every connection
 * past its deadline, and says so in the log at most once a minute.
 */
final class SlowClients extends Handler.Wrapper {

    private static final Logger log = LoggerFactory.getLogger(SlowClients.class);
    private static final Duration SWEEP = Duration.ofMillis(200);
    private static final Duration REPORT = Duration.ofMinutes(1);

    /** Connection to the System.nanoTime() by which it must have sent what it owes. */
    private final Map<Connection, Long> deadlines = new ConcurrentHashMap<>();

    private final Map<Connector, Limits> limits = new ConcurrentHashMap<>();
    private final AtomicInteger closed = new AtomicInteger();
    private ScheduledExecutorService sweeper;
    private long lastReport = System.nanoTime();

    SlowClients(Handler handler) {
        super(handler);
    }

    /** Watches the connections of {@code connector} with its site's limits. */
    void watch(Connector connector, Limits siteLimits) {
        limits.put(connector, siteLimits);
        // Told of every connection the connector opens and closes; not managed, as it has no life
        // cycle.
        connector.addBean(
                new Connection.Listener() {
                    @Override
                    public void onOpened(Connection connection) {
                        deadlines.put(
                                connection,
                                System.nanoTime() + siteLimits.headerTimeout().toNanos());
                    }

                    @Override
                    public void onClosed(Connection connection) {
                        deadlines.remove(connection);
                    }
                },
                false);
    }

    @Override
    protected void doStart() throws Exception {
        sweeper =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread t = new Thread(r, "http-slow-clients");
                            t.setDaemon(true);
                            return t;
                        });
        var unused =
                sweeper.scheduleWithFixedDelay(
                        this::sweep, SWEEP.toMillis(), SWEEP.toMillis(), TimeUnit.MILLISECONDS);
        super.doStart();
    }

    @Override
    protected void doStop() throws Exception {
        sweeper.shutdownNow();
        super.doStop();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        Connection connection = request.getConnectionMetaData().getConnection();
        Limits l = limits.get(request.getConnectionMetaData().getConnector());
        if (l == null) return super.handle(request, response, callback);
        // HTTP/1.1: a request has a body exactly when it says how long (or that it comes in
        // chunks); Jetty's length
        // is -1, not 0, for a request without one.
        boolean body =
                request.getLength() > 0
                        || request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
        if (body) deadlines.put(connection, System.nanoTime() + l.bodyTimeout().toNanos());
        else deadlines.remove(connection);
        // When the answer is sent, the connection owes the next request's head (or closes).
        Request.addCompletionListener(
                request,
                failure -> {
                    if (connection.getEndPoint().isOpen())
                        deadlines.put(connection, System.nanoTime() + l.headerTimeout().toNanos());
                    else deadlines.remove(connection);
                });
        return super.handle(
                body ? new BodyRead(request, () -> deadlines.remove(connection)) : request,
                response,
                callback);
    }

    @SuppressWarnings(
            "ModifyCollectionInEnhancedForLoop") // a ConcurrentHashMap: removing while iterating is
    // safe
    private void sweep() {
        try {
            long now = System.nanoTime();
            for (Map.Entry<Connection, Long> e : deadlines.entrySet()) {
                if (now - e.getValue() < 0) continue;
                Connection c = e.getKey();
                if (deadlines.remove(c, e.getValue())) {
                    log.debug(
                            "closing a connection from {} that sent too slowly",
                            c.getEndPoint().getRemoteSocketAddress());
                    c.getEndPoint().close();
                    closed.incrementAndGet();
                }
            }
            if (now - lastReport >= REPORT.toNanos()) {
                int n = closed.getAndSet(0);
                lastReport = now;
                if (n > 0)
                    log.info(
                            "closed {} connections that sent requests too slowly in the last minute",
                            n);
            }
        } catch (RuntimeException e) {
            log.warn("checking for slow clients failed: {}", e.toString());
        }
    }

    /** A request whose body's last chunk, once read, ends the body's deadline. */
    private static final class BodyRead extends Request.Wrapper {
        private final Runnable done;

        BodyRead(Request request, Runnable done) {
            super(request);
            this.done = done;
        }

        @Override
        public Content.Chunk read() {
            Content.Chunk chunk = super.read();
            if (chunk != null && (chunk.isLast() || Content.Chunk.isFailure(chunk))) done.run();
            return chunk;
        }
    }
}
