package dev.ratbot.app.config;

/**
 * The operator's web console: where it listens and its password. Present only when
 * RATBOT_CONSOLE_PASSWORD is set.
 *
 * @param bind a host name or IP address (127.0.0.1 keeps it private to the machine)
 * @param port 0 picks a free port
 * @param password prints as {@code <redacted>}
 */
public record ConsoleConfig(String bind, int port, Secret password) {}
