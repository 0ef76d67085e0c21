package dev.ratbot.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Our HTTP endpoint for Telegram's webhook. Every request must carry the secret given to {@code setWebhook} in
 * {@code X-Telegram-Bot-Api-Secret-Token}; it is compared in constant time before the body is even read, and a
 * wrong or missing secret gets 401 and nothing else happens. A good request's update is queued and answered 200 at
 * once, so Telegram never waits for an answer to be found; when the queue is full it gets 503 and redelivers.
 */
final class WebhookEndpoint implements AutoCloseable {

    static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";
    /** Updates are a few kilobytes; anything much larger is not from Telegram. */
    static final int MAX_BODY_BYTES = 1 << 20;

    private static final Logger log = LoggerFactory.getLogger(WebhookEndpoint.class);

    private final InetSocketAddress bind;
    private final byte[] secretDigest;
    private final ObjectMapper json;
    private final Predicate<Update> sink;
    private HttpServer server;
    private ExecutorService executor;

    /** @param sink takes an update for handling; false when it has no room now */
    WebhookEndpoint(InetSocketAddress bind, String secret, ObjectMapper json, Predicate<Update> sink) {
        this.bind = bind;
        this.secretDigest = digest(secret.getBytes(StandardCharsets.UTF_8));
        this.json = json;
        this.sink = sink;
    }

    synchronized void start() throws IOException {
        server = HttpServer.create(bind, 64);
        executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "telegram-webhook");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::exchange);
        server.start();
    }

    /** The address actually listened on (the real port when 0 was asked for). */
    synchronized InetSocketAddress address() {
        return server == null ? bind : server.getAddress();
    }

    private void exchange(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!secretMatches(exchange.getRequestHeaders().getFirst(SECRET_HEADER))) {
                respond(exchange, 401);
                return;
            }
            if (!"POST".equalsIgnoreCase(exchange.getRequestMethod())) {
                respond(exchange, 405);
                return;
            }
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readNBytes(MAX_BODY_BYTES + 1);
            }
            if (body.length > MAX_BODY_BYTES) {
                respond(exchange, 413);
                return;
            }
            Update update;
            try {
                update = json.readValue(body, Update.class);
            } catch (IOException e) {
                log.warn("webhook request with a body that is not an update: {}", e.getClass().getSimpleName());
                respond(exchange, 400);
                return;
            }
            respond(exchange, update != null && sink.test(update) ? 200 : 503);
        } catch (RuntimeException e) {
            log.warn("webhook request failed: {}", Redaction.describe(e));
        }
    }

    /** Compares digests, which have a fixed length, so the time taken says nothing about the secret or its length. */
    private boolean secretMatches(String given) {
        if (given == null) return false;
        return MessageDigest.isEqual(secretDigest, digest(given.getBytes(StandardCharsets.UTF_8)));
    }

    private static void respond(HttpExchange exchange, int status) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        byte[] body = status == 200 ? "{\"ok\":true}".getBytes(StandardCharsets.UTF_8) : new byte[0];
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) exchange.getResponseBody().write(body);
    }

    private static byte[] digest(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    @Override
    public synchronized void close() {
        if (server != null) server.stop(0);
        if (executor != null) executor.shutdownNow();
        server = null;
        executor = null;
    }
}
