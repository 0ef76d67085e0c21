package dev.ratbot.app.config;

import java.net.URI;
import java.util.Optional;

/**
 * Telegram, when {@code TELEGRAM_BOT_TOKEN} is set.
 *
 * @param webhookUrl    the public https address Telegram posts to; present exactly in webhook mode
 * @param webhookSecret the secret Telegram sends back in every webhook request; present exactly in webhook mode
 * @param webhookBind   the local address the webhook endpoint listens on
 * @param webhookPort   the local port the webhook endpoint listens on
 */
public record TelegramConfig(Secret token, URI apiUrl, Mode mode, Optional<URI> webhookUrl, Optional<Secret> webhookSecret,
                             String webhookBind, int webhookPort) {

    /** How updates arrive. */
    public enum Mode {
        /** One instance asks Telegram for updates (getUpdates). */
        LONGPOLLING,
        /** Telegram posts updates to our endpoint; any number of instances behind a load balancer. */
        WEBHOOK
    }

    /** The numeric bot id, the part of the token before the colon: safe to log. */
    public String botId() {
        String t = token.reveal();
        return t.substring(0, t.indexOf(':'));
    }
}
