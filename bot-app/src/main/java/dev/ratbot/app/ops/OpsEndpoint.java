package dev.ratbot.app.ops;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What the operations endpoint answers (the launcher's HTTP server carries it, on {@code
 * RATBOT_OPS_BIND:RATBOT_OPS_PORT}):
 *
 * <ul>
 *   <li>{@code GET /healthz}: 200 while the process runs and is not shutting down (a liveness
 *       probe);
 *   <li>{@code GET /readyz}: 200 when every {@link ReadinessCheck} passes, else 503; one line per
 *       check;
 *   <li>{@code GET /metrics}: the Prometheus text format of the meter registry.
 * </ul>
 *
 * Anything else is 404, other methods 405. Checks that take longer than 3 seconds count as not
 * ready. Details are passed through a {@link Redactor}, so that no check can show a secret.
 */
public final class OpsEndpoint implements AutoCloseable {

    static final Duration CHECK_TIMEOUT = Duration.ofSeconds(3);
    private static final String TEXT = "text/plain; charset=utf-8";

    /** One answer: status, content type, body (empty for HEAD) and extra headers. */
    public record Answer(
            int status, String contentType, String body, Map<String, String> headers) {}

    private final ExecutorService checksRun = Executors.newVirtualThreadPerTaskExecutor();
    private final PrometheusMeterRegistry registry;
    private final List<ReadinessCheck> checks = new CopyOnWriteArrayList<>();
    private final Duration checkTimeout;
    private final Redactor redactor;
    private volatile boolean stopping;
    private volatile boolean started;

    public OpsEndpoint(PrometheusMeterRegistry registry, Redactor redactor) {
        this(registry, redactor, CHECK_TIMEOUT);
    }

    OpsEndpoint(PrometheusMeterRegistry registry, Redactor redactor, Duration checkTimeout) {
        this.registry = registry;
        this.redactor = redactor;
        this.checkTimeout = checkTimeout;
    }

    /** Adds a condition to {@code /readyz}. */
    public void addCheck(ReadinessCheck check) {
        checks.add(check);
    }

    /**
     * Until this is called {@code /readyz} answers 503 ("starting"), whatever the checks say: the
     * endpoint answers from early in the start, before every check is in place.
     */
    public void markStarted() {
        started = true;
    }

    /**
     * From now on {@code /healthz} and {@code /readyz} answer 503, so load balancers stop sending
     * work here.
     */
    public void markStopping() {
        stopping = true;
    }

    /** The answer to {@code method path}. */
    public Answer answer(String method, String path) {
        boolean head = method.equals("HEAD");
        if (!method.equals("GET") && !head)
            return new Answer(405, TEXT, "method not allowed\n", Map.of("Allow", "GET, HEAD"));
        Answer full =
                switch (path) {
                    case "/healthz" ->
                            new Answer(
                                    stopping ? 503 : 200,
                                    TEXT,
                                    stopping ? "stopping\n" : "ok\n",
                                    Map.of());
                    case "/readyz" -> readiness();
                    case "/metrics" ->
                            new Answer(
                                    200,
                                    "text/plain; version=0.0.4; charset=utf-8",
                                    registry.scrape(),
                                    Map.of());
                    default ->
                            new Answer(
                                    404,
                                    TEXT,
                                    "not found: try /healthz, /readyz or /metrics\n",
                                    Map.of());
                };
        return head ? new Answer(full.status(), full.contentType(), "", full.headers()) : full;
    }

    /** The checks' states now, as {@code /readyz} shows them. */
    Answer readiness() {
        StringBuilder body = new StringBuilder();
        boolean ready = started && !stopping;
        if (stopping) body.append("stopping: shutting down\n");
        else if (!started) body.append("starting: not every part is started yet\n");
        for (ReadinessCheck check : checks) {
            ReadinessCheck.Status status = run(check);
            ready &= status.ready();
            body.append(check.name())
                    .append(": ")
                    .append(status.ready() ? "ok" : "NOT READY")
                    .append(" (")
                    .append(redactor.redact(status.detail().replace('\n', ' ')))
                    .append(")\n");
        }
        return new Answer(ready ? 200 : 503, TEXT, body.toString(), Map.of());
    }

    private ReadinessCheck.Status run(ReadinessCheck check) {
        Future<ReadinessCheck.Status> result = checksRun.submit(check::check);
        try {
            return result.get(checkTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            result.cancel(true);
            return ReadinessCheck.Status.notReady(
                    "no answer within " + checkTimeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ReadinessCheck.Status.notReady("interrupted");
        } catch (Exception e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return ReadinessCheck.Status.notReady(
                    "check failed: " + cause.getClass().getSimpleName());
        }
    }

    @Override
    public void close() {
        stopping = true;
        checksRun.shutdownNow();
    }
}
