package dev.ratbot.app.config;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The shape of a Discord bot token: three dot-separated Base64url parts, the first the
 * application's numeric id.
 */
final class DiscordTokens {

    private static final Pattern SHAPE =
            Pattern.compile("[A-Za-z0-9_-]{16,}={0,2}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{20,}");

    private DiscordTokens() {}

    static boolean wellFormed(String token) {
        return SHAPE.matcher(token).matches() && applicationId(token).isPresent();
    }

    static Optional<String> applicationId(String token) {
        int dot = token.indexOf('.');
        if (dot <= 0) return Optional.empty();
        try {
            String id =
                    new String(
                            Base64.getUrlDecoder().decode(token.substring(0, dot).replace("=", "")),
                            StandardCharsets.US_ASCII);
            return id.matches("\\d{15,21}") ? Optional.of(id) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
