package dev.ratbot.app.config;

/**
 * The operations endpoint's address.
 *
 * @param bind a host name or IP address to listen on (127.0.0.1 keeps it private to the machine)
 * @param port 0 picks a free port
 */
public record OpsConfig(String bind, int port) {}
