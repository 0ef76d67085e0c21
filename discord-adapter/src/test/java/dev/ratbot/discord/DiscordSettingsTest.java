package dev.ratbot.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ratbot.discord.fake.FakeDiscord;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The adapter's settings are plain values (the launcher validates them); these are what the record
 * itself owes.
 */
class DiscordSettingsTest {

    private static final URI API = URI.create("https://discord.com/api/v10");

    @Test
    void defaultsAreGlobalCommandsAutomaticShardingAndDefaultTimings() {
        DiscordSettings s = DiscordSettings.of(FakeDiscord.TOKEN, API);
        assertEquals(Optional.empty(), s.guildId());
        assertEquals(DiscordSharding.AUTO, s.sharding());
        assertEquals(DiscordSettings.DEFAULT_DEFER_AFTER, s.deferAfter());
        assertEquals(FakeDiscord.BOT_ID, s.botId());
        assertEquals(50, s.maxRestRequestsPerSecond());
    }

    @Test
    void timingsOutsideWhatDiscordAllowsAreRefused() {
        DiscordSettings s = DiscordSettings.of(FakeDiscord.TOKEN, API);
        assertThrows(IllegalArgumentException.class, () -> s.withDeferAfter(Duration.ofSeconds(3)));
        assertThrows(IllegalArgumentException.class, () -> s.withSendTimeout(Duration.ZERO));
    }

    @Test
    void aRestLimitBelowOneRequestASecondIsRefused() {
        DiscordSettings s = DiscordSettings.of(FakeDiscord.TOKEN, API);
        assertThrows(IllegalArgumentException.class, () -> s.withMaxRestRequestsPerSecond(0));
        assertEquals(1, s.withMaxRestRequestsPerSecond(1).maxRestRequestsPerSecond());
    }

    @Test
    void toStringHidesTheToken() {
        DiscordSettings s = DiscordSettings.of(FakeDiscord.TOKEN, API);
        assertFalse(s.toString().contains(FakeDiscord.TOKEN));
        assertFalse(
                s.toString()
                        .contains(
                                FakeDiscord.TOKEN.substring(
                                        FakeDiscord.TOKEN.lastIndexOf('.') + 1)));
    }
}
