package dev.ratbot.app.config;

import dev.ratbot.telegram.TelegramSettings;
import java.net.URI;
import java.util.Optional;

/**
 * Telegram, when {@code TELEGRAM_BOT_TOKEN} is set: the values {@link ConfigReader} checked, with
 * the secrets wrapped.
 *
 * @param webhookUrl the public https address Telegram posts to; present exactly in webhook mode
 * @param webhookSecret the secret Telegram sends back in every webhook request; present exactly in
 *     webhook mode
 * @param webhookBind the local address the webhook endpoint listens on
 * @param webhookPort the local port the webhook endpoint listens on
 */
public record TelegramConfig(
        Secret token,
        URI apiUrl,
        TelegramSettings.Mode mode,
        Optional<URI> webhookUrl,
        Optional<Secret> webhookSecret,
        String webhookBind,
        int webhookPort) {

    /** The numeric bot id, the part of the token before the colon: safe to log. */
    public String botId() {
        String t = token.reveal();
        return t.substring(0, t.indexOf(':'));
    }

    /**
     * The adapter's settings: the same values, with the secrets revealed to the one library that
     * needs them.
     */
    public TelegramSettings settings() {
        return new TelegramSettings(
                token.reveal(), apiUrl, mode, webhookUrl, webhookSecret.map(Secret::reveal));
    }
}
