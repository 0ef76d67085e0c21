package dev.ratbot.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratbot.discord.fake.FakeDiscord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiscordSettingsTest {

    @Test
    void noTokenMeansDiscordIsNotConfigured() {
        assertEquals(Optional.empty(), DiscordSettings.fromEnvironment(Map.of()));
        assertEquals(Optional.empty(), DiscordSettings.fromEnvironment(Map.of("DISCORD_BOT_TOKEN", "  ")));
    }

    @Test
    void defaultsArePublicApiGlobalCommandsAndAutomaticSharding() {
        DiscordSettings s = DiscordSettings.fromEnvironment(Map.of("DISCORD_BOT_TOKEN", FakeDiscord.TOKEN)).orElseThrow();
        assertEquals("https://discord.com/api/v10", s.apiUrl().toString());
        assertEquals(Optional.empty(), s.guildId());
        assertEquals(DiscordSharding.AUTO, s.sharding());
        assertEquals(FakeDiscord.BOT_ID, s.botId());
    }

    @Test
    void readsEverySetting() {
        DiscordSettings s = DiscordSettings.fromEnvironment(Map.of(
                "DISCORD_BOT_TOKEN", FakeDiscord.TOKEN,
                "DISCORD_API_URL", "http://127.0.0.1:9999/api/v10/",
                "DISCORD_GUILD_ID", "1146100000000000001",
                "DISCORD_SHARDS", "8",
                "DISCORD_SHARD_INDICES", "0-2, 5")).orElseThrow();
        assertEquals("http://127.0.0.1:9999/api/v10", s.apiUrl().toString());
        assertEquals(Optional.of(1146100000000000001L), s.guildId());
        assertEquals(new DiscordSharding(8, List.of(0, 1, 2, 5)), s.sharding());
    }

    @Test
    void theTokenMayComeFromAFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("discord-token");
        Files.writeString(file, FakeDiscord.TOKEN + "\n");
        DiscordSettings s = DiscordSettings.fromEnvironment(Map.of("DISCORD_BOT_TOKEN_FILE", file.toString())).orElseThrow();
        assertEquals(FakeDiscord.TOKEN, s.token());
    }

    @Test
    void badValuesNameTheSettingAndNeverRepeatTheToken() {
        String notAToken = "hunter2-is-not-a-token";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DiscordSettings.fromEnvironment(Map.of("DISCORD_BOT_TOKEN", notAToken)));
        assertTrue(e.getMessage().contains("DISCORD_BOT_TOKEN"));
        assertFalse(e.getMessage().contains(notAToken));
        String wrongId = "bm90LWRpZ2l0cw.abc.def"; // Base64 of "not-digits"
        assertThrows(IllegalArgumentException.class, () -> DiscordSettings.of(wrongId));

        Map<String, String> bad = Map.of("DISCORD_API_URL", "ftp://x", "DISCORD_GUILD_ID", "my-server", "DISCORD_SHARDS", "lots",
                "DISCORD_SHARD_INDICES", "one");
        for (var entry : bad.entrySet()) {
            IllegalArgumentException err = assertThrows(IllegalArgumentException.class, () -> DiscordSettings.fromEnvironment(
                    Map.of("DISCORD_BOT_TOKEN", FakeDiscord.TOKEN, entry.getKey(), entry.getValue())));
            assertTrue(err.getMessage().contains(entry.getKey()), err.getMessage());
        }
        IllegalArgumentException outOfRange = assertThrows(IllegalArgumentException.class,
                () -> DiscordSharding.parse("2", "0,2"));
        assertTrue(outOfRange.getMessage().contains("DISCORD_SHARD_INDICES"));
    }

    @Test
    void toStringHidesTheToken() {
        DiscordSettings s = DiscordSettings.of(FakeDiscord.TOKEN);
        assertFalse(s.toString().contains(FakeDiscord.TOKEN));
        assertFalse(s.toString().contains(FakeDiscord.TOKEN.substring(FakeDiscord.TOKEN.lastIndexOf('.') + 1)));
    }
}
