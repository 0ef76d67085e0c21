package dev.ratbot.app.config;

import dev.ratbot.delivery.ScheduleSettings;
import dev.ratbot.subscription.ParseResult;
import dev.ratbot.subscription.SubscriptionDefaults;
import dev.ratbot.subscription.TimeOfDayParser;
import dev.ratbot.subscription.ZoneParser;
import dev.ratbot.telegram.TelegramSettings;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns raw settings into a {@link RatbotConfig}, one check per setting, each failure one line
 * naming it.
 */
final class ConfigReader {

    private static final Pattern TELEGRAM_TOKEN = Pattern.compile("\\d{3,20}:[A-Za-z0-9_-]{30,}");
    private static final Pattern WEBHOOK_SECRET = Pattern.compile("[A-Za-z0-9_-]{1,256}");
    private static final Pattern SHARD_RANGE =
            Pattern.compile("(\\d{1,5})(?:\\s*-\\s*(\\d{1,5}))?");
    private static final Pattern DAYS =
            Pattern.compile("(\\d{1,5})\\s*d?", Pattern.CASE_INSENSITIVE);
    private static final int MIN_CONSOLE_PASSWORD = 12;
    private static final Pattern SIMPLE_DURATION =
            Pattern.compile("(\\d{1,6})\\s*(s|m|min|h)", Pattern.CASE_INSENSITIVE);

    private final SettingsSource source;

    ConfigReader(SettingsSource source) {
        this.source = source;
    }

    RatbotConfig read() {
        DatabaseConfig database = database();
        Optional<Path> knowledge = text(Setting.RATBOT_KNOWLEDGE).map(this::knowledgeFolder);
        OpsConfig ops =
                new OpsConfig(
                        bindAddress(Setting.RATBOT_OPS_BIND), port(Setting.RATBOT_OPS_PORT, true));
        TipsConfig tips =
                new TipsConfig(
                        tipGrace(),
                        new SubscriptionDefaults(
                                parsed(Setting.RATBOT_DEFAULT_TIP_TIME, TimeOfDayParser::parse),
                                parsed(Setting.RATBOT_DEFAULT_ZONE, ZoneParser::parse)));
        String instanceId =
                text(Setting.RATBOT_INSTANCE_ID)
                        .map(this::instanceId)
                        .orElseGet(ConfigReader::defaultInstanceId);
        return new RatbotConfig(
                database,
                knowledge,
                ops,
                tips,
                instanceId,
                telegram(),
                discord(),
                console(),
                retention(),
                floodLimit());
    }

    private DatabaseConfig database() {
        String url = textOrDefault(Setting.RATBOT_DB_URL);
        if (!url.startsWith("jdbc:sqlite:") && !url.startsWith("jdbc:postgresql:")) {
            throw bad(
                    Setting.RATBOT_DB_URL,
                    DatabaseConfig.redact(url),
                    "is not a jdbc:sqlite: or jdbc:postgresql: URL, e.g. jdbc:sqlite:data/ratbot.db or jdbc:postgresql://db:5432/ratbot?user=ratbot");
        }
        if (url.equals("jdbc:sqlite:") || url.equals("jdbc:postgresql:")) {
            throw bad(Setting.RATBOT_DB_URL, url, "names no database");
        }
        return new DatabaseConfig(url, secret(Setting.RATBOT_DB_PASSWORD));
    }

    private Path knowledgeFolder(String text) {
        Path dir = Path.of(text);
        if (!Files.isDirectory(dir))
            throw bad(
                    Setting.RATBOT_KNOWLEDGE, text, "is not a folder of knowledge-pack .md files");
        return dir;
    }

    private String instanceId(String text) {
        if (!text.matches("[A-Za-z0-9._:-]{1,64}")) {
            throw bad(
                    Setting.RATBOT_INSTANCE_ID,
                    text,
                    "must be 1-64 letters, digits, '.', '_', ':' or '-'");
        }
        return text;
    }

