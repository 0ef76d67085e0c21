package dev.ratbot.app.config;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every setting Ratbot reads, by the name it has both as an environment variable and as a key of
 * the configuration file. Secrets may instead be read from a file named by the same name with
 * {@code _FILE} appended.
 */
public enum Setting {
    RATBOT_CONFIG(
            null,
            false,
            "Path of a properties file with any of these settings (environment variables win). Also --config FILE."),
    RATBOT_DB_URL(
            "jdbc:sqlite:data/ratbot.db",
            false,
            "JDBC URL of the store: a SQLite file (one instance) or PostgreSQL (several instances), e.g. jdbc:postgresql://db:5432/ratbot?user=ratbot."),
    RATBOT_DB_PASSWORD(null, true, "Password for the database user, when it is not in the URL."),
    RATBOT_KNOWLEDGE(
            null, false, "Folder of knowledge-pack Markdown files; the built-in guide when unset."),
    RATBOT_OPS_BIND(
            "127.0.0.1",
            false,
            "Address the operations endpoint (/healthz, /readyz, /metrics) listens on; 0.0.0.0 for all."),
    RATBOT_OPS_PORT("8080", false, "Port of the operations endpoint; 0 picks a free one."),
    RATBOT_TIP_GRACE(
            "PT3H",
            false,
            "How late a missed daily tip may still go out, 1 minute to 24 hours (ISO-8601 duration like PT3H, or 90m, 3h)."),
    RATBOT_DEFAULT_TIP_TIME("09:00", false, "Local time a /subscribe without a time gets, HH:MM."),
    RATBOT_DEFAULT_ZONE(
            "UTC",
            false,
            "Time zone a /subscribe without a zone gets: an IANA zone like Europe/London, a city, or +02:00."),
    RATBOT_CONSOLE_PASSWORD(
            null,
            true,
            "Password of the operator's web console; the console is off unless it is set (12 characters or more)."),
    RATBOT_CONSOLE_BIND(
            "127.0.0.1",
            false,
            "Address the operator's web console listens on; 0.0.0.0 for all (put HTTPS in front)."),
    RATBOT_CONSOLE_PORT("8081", false, "Port of the operator's web console; 0 picks a free one."),
    RATBOT_RETENTION(
            "90d",
            false,
            "How long stored questions (with their ratings) and daily-tip delivery records are kept before they are deleted: days (90d), hours (36h) or ISO-8601 (P90D)."),
    RATBOT_QUESTION_RETENTION(
            null,
            false,
            "The older name of RATBOT_RETENTION, still read when RATBOT_RETENTION is not set."),
    RATBOT_FLOOD_LIMIT(
            "6",
            false,
            "Messages one user may send the bot in one chat per minute; past it one \"slow down\", then silence. 0: no limit."),
    RATBOT_INSTANCE_ID(
            null,
            false,
            "Name of this instance in logs, metrics and the store; default host name and process id."),
    TELEGRAM_BOT_TOKEN(null, true, "The bot token from @BotFather; enables Telegram."),
    TELEGRAM_API_URL(
            "https://api.telegram.org",
            false,
            "Bot API server, scheme://host[:port] (a self-hosted one, or a fake in tests)."),
    TELEGRAM_MODE(
            "longpolling",
            false,
            "longpolling (one instance polls, chosen by a lock on PostgreSQL) or webhook."),
    TELEGRAM_WEBHOOK_URL(null, false, "Public https URL Telegram posts updates to (webhook mode)."),
    TELEGRAM_WEBHOOK_SECRET(
            null,
            true,
            "Secret Telegram sends with every webhook request: 1-256 of A-Z a-z 0-9 _ - (webhook mode)."),
    TELEGRAM_WEBHOOK_BIND(
            "0.0.0.0", false, "Local address the webhook endpoint listens on (webhook mode)."),
    TELEGRAM_WEBHOOK_PORT(
            "8443",
            false,
            "Local port the webhook endpoint listens on, behind your TLS proxy or load balancer (webhook mode)."),
    DISCORD_BOT_TOKEN(
            null,
            true,
            "The bot token from the Bot page of your Discord application; enables Discord."),
    DISCORD_API_URL(
            "https://discord.com/api/v10", false, "Discord REST API base URL (a fake in tests)."),
    DISCORD_GUILD_ID(
            null,
            false,
            "Register slash commands on this one server only (instant, for development)."),
    DISCORD_SHARDS(
            "auto",
            false,
            "Number of gateway shards in all: auto (Discord's recommendation) or a number."),
    DISCORD_SHARD_INDICES(
            null,
            false,
            "Which shards this instance runs, e.g. 0,1 or 0-3 (needs a numeric DISCORD_SHARDS); all when unset."),
    DISCORD_MESSAGE_CONTENT(
            "false",
            false,
            "true asks Discord for the privileged Message Content intent (switch it on in the Developer Portal too), which /autoanswer help channels need.");

    /** Suffix of the variable that names a file holding a secret, e.g. TELEGRAM_BOT_TOKEN_FILE. */
    public static final String FILE_SUFFIX = "_FILE";

    private final String defaultValue;
    private final boolean secret;
    private final String description;

    Setting(String defaultValue, boolean secret, String description) {
        this.defaultValue = defaultValue;
        this.secret = secret;
        this.description = description;
    }

    /**
     * The default, or empty when the setting has none (or a computed one, like the instance id).
     */
    public Optional<String> defaultValue() {
        return Optional.ofNullable(defaultValue);
    }

    /** True for tokens and passwords: never printed, and also readable from {@code NAME_FILE}. */
    public boolean secret() {
        return secret;
    }

    public String description() {
        return description;
    }

    /** The setting named exactly {@code name}, if any. */
    public static Optional<Setting> named(String name) {
        return Arrays.stream(values()).filter(s -> s.name().equals(name)).findFirst();
    }
}
