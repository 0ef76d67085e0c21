package dev.ratbot.app.ops;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.ratbot.app.config.OpsConfig;
import dev.ratbot.app.config.StartupException;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operations endpoint on the configured address:
 * <ul>
 *   <li>{@code GET /healthz}: 200 while the process runs and is not shutting down (a liveness probe);</li>
 *   <li>{@code GET /readyz}: 200 when every {@link ReadinessCheck} passes, else 503; one line per check;</li>
 *   <li>{@code GET /metrics}: the Prometheus text format of the meter registry.</li>
 * </ul>
 * Anything else is 404, other methods 405. Checks that take longer than 3 seconds count as not ready.
 */
public final class OpsServer implements AutoCloseable {

    static final Duration CHECK_TIMEOUT = Duration.ofSeconds(3);
    private static final Logger log = LoggerFactory.getLogger(OpsServer.class);

    private final HttpServer server;
    private final ExecutorService executor;
    private final PrometheusMeterRegistry registry;
    private final List<ReadinessCheck> checks = new CopyOnWriteArrayList<>();
    private volatile boolean stopping;

    private final Duration checkTimeout;

    private OpsServer(HttpServer server, ExecutorService executor, PrometheusMeterRegistry registry, Duration checkTimeout) {
        this.server = server;
        this.executor = executor;
        this.registry = registry;
        this.checkTimeout = checkTimeout;
    }

    /**
     * Binds and starts serving.
     *
     * @throws StartupException naming RATBOT_OPS_PORT or RATBOT_OPS_BIND when the address cannot be bound
     */
    public static OpsServer start(OpsConfig config, PrometheusMeterRegistry registry) {
        return start(config, registry, CHECK_TIMEOUT);
    }

    static OpsServer start(OpsConfig config, PrometheusMeterRegistry registry, Duration checkTimeout) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(config.bind(), config.port()), 32);
        } catch (BindException e) {
            throw new StartupException("RATBOT_OPS_PORT=" + config.port() + ": cannot listen on " + config.bind() + ":" + config.port()
                    + " (" + e.getMessage() + "); choose another port or stop what uses it");
        } catch (IOException e) {
            throw new StartupException("RATBOT_OPS_BIND=" + config.bind() + ": cannot listen there (" + e.getMessage() + ")");
        }
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        OpsServer ops = new OpsServer(server, executor, registry, checkTimeout);
        server.setExecutor(executor);
        server.createContext("/", ops::handle);
        server.start();
        log.info("operations endpoint listening on http://{}:{} (/healthz, /readyz, /metrics)", config.bind(), ops.port());
        return ops;
    }

    /** Adds a condition to {@code /readyz}. */
    public void addCheck(ReadinessCheck check) {
        checks.add(check);
    }

    /** The port actually bound (useful with port 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    /** From now on {@code /healthz} and {@code /readyz} answer 503, so load balancers stop sending work here. */
    public void markStopping() {
        stopping = true;
    }

    @Override
    public void close() {
        stopping = true;
        server.stop(0);
        executor.close();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                respond(exchange, 405, "text/plain; charset=utf-8", "method not allowed\n");
                return;
            }
            switch (exchange.getRequestURI().getPath()) {
                case "/healthz" -> respond(exchange, stopping ? 503 : 200, "text/plain; charset=utf-8", stopping ? "stopping\n" : "ok\n");
                case "/readyz" -> readiness(exchange);
                case "/metrics" -> respond(exchange, 200, "text/plain; version=0.0.4; charset=utf-8", registry.scrape());
                default -> respond(exchange, 404, "text/plain; charset=utf-8", "not found: try /healthz, /readyz or /metrics\n");
            }
        } catch (RuntimeException e) {
            log.warn("operations endpoint failed to answer {}: {}", exchange.getRequestURI().getPath(), e.toString());
        }
    }

    private void readiness(HttpExchange exchange) throws IOException {
        StringBuilder body = new StringBuilder();
        boolean ready = !stopping;
        if (stopping) body.append("stopping: shutting down\n");
        for (ReadinessCheck check : checks) {
            ReadinessCheck.Status status = run(check);
            ready &= status.ready();
            body.append(check.name()).append(": ").append(status.ready() ? "ok" : "NOT READY").append(" (")
                    .append(status.detail().replace('\n', ' ')).append(")\n");
        }
        respond(exchange, ready ? 200 : 503, "text/plain; charset=utf-8", body.toString());
    }

    private ReadinessCheck.Status run(ReadinessCheck check) {
        Future<ReadinessCheck.Status> result = executor.submit(check::check);
        try {
            return result.get(checkTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            result.cancel(true);
            return ReadinessCheck.Status.notReady("no answer within " + checkTimeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ReadinessCheck.Status.notReady("interrupted");
        } catch (Exception e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return ReadinessCheck.Status.notReady("check failed: " + cause.getClass().getSimpleName());
        }
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