    private static String defaultInstanceId() {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                host = "localhost";
            }
        }
        return host.replaceAll("[^A-Za-z0-9._-]", "") + "-" + ProcessHandle.current().pid();
    }

    private Optional<ConsoleConfig> console() {
        Optional<Secret> password = secret(Setting.RATBOT_CONSOLE_PASSWORD);
        if (password.isEmpty()) {
            refuseWithout(
                    Setting.RATBOT_CONSOLE_PASSWORD,
                    Setting.RATBOT_CONSOLE_BIND,
                    Setting.RATBOT_CONSOLE_PORT);
            return Optional.empty();
        }
        if (password.get().reveal().codePointCount(0, password.get().reveal().length())
                < MIN_CONSOLE_PASSWORD) {
            throw new StartupException(
                    Setting.RATBOT_CONSOLE_PASSWORD.name()
                            + " ("
                            + origin(Setting.RATBOT_CONSOLE_PASSWORD)
                            + "): too short to guard the console; use "
                            + MIN_CONSOLE_PASSWORD
                            + " characters or more");
        }
        return Optional.of(
                new ConsoleConfig(
                        bindAddress(Setting.RATBOT_CONSOLE_BIND),
                        port(Setting.RATBOT_CONSOLE_PORT, true),
                        password.get()));
    }

    /**
     * Whole days ("90d", "90"), hours or minutes ("36h") or an ISO-8601 duration ("P90D", "PT36H"),
     * from one hour to ten years. RATBOT_QUESTION_RETENTION, its older name, is still read, so
     * configurations written for it keep working.
     */
    private Duration retention() {
        boolean oldName = source.get(Setting.RATBOT_QUESTION_RETENTION).isPresent();
        if (oldName && source.get(Setting.RATBOT_RETENTION).isPresent()) {
            throw new StartupException(
                    Setting.RATBOT_QUESTION_RETENTION.name()
                            + " ("
                            + origin(Setting.RATBOT_QUESTION_RETENTION)
                            + ") is the older name of RATBOT_RETENTION, which is set too; keep RATBOT_RETENTION only");
        }
        Setting setting = oldName ? Setting.RATBOT_QUESTION_RETENTION : Setting.RATBOT_RETENTION;
        String text = oldName ? text(setting).orElseThrow() : textOrDefault(setting);
        Duration d;
        Matcher days = DAYS.matcher(text);
        Matcher simple = SIMPLE_DURATION.matcher(text);
        if (days.matches()) {
            d = Duration.ofDays(Long.parseLong(days.group(1)));
        } else if (simple.matches()) {
            d = simpleDuration(simple);
        } else {
            try {
                d = Duration.parse(text);
            } catch (DateTimeParseException e) {
                throw bad(
                        setting,
                        text,
                        "is not a duration; write days like 90d, or P90D (or hours like 36h)");
            }
        }
        if (d.compareTo(Duration.ofHours(1)) < 0 || d.compareTo(Duration.ofDays(3660)) > 0) {
            throw bad(setting, text, "must be between 1 hour and 10 years");
        }
        return d;
    }

    private Optional<TelegramConfig> telegram() {
        Optional<Secret> token = secret(Setting.TELEGRAM_BOT_TOKEN);
        if (token.isEmpty()) {
            refuseWithout(
                    Setting.TELEGRAM_BOT_TOKEN,
                    Setting.TELEGRAM_MODE,
                    Setting.TELEGRAM_WEBHOOK_URL,
                    Setting.TELEGRAM_WEBHOOK_SECRET,
                    Setting.TELEGRAM_WEBHOOK_BIND,
                    Setting.TELEGRAM_WEBHOOK_PORT,
                    Setting.TELEGRAM_API_URL);
            return Optional.empty();
        }
        if (!TELEGRAM_TOKEN.matcher(token.get().reveal()).matches()) {
            throw new StartupException(
                    Setting.TELEGRAM_BOT_TOKEN.name()
                            + " ("
                            + origin(Setting.TELEGRAM_BOT_TOKEN)
                            + "): not a Telegram bot token; expected digits, a colon and 30 or more letters, digits, '_' or '-', as @BotFather gives it");
        }
        URI api = httpUrl(Setting.TELEGRAM_API_URL, false);
        if ((api.getRawPath() != null
                        && !api.getRawPath().isEmpty()
                        && !api.getRawPath().equals("/"))
                || api.getRawQuery() != null) {
            // The telegrambots client builds /bot<token>/<method> right after the host and port.
            throw bad(
                    Setting.TELEGRAM_API_URL,
                    api.toString(),
                    "must be scheme://host[:port] without a path, e.g. https://api.telegram.org");
        }
        String modeText =
                textOrDefault(Setting.TELEGRAM_MODE)
                        .toLowerCase(Locale.ROOT)
                        .replace("-", "")
                        .replace("_", "");
        TelegramSettings.Mode mode =
                switch (modeText) {
                    case "longpolling", "polling" -> TelegramSettings.Mode.LONG_POLLING;
                    case "webhook" -> TelegramSettings.Mode.WEBHOOK;
                    default ->
                            throw bad(
                                    Setting.TELEGRAM_MODE,
                                    textOrDefault(Setting.TELEGRAM_MODE),
                                    "is not a mode; use longpolling or webhook");
                };
        int webhookPort = port(Setting.TELEGRAM_WEBHOOK_PORT, false);
        String webhookBind = bindAddress(Setting.TELEGRAM_WEBHOOK_BIND);
        if (mode == TelegramSettings.Mode.LONG_POLLING) {
            refuseWithout(
                    Setting.TELEGRAM_MODE,
                    Setting.TELEGRAM_WEBHOOK_URL,
                    Setting.TELEGRAM_WEBHOOK_SECRET,
                    Setting.TELEGRAM_WEBHOOK_BIND,
                    Setting.TELEGRAM_WEBHOOK_PORT);
            return Optional.of(
                    new TelegramConfig(
                            token.get(),
                            api,
                            mode,
                            Optional.empty(),
                            Optional.empty(),
                            webhookBind,
                            webhookPort));
        }
        if (text(Setting.TELEGRAM_WEBHOOK_URL).isEmpty()) {
            throw new StartupException(
                    Setting.TELEGRAM_WEBHOOK_URL.name()
                            + ": needed when TELEGRAM_MODE=webhook: the public https address Telegram posts updates to");
        }
        URI webhookUrl = httpUrl(Setting.TELEGRAM_WEBHOOK_URL, true);
        Optional<Secret> secret = secret(Setting.TELEGRAM_WEBHOOK_SECRET);
        if (secret.isEmpty()) {
            throw new StartupException(
                    Setting.TELEGRAM_WEBHOOK_SECRET.name()
                            + ": needed when TELEGRAM_MODE=webhook, so that only Telegram can post updates (1-256 of A-Z a-z 0-9 _ -)");
        }
        if (!WEBHOOK_SECRET.matcher(secret.get().reveal()).matches()) {
            throw new StartupException(
                    Setting.TELEGRAM_WEBHOOK_SECRET.name()
                            + " ("
                            + origin(Setting.TELEGRAM_WEBHOOK_SECRET)
                            + "): Telegram accepts only 1-256 of A-Z a-z 0-9 _ -");
        }
        return Optional.of(
                new TelegramConfig(
                        token.get(),
                        api,
                        mode,
                        Optional.of(webhookUrl),
                        secret,
                        webhookBind,
                        webhookPort));
    }

    private Optional<DiscordConfig> discord() {
        Optional<Secret> token =
                secret(Setting.DISCORD_BOT_TOKEN)
                        .map(
                                t ->
                                        // Operators often paste the header value; the library adds
                                        // "Bot " itself.
                                        t.reveal().regionMatches(true, 0, "Bot ", 0, 4)
                                                ? new Secret(t.reveal().substring(4).strip())
                                                : t);
        if (token.isEmpty()) {
            refuseWithout(
                    Setting.DISCORD_BOT_TOKEN,
                    Setting.DISCORD_API_URL,
                    Setting.DISCORD_GUILD_ID,
                    Setting.DISCORD_SHARDS,
                    Setting.DISCORD_SHARD_INDICES,
                    Setting.DISCORD_MESSAGE_CONTENT);
            return Optional.empty();
        }
        if (!DiscordTokens.wellFormed(token.get().reveal())) {
            throw new StartupException(
                    Setting.DISCORD_BOT_TOKEN.name()
                            + " ("
                            + origin(Setting.DISCORD_BOT_TOKEN)
                            + "): not a Discord bot token; expected three parts separated by dots, the first the encoded application id"
                            + " (copy it with Reset Token on the Bot page of your application)");
        }
        URI api = httpUrl(Setting.DISCORD_API_URL, false);
        OptionalLong guild =
                text(Setting.DISCORD_GUILD_ID)
                        .map(
                                g -> {
                                    if (!g.matches("\\d{15,21}"))
                                        throw bad(
                                                Setting.DISCORD_GUILD_ID,
                                                g,
                                                "is not a server id (15-21 digits; Copy Server ID in Discord's developer mode)");
                                    return OptionalLong.of(Long.parseUnsignedLong(g));
                                })
                        .orElse(OptionalLong.empty());
        String shardsText = textOrDefault(Setting.DISCORD_SHARDS);
        OptionalInt count;
        if (shardsText.equalsIgnoreCase("auto")) {
            count = OptionalInt.empty();
        } else if (shardsText.matches("\\d{1,5}") && Integer.parseInt(shardsText) >= 1) {
            count = OptionalInt.of(Integer.parseInt(shardsText));
        } else {
            throw bad(
                    Setting.DISCORD_SHARDS,
                    shardsText,
                    "is not auto or a number of shards of 1 or more");
        }
        List<Integer> indices =
                text(Setting.DISCORD_SHARD_INDICES)
                        .map(t -> shardIndices(t, count))
                        .orElse(List.of());
        String content = textOrDefault(Setting.DISCORD_MESSAGE_CONTENT);
        if (!content.equalsIgnoreCase("true") && !content.equalsIgnoreCase("false")) {
            throw bad(Setting.DISCORD_MESSAGE_CONTENT, content, "is not true or false");
        }
        return Optional.of(
                new DiscordConfig(
                        token.get(), api, guild, count, indices, content.equalsIgnoreCase("true")));
    }

    private List<Integer> shardIndices(String text, OptionalInt count) {
        if (count.isEmpty()) {
            throw bad(
                    Setting.DISCORD_SHARD_INDICES,
                    text,
                    "needs DISCORD_SHARDS set to the number of shards in all, not auto, so that every instance splits the same shards");
        }
        List<Integer> indices = new ArrayList<>();
        int last = count.getAsInt() - 1;
        String rule =
                "must list shard numbers from 0 to "
                        + last
                        + " or ranges, separated by commas, e.g. 0,1 or 0-"
                        + last;
        for (String part : text.split(",")) {
            Matcher m = SHARD_RANGE.matcher(part.strip());
            if (!m.matches()) throw bad(Setting.DISCORD_SHARD_INDICES, text, rule);
            int from = Integer.parseInt(m.group(1));
            int to = m.group(2) == null ? from : Integer.parseInt(m.group(2));
            if (to < from || to > last) throw bad(Setting.DISCORD_SHARD_INDICES, text, rule);
            for (int index = from; index <= to; index++) {
                if (indices.contains(index))
                    throw bad(
                            Setting.DISCORD_SHARD_INDICES, text, "lists shard " + index + " twice");
                indices.add(index);
            }
        }
        return indices;
    }

    /**
     * Settings that mean nothing without {@code needed} are refused rather than silently ignored.
     */
    private void refuseWithout(Setting needed, Setting... dependents) {
        for (Setting s : dependents) {
            if (s != needed && source.get(s).isPresent()) {
                String why =
                        needed == Setting.TELEGRAM_MODE
                                ? "is only used when TELEGRAM_MODE=webhook"
                                : "is set but " + needed.name() + " is not";
                throw new StartupException(s.name() + " (" + origin(s) + ") " + why);
            }
        }
    }

    private String bindAddress(Setting setting) {
        String text = textOrDefault(setting);
        try {
            InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw bad(
                    setting,
                    text,
                    "is not an address of this machine; use 127.0.0.1, 0.0.0.0 or another IP address");
        }
        return text;
    }

    private int floodLimit() {
        String text = textOrDefault(Setting.RATBOT_FLOOD_LIMIT);
        if (!text.matches("\\d{1,4}")) {
            throw bad(
                    Setting.RATBOT_FLOOD_LIMIT,
                    text,
                    "is not a number of messages per minute from 0 (no limit) to 9999");
        }
        return Integer.parseInt(text);
    }

    private int port(Setting setting, boolean zeroAllowed) {
        String text = textOrDefault(setting);
        int min = zeroAllowed ? 0 : 1;
        if (!text.matches("\\d{1,5}")
                || Integer.parseInt(text) < min
                || Integer.parseInt(text) > 65535) {
            throw bad(
                    setting,
                    text,
                    "is not a port number from "
                            + min
                            + " to 65535"
                            + (zeroAllowed ? " (0 picks a free one)" : ""));
        }
        return Integer.parseInt(text);
    }

    private URI httpUrl(Setting setting, boolean httpsOnly) {
        String text = textOrDefault(setting);
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw bad(setting, text, "is not a URL (" + e.getReason() + ")");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (httpsOnly && !scheme.equals("https")) {
            throw bad(
                    setting,
                    text,
                    "must be an https:// URL (Telegram posts webhooks over TLS only)");
        }
        if ((!scheme.equals("http") && !scheme.equals("https")) || uri.getHost() == null) {
            throw bad(setting, text, "is not an http:// or https:// URL with a host");
        }
        return uri;
    }

    /**
     * A setting read by one of the parsers users' /subscribe goes through, so both accept the same
     * words.
     */
    private <T> T parsed(
            Setting setting, java.util.function.Function<String, ParseResult<T>> parser) {
        String text = textOrDefault(setting);
        return switch (parser.apply(text)) {
            case ParseResult.Parsed<T> p -> p.value();
            case ParseResult.Refused<T> r ->
                    throw bad(setting, text, "is not understood: " + r.hint());
        };
    }

    /**
     * At least {@link ScheduleSettings#MIN_GRACE}: the scheduler finds a due tip only at its next
     * tick, so a grace of less than a few ticks skips tips that were merely waiting for it.
     */
    private Duration tipGrace() {
        Setting setting = Setting.RATBOT_TIP_GRACE;
        Duration d = duration(setting);
        if (d.compareTo(ScheduleSettings.MIN_GRACE) < 0) {
            throw bad(
                    setting,
                    textOrDefault(setting),
                    "is shorter than "
                            + ScheduleSettings.MIN_GRACE.toMinutes()
                            + " minute: the scheduler looks for due tips every "
                            + ScheduleSettings.defaults().tickInterval().toSeconds()
                            + " s, so tips waiting for its next look would be skipped; use 1m or more (default PT3H)");
        }
        return d;
    }

    private Duration duration(Setting setting) {
        String text = textOrDefault(setting);
        Duration d;
        Matcher simple = SIMPLE_DURATION.matcher(text);
        if (simple.matches()) {
            d = simpleDuration(simple);
        } else {
            try {
                d = Duration.parse(text);
            } catch (DateTimeParseException e) {
                throw bad(setting, text, "is not a duration; write e.g. PT3H, PT90M, 3h or 90m");
            }
        }
        if (d.isNegative() || d.compareTo(Duration.ofDays(1)) > 0)
            throw bad(setting, text, "must be between 1 minute and 24 hours");
        return d;
    }

    /** "90s", "90m", "90min" or "3h", as matched by SIMPLE_DURATION. */
    private static Duration simpleDuration(Matcher simple) {
        long n = Long.parseLong(simple.group(1));
        return switch (simple.group(2).toLowerCase(Locale.ROOT)) {
            case "s" -> Duration.ofSeconds(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofMinutes(n);
        };
    }

    private Optional<Secret> secret(Setting setting) {
        return source.get(setting).map(v -> new Secret(v.text()));
    }

    private Optional<String> text(Setting setting) {
        return source.get(setting).map(SettingsSource.Value::text);
    }

    private String textOrDefault(Setting setting) {
        return text(setting).or(setting::defaultValue).orElseThrow();
    }

    private String origin(Setting setting) {
        return source.get(setting).map(SettingsSource.Value::origin).orElse("default");
    }

    private StartupException bad(Setting setting, String shownValue, String problem) {
        return new StartupException(
                setting.name() + "=" + shownValue + " (" + origin(setting) + ") " + problem);
    }
}
