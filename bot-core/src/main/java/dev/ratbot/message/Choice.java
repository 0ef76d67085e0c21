package dev.ratbot.message;

import java.nio.charset.StandardCharsets;

/**
 * A button offered with a reply. {@code data} is command text that the conversation's command
 * parser understands ("/topic training-and-tricks", "/feedback k3j9 up", "/subscribe 08:00"), at
 * most 64 UTF-8 bytes so that it fits every platform's button payload. Adapters send {@code data}
 * back through the conversation when tapped.
 */
public record Choice(String label, String data) {
    public static final int MAX_DATA_BYTES = 64;

    public Choice {
        if (label == null || label.isBlank()) throw new IllegalArgumentException("blank label");
        if (data == null || data.getBytes(StandardCharsets.UTF_8).length > MAX_DATA_BYTES) {
            throw new IllegalArgumentException(
                    "choice data over " + MAX_DATA_BYTES + " bytes: " + data);
        }
    }
}
