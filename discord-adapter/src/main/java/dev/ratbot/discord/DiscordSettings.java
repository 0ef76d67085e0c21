package dev.ratbot.discord;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the Discord adapter is configured with: plain values, already checked by whoever read
 * them (the launcher's configuration reader names the setting that is wrong; this record does not
 * check again). The token is a secret: {@link #toString()} never shows it and no error message
 * repeats it.
 *
 * @param token the bot token; it begins with the Base64 of the bot's numeric id
 * @param apiUrl the REST base, e.g. {@code https://discord.com/api/v10}; tests point it at a fake
 * @param guildId register the slash commands on this one server (instant, for development) instead
 *     of globally
 * @param sharding how many shards the bot has and which of them this instance runs
 * @param deferAfter how long an interaction waits for the core's reply before it defers (Discord
 *     allows 3 s for the first response); zero defers always
 * @param sendTimeout the longest one unsolicited send (a daily tip) may take, rate-limit waits and
 *     retries included
 * @param messageContent ask for the privileged Message Content intent, which {@code /autoanswer}
 *     help channels need to read posts that do not mention the bot (it must be switched on in the
 *     Developer Portal as well, or Discord refuses the connection)
 * @param maxRestRequestsPerSecond the most REST requests the client sends in any one second, all
 *     routes together (Discord4J's global rate limiter; each route's own limits apply as well).
 *     Discord allows a bot {@value #DEFAULT_MAX_REST_REQUESTS_PER_SECOND}; only tests against a
 *     fake Discord raise it
 */
public record DiscordSettings(
        String token,
        URI apiUrl,
        Optional<Long> guildId,
        DiscordSharding sharding,
        Duration deferAfter,
        Duration sendTimeout,
        boolean messageContent,
        int maxRestRequestsPerSecond) {

    /**
     * Discord allows 3 s for an interaction's first response; deferring after half of it leaves
     * room.
     */
    public static final Duration DEFAULT_DEFER_AFTER = Duration.ofMillis(1500);

    public static final Duration DEFAULT_SEND_TIMEOUT = Duration.ofSeconds(10);

    /** Discord's global limit for a bot: 50 requests a second across all routes. */
    public static final int DEFAULT_MAX_REST_REQUESTS_PER_SECOND = 50;

    public DiscordSettings {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(apiUrl, "apiUrl");
        guildId = guildId == null ? Optional.empty() : guildId;
        sharding = sharding == null ? DiscordSharding.AUTO : sharding;
        deferAfter = deferAfter == null ? DEFAULT_DEFER_AFTER : deferAfter;
        sendTimeout = sendTimeout == null ? DEFAULT_SEND_TIMEOUT : sendTimeout;
        if (deferAfter.isNegative() || deferAfter.compareTo(Duration.ofMillis(2500)) > 0) {
            throw new IllegalArgumentException(
                    "deferAfter must be between 0 and 2.5 s (Discord allows 3 s for the first response)");
        }
        if (sendTimeout.isNegative() || sendTimeout.isZero())
            throw new IllegalArgumentException("sendTimeout must be positive");
        if (maxRestRequestsPerSecond < 1)
            throw new IllegalArgumentException("maxRestRequestsPerSecond must be at least 1");
    }

    /**
     * Settings with global commands, automatic sharding, default timings and no Message Content
     * intent, at most {@value #DEFAULT_MAX_REST_REQUESTS_PER_SECOND} REST requests a second.
     */
    public static DiscordSettings of(String token, URI apiUrl) {
        return new DiscordSettings(
                token,
                apiUrl,
                Optional.empty(),
                DiscordSharding.AUTO,
                null,
                null,
                false,
                DEFAULT_MAX_REST_REQUESTS_PER_SECOND);
    }

    public DiscordSettings withApiUrl(URI url) {
        return new DiscordSettings(
                token,
                url,
                guildId,
                sharding,
                deferAfter,
                sendTimeout,
                messageContent,
                maxRestRequestsPerSecond);
    }

    public DiscordSettings withGuildId(long id) {
        return new DiscordSettings(
                token,
                apiUrl,
                Optional.of(id),
                sharding,
                deferAfter,
                sendTimeout,
                messageContent,
                maxRestRequestsPerSecond);
    }

    public DiscordSettings withSharding(DiscordSharding s) {
        return new DiscordSettings(
                token,
                apiUrl,
                guildId,
                s,
                deferAfter,
                sendTimeout,
                messageContent,
                maxRestRequestsPerSecond);
    }

    public DiscordSettings withDeferAfter(Duration d) {
        return new DiscordSettings(
                token,
                apiUrl,
                guildId,
                sharding,
                d,
                sendTimeout,
                messageContent,
                maxRestRequestsPerSecond);
    }

    public DiscordSettings withSendTimeout(Duration d) {
        return new DiscordSettings(
                token,
                apiUrl,
                guildId,
                sharding,
                deferAfter,
                d,
                messageContent,
                maxRestRequestsPerSecond);
    }

    public DiscordSettings withMessageContent(boolean on) {
        return new DiscordSettings(
                token,
                apiUrl,
                guildId,
                sharding,
                deferAfter,
                sendTimeout,
                on,
                maxRestRequestsPerSecond);
    }

    public DiscordSettings withMaxRestRequestsPerSecond(int n) {
        return new DiscordSettings(
                token, apiUrl, guildId, sharding, deferAfter, sendTimeout, messageContent, n);
    }

    /** The bot's user id, which a bot token begins with (Base64 of its digits). */
    public long botId() {
        int dot = token.indexOf('.');
        try {
            String id =
                    new String(
                            Base64.getUrlDecoder()
                                    .decode(token.substring(0, Math.max(dot, 0)).replace("=", "")),
                            StandardCharsets.US_ASCII);
            return Long.parseUnsignedLong(id);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the Discord token does not begin with the bot's id");
        }
    }

    @Override
    public String toString() {
        return "DiscordSettings[token=<"
                + token.length()
                + " characters>, apiUrl="
                + apiUrl
                + ", guildId="
                + guildId.map(String::valueOf).orElse("none (global commands)")
                + ", sharding="
                + sharding
                + ", deferAfter="
                + deferAfter
                + ", sendTimeout="
                + sendTimeout
                + ", messageContent="
                + messageContent
                + ", maxRestRequestsPerSecond="
                + maxRestRequestsPerSecond
                + "]";
    }
}
