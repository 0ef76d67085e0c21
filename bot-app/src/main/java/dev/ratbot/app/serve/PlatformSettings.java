package dev.ratbot.app.serve;

import dev.ratbot.app.config.DiscordConfig;
import dev.ratbot.app.config.Secret;
import dev.ratbot.app.config.StartupException;
import dev.ratbot.app.config.TelegramConfig;
import dev.ratbot.discord.DiscordSettings;
import dev.ratbot.discord.DiscordSharding;
import dev.ratbot.telegram.TelegramSettings;
import java.util.Optional;

/** Turns the validated configuration into the adapters' own settings records. */
final class PlatformSettings {

    private PlatformSettings() {
    }

    static TelegramSettings telegram(TelegramConfig c) {
        try {
            return new TelegramSettings(c.token().reveal(), c.apiUrl(),
                    c.mode() == TelegramConfig.Mode.WEBHOOK ? TelegramSettings.Mode.WEBHOOK : TelegramSettings.Mode.LONG_POLLING,
                    c.webhookUrl(), c.webhookSecret().map(Secret::reveal), c.webhookBind(), c.webhookPort());
        } catch (IllegalArgumentException e) {
            // The adapter's messages name the setting and never the token.
            throw new StartupException(e.getMessage(), e);
        }
    }

    static DiscordSettings discord(DiscordConfig c) {
        try {
            DiscordSharding sharding = new DiscordSharding(c.shardCount().orElse(0), c.shardIndices());
            Optional<Long> guild = c.guildId().isPresent() ? Optional.of(c.guildId().getAsLong()) : Optional.empty();
            return new DiscordSettings(c.token().reveal(), c.apiUrl(), guild, sharding, null, null, c.messageContent());
        } catch (IllegalArgumentException e) {
            throw new StartupException(e.getMessage(), e);
        }
    }
}
