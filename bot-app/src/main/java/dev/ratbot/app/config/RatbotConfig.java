package dev.ratbot.app.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Everything {@code ratbot serve} needs, read once from the environment and an optional properties
 * file and validated as a whole: a bad value stops the start with one line naming the setting (see
 * {@link Setting} for every name). Secrets print as {@code <redacted>}, so the record may be
 * logged.
 *
 * @param knowledge a folder of pack files; empty for the built-in guide
 * @param instanceId this process's name in logs, metrics and the store
 * @param telegram present when a Telegram token is configured
 * @param discord present when a Discord token is configured
 * @param console present when the operator's web console has a password
 * @param retention how long stored questions (and their ratings) are kept (RATBOT_RETENTION)
 * @param floodLimit messages one user may send the bot in one chat per minute before one "slow
 *     down"; 0 for no limit
 */
public record RatbotConfig(
        DatabaseConfig database,
        Optional<Path> knowledge,
        OpsConfig ops,
        TipsConfig tips,
        String instanceId,
        Optional<TelegramConfig> telegram,
        Optional<DiscordConfig> discord,
        Optional<ConsoleConfig> console,
        Duration retention,
        int floodLimit) {

    /**
     * Reads and validates the configuration.
     *
     * @param env the environment (System.getenv() outside tests)
     * @param configFile a file named on the command line; else the one RATBOT_CONFIG names, if any
     * @throws dev.ratbot.app.config.StartupException naming the first bad or unknown setting
     */
    public static RatbotConfig load(Map<String, String> env, Optional<Path> configFile) {
        return new ConfigReader(SettingsSource.load(env, configFile)).read();
    }

    /**
     * Whether a platform token is configured, without validating anything else: how the launcher
     * chooses between {@code serve} and the console chat.
     */
    public static boolean platformConfigured(Map<String, String> env, Optional<Path> configFile) {
        SettingsSource source = SettingsSource.load(env, configFile);
        return source.get(Setting.TELEGRAM_BOT_TOKEN).isPresent()
                || source.get(Setting.DISCORD_BOT_TOKEN).isPresent();
    }

    public boolean hasPlatform() {
        return telegram.isPresent() || discord.isPresent();
    }

    /**
     * Every secret value, for the log stream and readiness to blank out: passwords, tokens, the
     * webhook secret. Of a Telegram token only the part after the colon: the bot's id before it is
     * public and named in logs.
     */
    public List<String> secrets() {
        List<String> out = new ArrayList<>();
        database.password().map(Secret::reveal).ifPresent(out::add);
        telegram.map(TelegramConfig::token)
                .map(Secret::reveal)
                .map(t -> t.substring(t.indexOf(':') + 1))
                .ifPresent(out::add);
        telegram.flatMap(TelegramConfig::webhookSecret).map(Secret::reveal).ifPresent(out::add);
        discord.map(DiscordConfig::token).map(Secret::reveal).ifPresent(out::add);
        console.map(c -> c.password().reveal()).ifPresent(out::add);
        Matcher m = URL_PASSWORD.matcher(database.url());
        while (m.find()) out.add(m.group(1));
        return out;
    }

    private static final Pattern URL_PASSWORD = Pattern.compile("(?i)password=([^&;]+)");
}
