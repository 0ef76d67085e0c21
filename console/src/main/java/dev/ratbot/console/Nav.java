package dev.ratbot.console;

/**
 * What every logged-in page needs: the session's CSRF token for its forms, the active tab, and a
 * message about the last action (one of the console's own sentences, never request text).
 */
public record Nav(String csrf, String active, String message) {}
