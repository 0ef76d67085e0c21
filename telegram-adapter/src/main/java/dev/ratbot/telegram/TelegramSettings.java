package dev.ratbot.telegram;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How the Telegram adapter connects. The token and the webhook secret are secrets: they come from the
 * environment (or a file the app reads), and {@link #toString()} never shows them.
 *
 * @param token         the bot token from @BotFather ({@code 123456:ABC-...})
 * @param apiUrl        the Bot API server: {@code https://api.telegram.org}, a self-hosted server or a test fake;
 *                      scheme, host and port only (the telegrambots client cannot use a path prefix)
 * @param mode          long polling (one instance) or webhook (any number behind a load balancer)
 * @param webhookUrl    the public HTTPS address Telegram posts updates to; required in webhook mode
 * @param webhookSecret the secret Telegram sends in {@code X-Telegram-Bot-Api-Secret-Token}: 1–256 characters of
 *                      {@code A-Z a-z 0-9 _ -}; required in webhook mode
 * @param webhookBind   the local address the webhook endpoint listens on, e.g. {@code 0.0.0.0}; the endpoint answers
 *                      POSTs on any path, so a reverse proxy may map the public path freely
 * @param webhookPort   the local port the webhook endpoint listens on (0 picks a free one)
 */
public record TelegramSettings(
        String token,
        URI apiUrl,
        Mode mode,
        Optional<URI> webhookUrl,
        Optional<String> webhookSecret,
        String webhookBind,
        int webhookPort) {

    /** How updates reach the bot. */
    public enum Mode {
        /** The bot asks Telegram for updates ({@code getUpdates}); exactly one instance may do this per token. */
        LONG_POLLING,
        /** Telegram posts updates to our HTTP endpoint; any number of instances behind a load balancer. */
        WEBHOOK;

        /** Parses {@code longpolling}, {@code long-polling}, {@code polling} or {@code webhook}, in any case. */
        public static Mode parse(String text) {
            String t = text.strip().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
            return switch (t) {
                case "longpolling", "polling" -> LONG_POLLING;
                case "webhook" -> WEBHOOK;
                default -> throw new IllegalArgumentException("TELEGRAM_MODE must be longpolling or webhook, not '" + text.strip() + "'");
            };
        }
    }

    public static final URI DEFAULT_API_URL = URI.create("https://api.telegram.org");
    public static final String DEFAULT_WEBHOOK_BIND = "0.0.0.0";
    public static final int DEFAULT_WEBHOOK_PORT = 8443;

    private static final Pattern TOKEN = Pattern.compile("\\d{1,20}:[A-Za-z0-9_-]{1,200}");
    private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{1,256}");

    public TelegramSettings {
        if (token == null || !TOKEN.matcher(token).matches()) {
            throw new IllegalArgumentException("TELEGRAM_BOT_TOKEN is not a bot token: expected digits, a colon and letters, as @BotFather gives it");
        }
        Objects.requireNonNull(apiUrl, "apiUrl");
        Objects.requireNonNull(mode, "mode");
        webhookUrl = webhookUrl == null ? Optional.empty() : webhookUrl;
        webhookSecret = webhookSecret == null ? Optional.empty() : webhookSecret;
        webhookBind = webhookBind == null || webhookBind.isBlank() ? DEFAULT_WEBHOOK_BIND : webhookBind.strip();
        checkApiUrl(apiUrl);
        if (webhookPort < 0 || webhookPort > 65535) throw new IllegalArgumentException("TELEGRAM_WEBHOOK_PORT must be 0–65535, not " + webhookPort);
        if (webhookSecret.isPresent() && !SECRET.matcher(webhookSecret.get()).matches()) {
            throw new IllegalArgumentException("TELEGRAM_WEBHOOK_SECRET must be 1–256 characters of A-Z, a-z, 0-9, _ and -");
        }
        if (mode == Mode.WEBHOOK) {
            URI url = webhookUrl.orElseThrow(() -> new IllegalArgumentException("TELEGRAM_WEBHOOK_URL is required in webhook mode"));
            if (!url.isAbsolute() || url.getHost() == null || !(url.getScheme().equalsIgnoreCase("https") || url.getScheme().equalsIgnoreCase("http"))) {
                throw new IllegalArgumentException("TELEGRAM_WEBHOOK_URL must be an absolute https:// address, not '" + url + "'");
            }
            if (webhookSecret.isEmpty()) throw new IllegalArgumentException("TELEGRAM_WEBHOOK_SECRET is required in webhook mode");
        }
    }

    /** Long polling against the given Bot API server. */
    public static TelegramSettings longPolling(String token, URI apiUrl) {
        return new TelegramSettings(token, apiUrl, Mode.LONG_POLLING, Optional.empty(), Optional.empty(), DEFAULT_WEBHOOK_BIND, DEFAULT_WEBHOOK_PORT);
    }

    /** Webhook mode: Telegram posts to {@code publicUrl}, which reaches our endpoint on {@code bind:port}. */
    public static TelegramSettings webhook(String token, URI apiUrl, URI publicUrl, String secret, String bind, int port) {
        return new TelegramSettings(token, apiUrl, Mode.WEBHOOK, Optional.of(publicUrl), Optional.of(secret), bind, port);
    }

    /**
     * Reads {@code TELEGRAM_BOT_TOKEN}, {@code TELEGRAM_API_URL}, {@code TELEGRAM_MODE}, {@code TELEGRAM_WEBHOOK_URL},
     * {@code TELEGRAM_WEBHOOK_SECRET}, {@code TELEGRAM_WEBHOOK_BIND} and {@code TELEGRAM_WEBHOOK_PORT}; empty when no
     * token is set (Telegram is not configured).
     *
     * @throws IllegalArgumentException naming the setting that is wrong
     */
    public static Optional<TelegramSettings> fromEnvironment(Map<String, String> env) {
        String token = value(env, "TELEGRAM_BOT_TOKEN").orElse(null);
        if (token == null) return Optional.empty();
        URI api = value(env, "TELEGRAM_API_URL").map(u -> uri("TELEGRAM_API_URL", u)).orElse(DEFAULT_API_URL);
        Mode mode = value(env, "TELEGRAM_MODE").map(Mode::parse).orElse(Mode.LONG_POLLING);
        Optional<URI> hook = value(env, "TELEGRAM_WEBHOOK_URL").map(u -> uri("TELEGRAM_WEBHOOK_URL", u));
        Optional<String> secret = value(env, "TELEGRAM_WEBHOOK_SECRET");
        String bind = value(env, "TELEGRAM_WEBHOOK_BIND").orElse(DEFAULT_WEBHOOK_BIND);
        int port = value(env, "TELEGRAM_WEBHOOK_PORT").map(TelegramSettings::port).orElse(DEFAULT_WEBHOOK_PORT);
        return Optional.of(new TelegramSettings(token, api, mode, hook, secret, bind, port));
    }

    /** The bot's numeric id, the part of the token before the colon. */
    public long botId() {
        return Long.parseLong(token.substring(0, token.indexOf(':')));
    }

    @Override
    public String toString() {
        return "TelegramSettings[token=<redacted>, apiUrl=" + apiUrl + ", mode=" + mode + ", webhookUrl="
                + webhookUrl.map(URI::toString).orElse("-") + ", webhookSecret=" + (webhookSecret.isPresent() ? "<redacted>" : "-")
                + ", webhookBind=" + webhookBind + ", webhookPort=" + webhookPort + "]";
    }

    private static void checkApiUrl(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("https") || scheme.equals("http")) || url.getHost() == null) {
            throw new IllegalArgumentException("TELEGRAM_API_URL must look like https://api.telegram.org, not '" + url + "'");
        }
        String path = url.getRawPath();
        if ((path != null && !path.isEmpty() && !path.equals("/")) || url.getRawQuery() != null) {
            throw new IllegalArgumentException("TELEGRAM_API_URL must be scheme://host[:port] without a path, not '" + url + "'");
        }
    }

    private static Optional<String> value(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }

    private static URI uri(String name, String text) {
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(name + " is not a URL: '" + text + "'");
        }
    }

    private static int port(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("TELEGRAM_WEBHOOK_PORT must be a number, not '" + text + "'");
        }
    }
}
