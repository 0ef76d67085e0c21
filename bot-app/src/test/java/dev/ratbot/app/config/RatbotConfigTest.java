package dev.ratbot.app.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RatbotConfigTest {

    static final String TELEGRAM_TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsawq";

    /** "Base64(id).timestamp.hmac", the shape Discord issues. */
    static final String DISCORD_TOKEN =
            "MTIzNDU2Nzg5MDEyMzQ1Njc4.GhIjKl.abcdefghijklmnopqrstuvwxyz0123456789AB";

    @TempDir Path dir;

    static RatbotConfig load(Map<String, String> env) {
        return RatbotConfig.load(env, Optional.empty());
    }

    static String failure(Map<String, String> env) {
        String message = assertThrows(StartupException.class, () -> load(env)).getMessage();
        assertFalse(message.contains("\n"), "one line: " + message);
        assertFalse(
                message.contains(TELEGRAM_TOKEN) || message.contains(DISCORD_TOKEN),
                "no token: " + message);
        return message;
    }

    static Map<String, String> env(String... keyValues) {
        Map<String, String> env = new HashMap<>();
        env.put("PATH", "/usr/bin");
        for (int i = 0; i < keyValues.length; i += 2) env.put(keyValues[i], keyValues[i + 1]);
        return env;
    }

    @Test
    void defaultsWithNothingSet() {
        RatbotConfig config = load(env());
        assertEquals("jdbc:sqlite:data/ratbot.db", config.database().url());
        assertFalse(config.database().postgres());
        assertEquals(new OpsConfig("127.0.0.1", 8080), config.ops());
        assertEquals(Duration.ofHours(3), config.tips().grace());
        assertTrue(
                config.instanceId().endsWith("-" + ProcessHandle.current().pid()),
                config.instanceId());
        assertFalse(config.hasPlatform());
        assertTrue(config.knowledge().isEmpty());
        assertTrue(config.console().isEmpty(), "the console is off without a password");
        assertEquals(Duration.ofDays(90), config.retention());
    }

    @Test
    void theConsoleWithItsPasswordAddressAndPortAndTheRetention() {
        RatbotConfig config =
                load(
                        env(
                                "RATBOT_CONSOLE_PASSWORD",
                                "correct horse battery",
                                "RATBOT_CONSOLE_PORT",
                                "0",
                                "RATBOT_CONSOLE_BIND",
                                "0.0.0.0",
                                "RATBOT_RETENTION",
                                "P30D"));
        ConsoleConfig console = config.console().orElseThrow();
        assertEquals("0.0.0.0", console.bind());
        assertEquals(0, console.port());
        assertEquals("correct horse battery", console.password().reveal());
        assertEquals(Duration.ofDays(30), config.retention());
        assertEquals(Duration.ofDays(7), load(env("RATBOT_RETENTION", "7d")).retention());
        assertEquals(
                new ConsoleConfig("127.0.0.1", 8081, new Secret("correct horse battery")),
                load(env("RATBOT_CONSOLE_PASSWORD", "correct horse battery"))
                        .console()
                        .orElseThrow());
    }

    /**
     * Days, hours or ISO-8601; RATBOT_QUESTION_RETENTION, the older name, still works on its own.
     */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "RATBOT_RETENTION          | 90d   | PT2160H",
                "RATBOT_RETENTION          | 30    | PT720H",
                "RATBOT_RETENTION          | 36h   | PT36H",
                "RATBOT_RETENTION          | 90m   | PT1H30M",
                "RATBOT_RETENTION          | PT36H | PT36H",
                "RATBOT_QUESTION_RETENTION | 7d    | PT168H",
            })
    void theRetentionIsWrittenInDaysHoursOrIso8601(String key, String text, String expected) {
        assertEquals(Duration.parse(expected), load(env(key, text)).retention());
    }

    @Test
    void theRetentionUnderBothNamesIsRefused() {
        assertEquals(
                "RATBOT_QUESTION_RETENTION (environment) is the older name of RATBOT_RETENTION, which is set too; keep RATBOT_RETENTION only",
                failure(env("RATBOT_RETENTION", "30d", "RATBOT_QUESTION_RETENTION", "30d")));
    }

    @Test
    void everySettingRead() throws IOException {
        Path pack = Files.createDirectory(dir.resolve("pack"));
        RatbotConfig config =
                load(
                        env(
                                "RATBOT_DB_URL", "jdbc:postgresql://db:5432/ratbot?user=ratbot",
                                "RATBOT_DB_PASSWORD", "hunter2",
                                "RATBOT_KNOWLEDGE", pack.toString(),
                                "RATBOT_OPS_BIND", "0.0.0.0",
                                "RATBOT_OPS_PORT", "0",
                                "RATBOT_TIP_GRACE", "90m",
                                "RATBOT_DEFAULT_TIP_TIME", "7:30",
                                "RATBOT_DEFAULT_ZONE", "Europe/Berlin",
                                "RATBOT_INSTANCE_ID", "bot-1",
                                "TELEGRAM_BOT_TOKEN", TELEGRAM_TOKEN,
                                "TELEGRAM_API_URL", "http://127.0.0.1:9000",
                                "TELEGRAM_MODE", "webhook",
                                "TELEGRAM_WEBHOOK_URL", "https://bot.example.org/telegram",
                                "TELEGRAM_WEBHOOK_SECRET", "s3cret_-X",
                                "TELEGRAM_WEBHOOK_BIND", "127.0.0.1",
                                "TELEGRAM_WEBHOOK_PORT", "8443",
                                "DISCORD_BOT_TOKEN", DISCORD_TOKEN,
                                "DISCORD_API_URL", "http://127.0.0.1:9001/api/v10",
                                "DISCORD_GUILD_ID", "123456789012345678",
                                "DISCORD_SHARDS", "4",
                                "DISCORD_SHARD_INDICES", "0, 2"));
        assertTrue(config.database().postgres());
        assertEquals("hunter2", config.database().password().orElseThrow().reveal());
        assertEquals(Optional.of(pack), config.knowledge());
        assertEquals(new OpsConfig("0.0.0.0", 0), config.ops());
        assertEquals(Duration.ofMinutes(90), config.tips().grace());
        assertEquals(
                new dev.ratbot.subscription.SubscriptionDefaults(
                        java.time.LocalTime.of(7, 30), java.time.ZoneId.of("Europe/Berlin")),
                config.tips().defaults());
        assertEquals("bot-1", config.instanceId());
        TelegramConfig telegram = config.telegram().orElseThrow();
        assertEquals(TELEGRAM_TOKEN, telegram.token().reveal());
        assertEquals("123456789", telegram.botId());
        assertEquals(dev.ratbot.telegram.TelegramSettings.Mode.WEBHOOK, telegram.mode());
        assertEquals(
                "https://bot.example.org/telegram", telegram.webhookUrl().orElseThrow().toString());
        assertEquals("s3cret_-X", telegram.webhookSecret().orElseThrow().reveal());
        assertEquals("127.0.0.1", telegram.webhookBind());
        assertEquals(8443, telegram.webhookPort());
        DiscordConfig discord = config.discord().orElseThrow();
        assertEquals("123456789012345678", discord.applicationId());
        assertEquals(123456789012345678L, discord.guildId().getAsLong());
        assertEquals(OptionalInt.of(4), discord.shardCount());
        assertEquals(List.of(0, 2), discord.shardIndices());
        // The adapters get the same values, secrets revealed to them alone.
        assertEquals(
                new dev.ratbot.telegram.TelegramSettings(
                        TELEGRAM_TOKEN,
                        java.net.URI.create("http://127.0.0.1:9000"),
                        dev.ratbot.telegram.TelegramSettings.Mode.WEBHOOK,
                        Optional.of(java.net.URI.create("https://bot.example.org/telegram")),
                        Optional.of("s3cret_-X")),
                telegram.settings());
        assertEquals(
                new dev.ratbot.discord.DiscordSharding(4, List.of(0, 2)),
                discord.settings().sharding());
        assertEquals(Optional.of(123456789012345678L), discord.settings().guildId());
        assertEquals(DISCORD_TOKEN, discord.settings().token());
    }

    @Test
    void toStringNeverShowsASecret() {
        RatbotConfig config =
                load(
                        env(
                                "RATBOT_DB_URL",
                                "jdbc:postgresql://db/ratbot?user=ratbot&password=pgpass1",
                                "RATBOT_DB_PASSWORD",
                                "pgpass2",
                                "TELEGRAM_BOT_TOKEN",
                                TELEGRAM_TOKEN,
                                "TELEGRAM_MODE",
                                "webhook",
                                "TELEGRAM_WEBHOOK_URL",
                                "https://x.example/t",
                                "TELEGRAM_WEBHOOK_SECRET",
                                "whsecret",
                                "DISCORD_BOT_TOKEN",
                                DISCORD_TOKEN,
                                "RATBOT_CONSOLE_PASSWORD",
                                "console-pass-1234"));
        String shown = config.toString();
        for (String secret :
                List.of(
                        TELEGRAM_TOKEN,
                        DISCORD_TOKEN,
                        "pgpass1",
                        "pgpass2",
                        "whsecret",
                        "console-pass-1234")) {
            assertFalse(shown.contains(secret), secret + " in " + shown);
        }
        assertTrue(shown.contains("<redacted>"));
        assertTrue(
                shown.contains("jdbc:postgresql://db/ratbot?user=ratbot&password=<redacted>"),
                shown);
    }

    @ParameterizedTest
    @CsvSource({"1m, PT1M", "PT60S, PT1M", "3h, PT3H", "PT24H, PT24H"})
    void aTipGraceFromOneMinuteToADayIsAccepted(String text, Duration expected) {
        assertEquals(expected, load(env("RATBOT_TIP_GRACE", text)).tips().grace());
    }

    @Test
    void discordTokenWithBotPrefixIsAccepted() {
        assertEquals(
                DISCORD_TOKEN,
                load(env("DISCORD_BOT_TOKEN", "Bot " + DISCORD_TOKEN))
                        .discord()
                        .orElseThrow()
                        .token()
                        .reveal());
    }

    @Test
    void telegramLongPollingIsTheDefaultMode() {
        TelegramConfig telegram =
                load(env("TELEGRAM_BOT_TOKEN", TELEGRAM_TOKEN)).telegram().orElseThrow();
        assertEquals(dev.ratbot.telegram.TelegramSettings.Mode.LONG_POLLING, telegram.mode());
        assertEquals("https://api.telegram.org", telegram.apiUrl().toString());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "RATBOT_DB_URL|mysql://x|RATBOT_DB_URL=mysql://x (environment) is not a jdbc:sqlite: or jdbc:postgresql: URL",
                "RATBOT_DB_URL|jdbc:sqlite:|RATBOT_DB_URL=jdbc:sqlite: (environment) names no database",
                "RATBOT_OPS_PORT|80800|RATBOT_OPS_PORT=80800 (environment) is not a port number from 0 to 65535",
                "RATBOT_OPS_PORT|http|RATBOT_OPS_PORT=http (environment) is not a port number",
                "RATBOT_OPS_PORT|-1|RATBOT_OPS_PORT=-1 (environment) is not a port number",
                "RATBOT_OPS_BIND|no such host.invalid|RATBOT_OPS_BIND=no such host.invalid (environment) is not an address of this machine",
                "RATBOT_TIP_GRACE|three hours|RATBOT_TIP_GRACE=three hours (environment) is not a duration; write e.g. PT3H",
                "RATBOT_TIP_GRACE|PT48H|RATBOT_TIP_GRACE=PT48H (environment) must be between 1 minute and 24 hours",
                "RATBOT_TIP_GRACE|-PT1H|RATBOT_TIP_GRACE=-PT1H (environment) must be between 1 minute and 24 hours",
                "RATBOT_TIP_GRACE|0s|RATBOT_TIP_GRACE=0s (environment) is shorter than 1 minute: the scheduler looks for due tips every 10 s",
                "RATBOT_TIP_GRACE|5s|RATBOT_TIP_GRACE=5s (environment) is shorter than 1 minute: the scheduler looks for due tips every 10 s",
                "RATBOT_TIP_GRACE|PT59S|RATBOT_TIP_GRACE=PT59S (environment) is shorter than 1 minute",
                "RATBOT_DEFAULT_ZONE|Mars/Olympus|RATBOT_DEFAULT_ZONE=Mars/Olympus (environment) is not understood:",
                "RATBOT_DEFAULT_TIP_TIME|25:00|RATBOT_DEFAULT_TIP_TIME=25:00 (environment) is not understood:",
                "RATBOT_INSTANCE_ID|a b|RATBOT_INSTANCE_ID=a b (environment) must be 1-64 letters",
                "RATBOT_KNOWLEDGE|/no/such/folder|RATBOT_KNOWLEDGE=/no/such/folder (environment) is not a folder of knowledge-pack .md files",
                "RATBOT_TOKEN|x|environment variable RATBOT_TOKEN is not a Ratbot setting",
                "TELEGRAM_BOT_TOKN|x|environment variable TELEGRAM_BOT_TOKN is not a Ratbot setting (did you mean TELEGRAM_BOT_TOKEN?)",
                "DISCORD_TOKEN|x|environment variable DISCORD_TOKEN is not a Ratbot setting",
                "TELEGRAM_MODE|webhook|TELEGRAM_MODE (environment) is set but TELEGRAM_BOT_TOKEN is not",
                "DISCORD_SHARDS|2|DISCORD_SHARDS (environment) is set but DISCORD_BOT_TOKEN is not",
                "RATBOT_DB_PASSWORD_FILE|/no/such/file|RATBOT_DB_PASSWORD_FILE=/no/such/file (environment) cannot be read for RATBOT_DB_PASSWORD: no such file",
                "TELEGRAM_BOT_TOKEN_FILE|/dev/zero|TELEGRAM_BOT_TOKEN_FILE=/dev/zero (environment) holds no TELEGRAM_BOT_TOKEN: its first line is longer than 4096 characters (is it the right file?)",
                "DISCORD_BOT_TOKEN_FILE|/|DISCORD_BOT_TOKEN_FILE=/ (environment) cannot be read for DISCORD_BOT_TOKEN: it is a folder, not a file",
                "RATBOT_OPS_PORT_FILE|/x|environment variable RATBOT_OPS_PORT_FILE is not a Ratbot setting",
                "RATBOT_CONSOLE_PORT|9000|RATBOT_CONSOLE_PORT (environment) is set but RATBOT_CONSOLE_PASSWORD is not",
                "RATBOT_CONSOLE_BIND|0.0.0.0|RATBOT_CONSOLE_BIND (environment) is set but RATBOT_CONSOLE_PASSWORD is not",
                "RATBOT_CONSOLE_PASSWORD|hunter2|RATBOT_CONSOLE_PASSWORD (environment): too short to guard the console; use 12 characters or more",
                "RATBOT_RETENTION|forever|RATBOT_RETENTION=forever (environment) is not a duration; write days like 90d, or P90D (or hours like 36h)",
                "RATBOT_RETENTION|PT59M|RATBOT_RETENTION=PT59M (environment) must be between 1 hour and 10 years",
                "RATBOT_QUESTION_RETENTION|forever|RATBOT_QUESTION_RETENTION=forever (environment) is not a duration; write days like 90d, or P90D",
                "RATBOT_QUESTION_RETENTION|PT1M|RATBOT_QUESTION_RETENTION=PT1M (environment) must be between 1 hour and 10 years",
                "RATBOT_QUESTION_RETENTION|99999d|RATBOT_QUESTION_RETENTION=99999d (environment) must be between 1 hour and 10 years",
            })
    void oneClearLinePerMistake(String key, String value, String expectedStart) {
        String message = failure(env(key, value));
        assertTrue(message.startsWith(expectedStart), message);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "TELEGRAM_BOT_TOKEN|123:short|TELEGRAM_BOT_TOKEN (environment): not a Telegram bot token",
                "TELEGRAM_BOT_TOKEN|bot123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsawq|TELEGRAM_BOT_TOKEN (environment): not a Telegram bot token",
                "TELEGRAM_BOT_TOKEN|AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsawq|TELEGRAM_BOT_TOKEN (environment): not a Telegram bot token",
                "DISCORD_BOT_TOKEN|abc.def.ghi|DISCORD_BOT_TOKEN (environment): not a Discord bot token",
                "DISCORD_BOT_TOKEN|bm90LWFuLWlkLWF0LWFsbA.GhIjKl.abcdefghijklmnopqrstuvwxyz0123|DISCORD_BOT_TOKEN (environment): not a Discord bot token",
                "DISCORD_BOT_TOKEN|123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsawq|DISCORD_BOT_TOKEN (environment): not a Discord bot token",
            })
    void badTokenFormatNamesTheSettingButNotTheToken(
            String key, String token, String expectedStart) {
        String message = failure(env(key, token));
        assertTrue(message.startsWith(expectedStart), message);
        assertFalse(message.contains(token), message);
    }

    @Test
    void telegramSettings() {
        String t = TELEGRAM_TOKEN;
        assertTrue(
                failure(env("TELEGRAM_BOT_TOKEN", t, "TELEGRAM_MODE", "push"))
                        .startsWith(
                                "TELEGRAM_MODE=push (environment) is not a mode; use longpolling or webhook"));
        assertTrue(
                failure(env("TELEGRAM_BOT_TOKEN", t, "TELEGRAM_API_URL", "ftp://x"))
                        .startsWith(
                                "TELEGRAM_API_URL=ftp://x (environment) is not an http:// or https:// URL with a host"));
        assertTrue(
                failure(env("TELEGRAM_BOT_TOKEN", t, "TELEGRAM_API_URL", "http://bad host"))
                        .startsWith("TELEGRAM_API_URL=http://bad host (environment) is not a URL"));
        assertTrue(
                failure(
                                env(
                                        "TELEGRAM_BOT_TOKEN",
                                        t,
                                        "TELEGRAM_API_URL",
                                        "https://api.telegram.org/custom"))
                        .startsWith(
                                "TELEGRAM_API_URL=https://api.telegram.org/custom (environment) must be scheme://host[:port] without a path"));
        assertTrue(
                failure(env("TELEGRAM_BOT_TOKEN", t, "TELEGRAM_MODE", "webhook"))
                        .startsWith("TELEGRAM_WEBHOOK_URL: needed when TELEGRAM_MODE=webhook"));
        assertTrue(
                failure(
                                env(
                                        "TELEGRAM_BOT_TOKEN",
                                        t,
                                        "TELEGRAM_MODE",
                                        "webhook",
                                        "TELEGRAM_WEBHOOK_URL",
                                        "http://x.example/t"))
                        .startsWith(
                                "TELEGRAM_WEBHOOK_URL=http://x.example/t (environment) must be an https:// URL"));
        assertTrue(
                failure(
                                env(
                                        "TELEGRAM_BOT_TOKEN",
                                        t,
                                        "TELEGRAM_MODE",
                                        "webhook",
                                        "TELEGRAM_WEBHOOK_URL",
                                        "https://x.example/t"))
                        .startsWith("TELEGRAM_WEBHOOK_SECRET: needed when TELEGRAM_MODE=webhook"));
        String badSecret =
                failure(
                        env(
                                "TELEGRAM_BOT_TOKEN",
                                t,
                                "TELEGRAM_MODE",
                                "webhook",
                                "TELEGRAM_WEBHOOK_URL",
                                "https://x.example/t",
                                "TELEGRAM_WEBHOOK_SECRET",
                                "has spaces!"));
        assertTrue(
                badSecret.startsWith(
                        "TELEGRAM_WEBHOOK_SECRET (environment): Telegram accepts only 1-256 of A-Z a-z 0-9 _ -"),
                badSecret);
        assertFalse(badSecret.contains("has spaces!"));
        assertTrue(
                failure(
                                env(
                                        "TELEGRAM_BOT_TOKEN",
                                        t,
                                        "TELEGRAM_MODE",
                                        "webhook",
                                        "TELEGRAM_WEBHOOK_URL",
                                        "https://x.example/t",
                                        "TELEGRAM_WEBHOOK_SECRET",
                                        "ok",
                                        "TELEGRAM_WEBHOOK_PORT",
                                        "0"))
                        .startsWith(
                                "TELEGRAM_WEBHOOK_PORT=0 (environment) is not a port number from 1 to 65535"));
        assertTrue(
                failure(env("TELEGRAM_BOT_TOKEN", t, "TELEGRAM_WEBHOOK_URL", "https://x.example/t"))
                        .startsWith(
                                "TELEGRAM_WEBHOOK_URL (environment) is only used when TELEGRAM_MODE=webhook"));
    }

    @Test
    void discordSettings() {
        String t = DISCORD_TOKEN;
        assertTrue(
                failure(env("DISCORD_BOT_TOKEN", t, "DISCORD_GUILD_ID", "my-server"))
                        .startsWith("DISCORD_GUILD_ID=my-server (environment) is not a server id"));
        assertTrue(
                failure(env("DISCORD_BOT_TOKEN", t, "DISCORD_SHARDS", "0"))
                        .startsWith(
                                "DISCORD_SHARDS=0 (environment) is not auto or a number of shards of 1 or more"));
        assertTrue(
                failure(env("DISCORD_BOT_TOKEN", t, "DISCORD_SHARD_INDICES", "0,1"))
                        .startsWith(
                                "DISCORD_SHARD_INDICES=0,1 (environment) needs DISCORD_SHARDS set to the number of shards in all"));
        assertTrue(
                failure(
                                env(
                                        "DISCORD_BOT_TOKEN",
                                        t,
                                        "DISCORD_SHARDS",
                                        "2",
                                        "DISCORD_SHARD_INDICES",
                                        "1,2"))
                        .startsWith(
                                "DISCORD_SHARD_INDICES=1,2 (environment) must list shard numbers from 0 to 1"));
        assertTrue(
                failure(
                                env(
                                        "DISCORD_BOT_TOKEN",
                                        t,
                                        "DISCORD_SHARDS",
                                        "4",
                                        "DISCORD_SHARD_INDICES",
                                        "3-1"))
                        .startsWith(
                                "DISCORD_SHARD_INDICES=3-1 (environment) must list shard numbers from 0 to 3 or ranges"));
        assertEquals(
                List.of(0, 1, 2, 5),
                load(env(
                                "DISCORD_BOT_TOKEN",
                                t,
                                "DISCORD_SHARDS",
                                "6",
                                "DISCORD_SHARD_INDICES",
                                "0-2, 5"))
                        .discord()
                        .orElseThrow()
                        .shardIndices());
        assertTrue(
                failure(env("DISCORD_BOT_TOKEN", t, "DISCORD_MESSAGE_CONTENT", "yes"))
                        .startsWith(
                                "DISCORD_MESSAGE_CONTENT=yes (environment) is not true or false"),
                failure(env("DISCORD_BOT_TOKEN", t, "DISCORD_MESSAGE_CONTENT", "yes")));
        assertTrue(
                load(env("DISCORD_BOT_TOKEN", t, "DISCORD_MESSAGE_CONTENT", "TRUE"))
                        .discord()
                        .orElseThrow()
                        .messageContent());
        assertFalse(
                load(env("DISCORD_BOT_TOKEN", t)).discord().orElseThrow().messageContent(),
                "off unless asked for");
        assertTrue(
                failure(
                                env(
                                        "DISCORD_BOT_TOKEN",
                                        t,
                                        "DISCORD_SHARDS",
                                        "2",
                                        "DISCORD_SHARD_INDICES",
                                        "1,1"))
                        .startsWith("DISCORD_SHARD_INDICES=1,1 (environment) lists shard 1 twice"));
        assertTrue(
                failure(env("DISCORD_BOT_TOKEN", t, "DISCORD_API_URL", "discord.com"))
                        .startsWith(
                                "DISCORD_API_URL=discord.com (environment) is not an http:// or https:// URL with a host"));
    }

    @Test
    void variablesOfTheLauncherAndTestsAreNotSettings() {
        load(
                env(
                        "RATBOT_JDK",
                        "/usr/lib/jvm/x",
                        "RATBOT_REQUIRE_POSTGRES",
                        "true",
                        "RATBOT_TEST_POSTGRES_URL",
                        "jdbc:postgresql://x/y",
                        "TELEGRAM_TEST_PORT",
                        "1"));
    }

    @Test
    void fileSettingsAndEnvironmentWins() throws IOException {
        Path file = dir.resolve("ratbot.properties");
        Files.writeString(
                file,
                """
                # comments are fine
                RATBOT_OPS_PORT = 9090
                RATBOT_TIP_GRACE = PT1H
                TELEGRAM_BOT_TOKEN = %s
                """
                        .formatted(TELEGRAM_TOKEN));
        RatbotConfig config = RatbotConfig.load(env("RATBOT_OPS_PORT", "9191"), Optional.of(file));
        assertEquals(9191, config.ops().port());
        assertEquals(Duration.ofHours(1), config.tips().grace());
        assertTrue(config.telegram().isPresent());

        RatbotConfig viaVariable =
                RatbotConfig.load(env("RATBOT_CONFIG", file.toString()), Optional.empty());
        assertEquals(9090, viaVariable.ops().port());
        assertTrue(
                RatbotConfig.platformConfigured(
                        env("RATBOT_CONFIG", file.toString()), Optional.empty()));
        assertFalse(RatbotConfig.platformConfigured(env(), Optional.empty()));
    }

    @Test
    void fileMistakes() throws IOException {
        Path file = dir.resolve("ratbot.properties");
        Files.writeString(file, "RATBOT_OPS_PORT=9090\nRATBOT_OPS_PROT=1\n");
        assertEquals(
                "ratbot.properties: RATBOT_OPS_PROT is not a Ratbot setting (did you mean RATBOT_OPS_PORT?)",
                assertThrows(
                                StartupException.class,
                                () -> RatbotConfig.load(env(), Optional.of(file)))
                        .getMessage());

        Files.writeString(file, "RATBOT_OPS_PORT=none\n");
        assertTrue(
                assertThrows(
                                StartupException.class,
                                () -> RatbotConfig.load(env(), Optional.of(file)))
                        .getMessage()
                        .startsWith(
                                "RATBOT_OPS_PORT=none (ratbot.properties) is not a port number"));

        Files.writeString(file, "RATBOT_CONFIG=other.properties\n");
        assertEquals(
                "ratbot.properties: RATBOT_CONFIG cannot be set inside the configuration file itself",
                assertThrows(
                                StartupException.class,
                                () -> RatbotConfig.load(env(), Optional.of(file)))
                        .getMessage());

        Path missing = dir.resolve("missing.properties");
        assertEquals(
                "RATBOT_CONFIG: the configuration file " + missing + " does not exist",
                assertThrows(
                                StartupException.class,
                                () -> RatbotConfig.load(env(), Optional.of(missing)))
                        .getMessage());
    }

    @Test
    void anEndlessConfigurationFileIsRefusedWithoutReadingItAll() {
        Path zero = Path.of("/dev/zero");
        assumeTrue(Files.isReadable(zero), "no /dev/zero here");
        assertEquals(
                "RATBOT_CONFIG: the configuration file /dev/zero is over 1024 KiB; is it the right file?",
                assertThrows(
                                StartupException.class,
                                () ->
                                        RatbotConfig.load(
                                                env("RATBOT_CONFIG", zero.toString()),
                                                Optional.empty()))
                        .getMessage());
    }

    @Test
    void secretsFromFiles() throws IOException {
        Path token = dir.resolve("telegram-token");
        Files.writeString(token, TELEGRAM_TOKEN + "\n");
        assertEquals(
                TELEGRAM_TOKEN,
                load(env("TELEGRAM_BOT_TOKEN_FILE", token.toString()))
                        .telegram()
                        .orElseThrow()
                        .token()
                        .reveal());

        // In the configuration file, a relative secret path is resolved from the file's folder.
        Path file = dir.resolve("ratbot.properties");
        Files.writeString(file, "TELEGRAM_BOT_TOKEN_FILE=telegram-token\n");
        assertEquals(
                TELEGRAM_TOKEN,
                RatbotConfig.load(env(), Optional.of(file))
                        .telegram()
                        .orElseThrow()
                        .token()
                        .reveal());

        Path empty = Files.writeString(dir.resolve("empty"), "\n");
        assertEquals(
                "DISCORD_BOT_TOKEN_FILE="
                        + empty
                        + " (environment) holds no DISCORD_BOT_TOKEN: its first line is empty",
                failure(env("DISCORD_BOT_TOKEN_FILE", empty.toString())));
        Path nothing = Files.writeString(dir.resolve("nothing"), "");
        assertEquals(
                "RATBOT_CONSOLE_PASSWORD_FILE="
                        + nothing
                        + " (environment) holds no RATBOT_CONSOLE_PASSWORD: it is empty",
                failure(env("RATBOT_CONSOLE_PASSWORD_FILE", nothing.toString())));

        assertEquals(
                "TELEGRAM_BOT_TOKEN: set both TELEGRAM_BOT_TOKEN and TELEGRAM_BOT_TOKEN_FILE in the environment; keep one",
                failure(
                        env(
                                "TELEGRAM_BOT_TOKEN",
                                TELEGRAM_TOKEN,
                                "TELEGRAM_BOT_TOKEN_FILE",
                                token.toString())));

        Files.writeString(token, "not a token");
        String message = failure(env("TELEGRAM_BOT_TOKEN_FILE", token.toString()));
        assertTrue(
                message.startsWith(
                        "TELEGRAM_BOT_TOKEN (file named by TELEGRAM_BOT_TOKEN_FILE): not a Telegram bot token"),
                message);
    }

    /**
     * The README says a secret file's first line: what follows it, a Windows line end or a byte
     * order mark is not the secret.
     */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "TOKEN\\n",
                "TOKEN",
                "TOKEN\\r\\n# rotated 2026-01-01\\r\\n",
                "'  TOKEN  \\nOLD-TOKEN\\n'",
                "\uFEFFTOKEN\\n",
                "TOKEN\\rsecond line",
            })
    void aSecretFileGivesItsFirstLine(String content) throws IOException {
        Path token =
                Files.writeString(
                        dir.resolve("token"),
                        content.replace("TOKEN", TELEGRAM_TOKEN)
                                .replace("\\n", "\n")
                                .replace("\\r", "\r"));
        assertEquals(
                TELEGRAM_TOKEN,
                load(env("TELEGRAM_BOT_TOKEN_FILE", token.toString()))
                        .telegram()
                        .orElseThrow()
                        .token()
                        .reveal());
    }

    @Test
    void aSecretFileThatIsNotUtf8SaysSo() throws IOException {
        Path token =
                Files.write(dir.resolve("token"), new byte[] {(byte) 0xFF, (byte) 0xFE, 'x', '\n'});
        assertEquals(
                "TELEGRAM_BOT_TOKEN_FILE="
                        + token
                        + " (environment) holds no TELEGRAM_BOT_TOKEN: its first line is not UTF-8 text",
                failure(env("TELEGRAM_BOT_TOKEN_FILE", token.toString())));
    }

    @Test
    void aSecretFileTheBotMayNotReadSaysWhoMayNot() throws IOException {
        Path token = Files.writeString(dir.resolve("token"), TELEGRAM_TOKEN + "\n");
        // Root reads every file, so the refusal is the file system's answer played back (as it is
        // for other users).
        Secret.Unreadable e =
                assertThrows(
                        Secret.Unreadable.class,
                        () ->
                                Secret.fromFile(
                                        token,
                                        f -> {
                                            throw new java.nio.file.AccessDeniedException(
                                                    f.toString());
                                        }));
        assertEquals(
                "permission denied to user "
                        + System.getProperty("user.name")
                        + " (give that user read access)",
                e.getMessage());
    }

    @Test
    void aSecretFileNamedInTheConfigurationFileSaysWhichFileNamedIt() throws IOException {
        Path file = dir.resolve("ratbot.properties");
        Files.writeString(file, "RATBOT_DB_PASSWORD_FILE=missing-password\n");
        assertEquals(
                "RATBOT_DB_PASSWORD_FILE="
                        + dir.resolve("missing-password")
                        + " (ratbot.properties) cannot be read for RATBOT_DB_PASSWORD: no such file",
                assertThrows(
                                StartupException.class,
                                () -> RatbotConfig.load(env(), Optional.of(file)))
                        .getMessage());
    }

    @Test
    void blankValuesCountAsUnset() {
        assertEquals(
                8080, load(env("RATBOT_OPS_PORT", "  ", "TELEGRAM_BOT_TOKEN", "")).ops().port());
    }
}
