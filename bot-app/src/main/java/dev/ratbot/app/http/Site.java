package dev.ratbot.app.http;

import java.util.Locale;

/**
 * What the launcher serves, each on an address of its own: one connector of the {@link WebServer}
 * per site.
 */
public enum Site {
    /**
     * {@code /healthz}, {@code /readyz}, {@code /metrics} on {@code
     * RATBOT_OPS_BIND:RATBOT_OPS_PORT}.
     */
    OPS,
    /** The operator console on {@code RATBOT_CONSOLE_BIND:RATBOT_CONSOLE_PORT}. */
    CONSOLE,
    /** Telegram's webhook on {@code TELEGRAM_WEBHOOK_BIND:TELEGRAM_WEBHOOK_PORT}. */
    WEBHOOK;

    /** The connector's name, which its routes are bound to ({@code @ops}). */
    String connector() {
        return name().toLowerCase(Locale.ROOT);
    }
}
