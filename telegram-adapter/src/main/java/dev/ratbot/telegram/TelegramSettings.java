package dev.ratbot.telegram;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * How the Telegram adapter connects: plain values, already checked by whoever read them (the
 * launcher's configuration reader names the setting that is wrong; this record does not check
 * again). The token and the webhook secret are secrets: {@link #toString()} never shows them.
 *
 * @param token the bot token from @BotFather ({@code 123456:ABC-...})
 * @param apiUrl the Bot API server: {@code https://api.telegram.org}, a self-hosted server or a
 *     test fake; scheme, host and port only (the telegrambots client cannot use a path prefix)
 * @param mode long polling (one instance) or webhook (any number behind a load balancer)
 * @param webhookUrl the public HTTPS address Telegram posts updates to; present in webhook mode
 * @param webhookSecret the secret Telegram sends in {@code X-Telegram-Bot-Api-Secret-Token};
 *     present in webhook mode. The adapter listens on no port: the launcher's HTTP server hands
 *     webhook requests to {@link TelegramAdapter#webhook()}.
 */
public record TelegramSettings(
        String token,
        URI apiUrl,
        Mode mode,
        Optional<URI> webhookUrl,
        Optional<String> webhookSecret) {

    /** How updates reach the bot. */
    public enum Mode {
        /**
         * The bot asks Telegram for updates ({@code getUpdates}); exactly one instance may do this
         * per token.
         */
        LONG_POLLING("long polling"),
        /**
         * Telegram posts updates to our HTTP endpoint; any number of instances behind a load
         * balancer.
         */
        WEBHOOK("webhook");

        private final String label;

        Mode(String label) {
            this.label = label;
        }

        /** How logs and readiness name the mode: "long polling" or "webhook". */
        public String label() {
            return label;
        }
    }

    public TelegramSettings {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(apiUrl, "apiUrl");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(webhookUrl, "webhookUrl");
        Objects.requireNonNull(webhookSecret, "webhookSecret");
        if (mode == Mode.WEBHOOK && (webhookUrl.isEmpty() || webhookSecret.isEmpty())) {
            throw new IllegalArgumentException(
                    "webhook mode needs the webhook's public URL and its secret");
        }
    }

    /** Long polling against the given Bot API server. */
    public static TelegramSettings longPolling(String token, URI apiUrl) {
        return new TelegramSettings(
                token, apiUrl, Mode.LONG_POLLING, Optional.empty(), Optional.empty());
    }

    /**
     * Webhook mode: Telegram posts to {@code publicUrl}, which the launcher's server forwards to
     * {@link TelegramAdapter#webhook()}.
     */
    public static TelegramSettings webhook(String token, URI apiUrl, URI publicUrl, String secret) {
        return new TelegramSettings(
                token, apiUrl, Mode.WEBHOOK, Optional.of(publicUrl), Optional.of(secret));
    }

    @Override
    public String toString() {
        return "TelegramSettings[token=<redacted>, apiUrl="
                + apiUrl
                + ", mode="
                + mode
                + ", webhookUrl="
                + webhookUrl.map(URI::toString).orElse("-")
                + ", webhookSecret="
                + (webhookSecret.isPresent() ? "<redacted>" : "-")
                + "]";
    }
}
