package dev.ratbot.console;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Logged-in operators of this instance: a random session id (the cookie) and, per session, a random
 * CSRF token that every state-changing form sends back. Sessions end after {@link #LIFETIME}, at
 * logout, or when the process stops; they live in memory, so each instance has its own (the console
 * is reached per instance).
 */
public final class Sessions {

    static final Duration LIFETIME = Duration.ofHours(8);
    private static final int MAX_SESSIONS = 1000;

    /** A session: its CSRF token and when it ends (epoch ms). */
    public record Session(String csrf, long endsAt) {}

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    public Sessions(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Opens a session and returns its id. */
    public String open() {
        long now = clock.millis();
        if (sessions.size() >= MAX_SESSIONS) sessions.values().removeIf(s -> s.endsAt() <= now);
        if (sessions.size() >= MAX_SESSIONS) sessions.clear();
        String id = token();
        sessions.put(id, new Session(token(), now + LIFETIME.toMillis()));
        return id;
    }

    public Optional<Session> find(String id) {
        if (id == null || id.isEmpty()) return Optional.empty();
        Session s = sessions.get(id);
        if (s == null) return Optional.empty();
        if (s.endsAt() <= clock.millis()) {
            sessions.remove(id);
            return Optional.empty();
        }
        return Optional.of(s);
    }

    public void close(String id) {
        if (id != null) sessions.remove(id);
    }

    /** Compares secrets in time that does not depend on where they differ. */
    public static boolean same(String a, String b) {
        if (a == null || b == null) return false;
        return MessageDigest.isEqual(sha256(a), sha256(b));
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String token() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
