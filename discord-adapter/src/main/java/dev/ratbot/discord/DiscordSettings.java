package dev.ratbot.discord;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the Discord adapter is configured with. The token is a secret: {@link #toString()} never shows it
 * and no error message repeats it.
 *
 * @param token       the bot token ({@code DISCORD_BOT_TOKEN}, or the first line of the file named by
 *                    {@code DISCORD_BOT_TOKEN_FILE}); it begins with the Base64 of the bot's numeric id
 * @param apiUrl      the REST base ({@code DISCORD_API_URL}, default {@value #DEFAULT_API_URL}); tests point it at a fake
 * @param guildId     {@code DISCORD_GUILD_ID}: register the slash commands on this one server (instant, for
 *                    development) instead of globally
 * @param sharding    {@code DISCORD_SHARDS} ("auto" or a count) and {@code DISCORD_SHARD_INDICES} (which of them
 *                    this instance runs)
 * @param deferAfter  how long an interaction waits for the core's reply before it defers (Discord allows 3 s
 *                    for the first response); zero defers always
 * @param sendTimeout the longest one unsolicited send (a daily tip) may take, rate-limit waits and retries included
 * @param messageContent {@code DISCORD_MESSAGE_CONTENT}: ask for the privileged Message Content intent, which
 *                    {@code /autoanswer} help channels need to read posts that do not mention the bot (it must be
 *                    switched on in the Developer Portal as well, or Discord refuses the connection)
 */
public record DiscordSettings(
        String token,
        URI apiUrl,
        Optional<Long> guildId,
        DiscordSharding sharding,
        Duration deferAfter,
        Duration sendTimeout,
        boolean messageContent) {

    public static final String DEFAULT_API_URL = "https://discord.com/api/v10";
    public static final Duration DEFAULT_DEFER_AFTER = Duration.ofMillis(1500);
    public static final Duration DEFAULT_SEND_TIMEOUT = Duration.ofSeconds(10);

    public DiscordSettings {
        Objects.requireNonNull(token, "token");
        token = token.strip();
        botIdOf(token); // validates the shape
        Objects.requireNonNull(apiUrl, "apiUrl");
        String scheme = apiUrl.getScheme();
        if (scheme == null || !(scheme.equals("https") || scheme.equals("http")) || apiUrl.getHost() == null) {
            throw new IllegalArgumentException("DISCORD_API_URL must be an http(s) address, e.g. " + DEFAULT_API_URL);
        }
        guildId = guildId == null ? Optional.empty() : guildId;
        guildId.ifPresent(id -> {
            if (id <= 0) throw new IllegalArgumentException("DISCORD_GUILD_ID must be a server id (a positive number)");
        });
        sharding = sharding == null ? DiscordSharding.AUTO : sharding;
        deferAfter = deferAfter == null ? DEFAULT_DEFER_AFTER : deferAfter;
        sendTimeout = sendTimeout == null ? DEFAULT_SEND_TIMEOUT : sendTimeout;
        if (deferAfter.isNegative() || deferAfter.compareTo(Duration.ofMillis(2500)) > 0) {
            throw new IllegalArgumentException("deferAfter must be between 0 and 2.5 s (Discord allows 3 s for the first response)");
        }
        if (sendTimeout.isNegative() || sendTimeout.isZero()) throw new IllegalArgumentException("sendTimeout must be positive");
    }

    /** Settings without the Message Content intent. */
    public DiscordSettings(String token, URI apiUrl, Optional<Long> guildId, DiscordSharding sharding, Duration deferAfter,
                           Duration sendTimeout) {
        this(token, apiUrl, guildId, sharding, deferAfter, sendTimeout, false);
    }

    /** Settings with the public API, global commands, automatic sharding and default timings. */
    public static DiscordSettings of(String token) {
        return new DiscordSettings(token, URI.create(DEFAULT_API_URL), Optional.empty(), DiscordSharding.AUTO, null, null);
    }

    /**
     * Reads the settings from environment variables ({@code System.getenv()} in production): {@code DISCORD_BOT_TOKEN}
     * or {@code DISCORD_BOT_TOKEN_FILE}, {@code DISCORD_API_URL}, {@code DISCORD_GUILD_ID}, {@code DISCORD_SHARDS},
     * {@code DISCORD_SHARD_INDICES}.
     *
     * @return empty when no token is configured (Discord is not used)
     * @throws IllegalArgumentException naming the setting that is wrong
     */
    public static Optional<DiscordSettings> fromEnvironment(Map<String, String> env) {
        String token = env.getOrDefault("DISCORD_BOT_TOKEN", "").strip();
        String tokenFile = env.getOrDefault("DISCORD_BOT_TOKEN_FILE", "").strip();
        if (token.isEmpty() && !tokenFile.isEmpty()) token = readTokenFile(Path.of(tokenFile));
        if (token.isEmpty()) return Optional.empty();

        String api = env.getOrDefault("DISCORD_API_URL", "").strip();
        URI apiUrl;
        try {
            apiUrl = URI.create(api.isEmpty() ? DEFAULT_API_URL : stripTrailingSlash(api));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("DISCORD_API_URL is not a valid address: " + api);
        }
        Optional<Long> guild = Optional.empty();
        String guildText = env.getOrDefault("DISCORD_GUILD_ID", "").strip();
        if (!guildText.isEmpty()) {
            try {
                guild = Optional.of(Long.parseUnsignedLong(guildText));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("DISCORD_GUILD_ID must be a server id (digits), not '" + guildText + "'");
            }
        }
        DiscordSharding sharding = DiscordSharding.parse(env.get("DISCORD_SHARDS"), env.get("DISCORD_SHARD_INDICES"));
        String content = env.getOrDefault("DISCORD_MESSAGE_CONTENT", "").strip().toLowerCase(java.util.Locale.ROOT);
        if (!(content.isEmpty() || content.equals("true") || content.equals("false"))) {
            throw new IllegalArgumentException("DISCORD_MESSAGE_CONTENT must be true or false, not '" + content + "'");
        }
        return Optional.of(new DiscordSettings(token, apiUrl, guild, sharding, null, null, content.equals("true")));
    }

    public DiscordSettings withApiUrl(URI url) {
        return new DiscordSettings(token, url, guildId, sharding, deferAfter, sendTimeout, messageContent);
    }

    public DiscordSettings withGuildId(long id) {
        return new DiscordSettings(token, apiUrl, Optional.of(id), sharding, deferAfter, sendTimeout, messageContent);
    }

    public DiscordSettings withSharding(DiscordSharding s) {
        return new DiscordSettings(token, apiUrl, guildId, s, deferAfter, sendTimeout, messageContent);
    }

    public DiscordSettings withDeferAfter(Duration d) {
        return new DiscordSettings(token, apiUrl, guildId, sharding, d, sendTimeout, messageContent);
    }

    public DiscordSettings withSendTimeout(Duration d) {
        return new DiscordSettings(token, apiUrl, guildId, sharding, deferAfter, d, messageContent);
    }

    public DiscordSettings withMessageContent(boolean on) {
        return new DiscordSettings(token, apiUrl, guildId, sharding, deferAfter, sendTimeout, on);
    }

    /** The bot's user id, which a bot token begins with (Base64). */
    public long botId() {
        return botIdOf(token);
    }

    @Override
    public String toString() {
        return "DiscordSettings[token=<" + token.length() + " characters>, apiUrl=" + apiUrl + ", guildId="
                + guildId.map(String::valueOf).orElse("none (global commands)") + ", sharding=" + sharding
                + ", deferAfter=" + deferAfter + ", sendTimeout=" + sendTimeout + ", messageContent=" + messageContent + "]";
    }

    private static long botIdOf(String token) {
        String[] parts = token.split("\\.");
        String problem = "DISCORD_BOT_TOKEN does not look like a Discord bot token (three parts separated by dots, "
                + "the first the Base64 of the bot's id); copy it again from the Developer Portal's Bot page";
        if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty() || parts[2].isEmpty()) {
            throw new IllegalArgumentException(problem);
        }
        try {
            String id = new String(Base64.getUrlDecoder().decode(parts[0].replace('+', '-').replace('/', '_')), StandardCharsets.US_ASCII);
            if (id.isEmpty() || !id.chars().allMatch(Character::isDigit)) throw new IllegalArgumentException(problem);
            return Long.parseUnsignedLong(id);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(problem);
        }
    }

    private static String readTokenFile(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).strip();
            int newline = text.indexOf('\n');
            return newline < 0 ? text : text.substring(0, newline).strip();
        } catch (IOException e) {
            throw new IllegalArgumentException("DISCORD_BOT_TOKEN_FILE cannot be read: " + file);
        }
    }

    private static String stripTrailingSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
