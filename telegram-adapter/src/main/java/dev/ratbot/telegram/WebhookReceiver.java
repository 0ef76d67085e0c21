package dev.ratbot.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * What Telegram's webhook requests come to, whatever HTTP server carries them (the launcher's): the
 * server asks {@link #authorized} with the {@value #SECRET_HEADER} header before it reads the body,
 * and hands a good request's body to {@link #take}. The secret is compared in constant time. A
 * taken update is answered 200 at once, so Telegram never waits for an answer to be found.
 *
 * <p>Telegram resends anything not answered 2xx, for a day: so a body that is not an update ({@code
 * null}, broken JSON, an update without an id) is answered as {@link Outcome#IGNORED} (200), with a
 * log line at most once a minute, rather than an error it would send again forever. Only {@link
 * Outcome#BUSY} (no room in the queues now, or not taking updates) asks Telegram to come back
 * later.
 */
public final class WebhookReceiver {

    public static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

    /** Updates are a few kilobytes; anything much larger is not from Telegram. */
    public static final int MAX_BODY_BYTES = 1 << 20;

    /** What became of a request's body, for the server's answer. */
    public enum Outcome {
        /** Recorded and queued, or a duplicate of one that was: answer 200. */
        TAKEN,
        /** Not an update at all: answer 200 so that it is not sent again. */
        IGNORED,
        /** No room now, or not taking updates: answer 503 so that Telegram sends it again later. */
        BUSY
    }

    /** Where a parsed update goes: taken in, or refused for lack of room. */
    interface Sink {
        Outcome accept(Update update);
    }

    private static final Logger log = LoggerFactory.getLogger(WebhookReceiver.class);

    private final byte[] secretDigest;
    private final ObjectMapper json;
    private final Throttle notUpdates = new Throttle(Duration.ofMinutes(1));
    private volatile Sink sink;

    WebhookReceiver(String secret, ObjectMapper json) {
        this.secretDigest = digest(secret.getBytes(StandardCharsets.UTF_8));
        this.json = json;
    }

    /** Starts or stops handing updates on; without a sink every update is {@link Outcome#BUSY}. */
    void sink(Sink sink) {
        this.sink = sink;
    }

    /** True while updates are handed on (the adapter runs in webhook mode). */
    public boolean open() {
        return sink != null;
    }

    /**
     * Whether the value of the {@value #SECRET_HEADER} header (null when missing) is the webhook's
     * secret.
     */
    public boolean authorized(String secretHeader) {
        if (secretHeader == null) return false;
        // Digests have a fixed length, so the time taken says nothing about the secret or its
        // length.
        return MessageDigest.isEqual(
                secretDigest, digest(secretHeader.getBytes(StandardCharsets.UTF_8)));
    }

    /** Takes an authorized request's body (at most {@link #MAX_BODY_BYTES}). */
    public Outcome take(byte[] body) {
        Sink to = sink;
        Optional<Update> update = parse(body);
        if (update.isEmpty()) return Outcome.IGNORED;
        if (to == null) return Outcome.BUSY;
        return to.accept(update.get());
    }

    private Optional<Update> parse(byte[] body) {
        String problem;
        try {
            Update update = json.readValue(body, Update.class);
            if (update != null && update.getUpdateId() != null) return Optional.of(update);
            problem = update == null ? "the body is null" : "the update has no update_id";
        } catch (IOException | RuntimeException e) {
            problem = "the body is not an update (" + e.getClass().getSimpleName() + ")";
        }
        OptionalInt more = notUpdates.tryPass();
        if (more.isPresent()) {
            log.warn(
                    "webhook request ignored, answered 200 so that Telegram does not send it again: {}{}",
                    problem,
                    more.getAsInt() > 0
                            ? " (and " + more.getAsInt() + " more such requests in the last minute)"
                            : "");
        } else {
            log.debug("webhook request ignored: {}", problem);
        }
        return Optional.empty();
    }

    private static byte[] digest(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
