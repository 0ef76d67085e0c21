package dev.ratbot.discord.fake;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** A response the fake Discord is told to give instead of its normal one (errors, rate limits). */
public record FakeResponse(int status, Map<String, String> headers, String body) {

    public FakeResponse {
        headers = Map.copyOf(headers);
    }

    /**
     * A per-route 429 as Discord sends it: headers with the wait in seconds and the same in the
     * JSON body.
     */
    public static FakeResponse rateLimited(double retryAfterSeconds) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Retry-After", Long.toString((long) Math.ceil(retryAfterSeconds)));
        h.put("X-RateLimit-Limit", "5");
        h.put("X-RateLimit-Remaining", "0");
        h.put("X-RateLimit-Reset-After", String.format(Locale.ROOT, "%.3f", retryAfterSeconds));
        h.put("X-RateLimit-Bucket", "fake-bucket");
        h.put("X-RateLimit-Scope", "user");
        String body =
                Json.write(
                        Json.obj(
                                "message",
                                "You are being rate limited.",
                                "retry_after",
                                retryAfterSeconds,
                                "global",
                                false,
                                "code",
                                0));
        return new FakeResponse(429, h, body);
    }

    /** A JSON error with Discord's numeric code, e.g. 403/50013 Missing Permissions. */
    public static FakeResponse error(int status, int code, String message) {
        return new FakeResponse(
                status, Map.of(), Json.write(Json.obj("message", message, "code", code)));
    }

    public static FakeResponse missingAccess() {
        return error(403, 50001, "Missing Access");
    }

    public static FakeResponse missingPermissions() {
        return error(403, 50013, "Missing Permissions");
    }

    public static FakeResponse unknownChannel() {
        return error(404, 10003, "Unknown Channel");
    }

    public static FakeResponse serverError() {
        return new FakeResponse(
                500,
                Map.of(),
                Json.write(Json.obj("message", "500: Internal Server Error", "code", 0)));
    }
}
