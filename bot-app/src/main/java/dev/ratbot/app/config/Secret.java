package dev.ratbot.app.config;

import java.util.Objects;

/**
 * A token or password. Its {@link #toString()} never shows the value, so a secret can sit in a record that is
 * logged or printed; only {@link #reveal()} gives it out, to the one library call that needs it.
 */
public record Secret(String value) {

    public Secret {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty()) throw new IllegalArgumentException("empty secret");
    }

    /** The secret itself, for the client that authenticates with it; never log it. */
    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "<redacted>";
    }
}
