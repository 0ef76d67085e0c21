package dev.ratbot.console;

import java.util.Objects;

/**
 * Where the console listens and the password that opens it.
 *
 * @param bind address to listen on (127.0.0.1 keeps it private to the machine)
 * @param port 0 picks a free port
 * @param password the operator's password; never logged or shown
 */
public record ConsoleSettings(String bind, int port, String password) {
    public ConsoleSettings {
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(password, "password");
        if (password.isEmpty()) throw new IllegalArgumentException("empty password");
    }

    @Override
    public String toString() {
        return "ConsoleSettings[bind=" + bind + ", port=" + port + ", password=<redacted>]";
    }
}
