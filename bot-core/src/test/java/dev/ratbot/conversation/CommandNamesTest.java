package dev.ratbot.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratbot.message.Address;
import dev.ratbot.message.Platform;
import dev.ratbot.testing.ConversationFixture;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Texts name each platform's own commands: Discord never tells anyone to use a Telegram command,
 * and back.
 */
class CommandNamesTest {

    private final ConversationFixture fixture = new ConversationFixture();

    private static final Address TELEGRAM_GROUP = Address.group(Platform.TELEGRAM, "-100");
    private static final Address DISCORD_DM = Address.direct(Platform.DISCORD, "9001");
    private static final Address DISCORD_CHANNEL =
            new Address(Platform.DISCORD, "9002", Optional.empty(), Optional.of("77"), true);

    private String say(Address where, String text) {
        return fixture.conversation
                .handle(new Incoming(where, "u", text, Rights.OWNER))
                .orElseThrow()
                .plainText();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            TELEGRAM | false | /settings    | No daily tip here yet. /subscribe gets one every day at 09:00 UTC; /subscribe 08:00 Europe/London picks your own time and zone.
            DISCORD  | false | /settings    | No daily tip here yet. /subscribe gets one every day at 09:00 UTC; /subscribe time:08:00 zone:Europe/London picks your own time and zone.
            DISCORD  | true  | /settings    | No daily tip here yet. /tips channel gets one every day at 09:00 UTC; /tips channel time:08:00 zone:Europe/London picks your own time and zone.
            DISCORD  | true  | /unsubscribe | There is no daily tip here to stop. /tips channel starts one.
            TELEGRAM | true  | /pause       | There is no daily tip here yet. /subscribe starts one.
            """)
    void settingsTextsUseThePlatformsOwnCommandNames(
            Platform platform, boolean server, String command, String expected) {
        Address where =
                server
                        ? new Address(
                                platform,
                                "5",
                                Optional.empty(),
                                platform == Platform.DISCORD ? Optional.of("77") : Optional.empty(),
                                true)
                        : Address.direct(platform, "5");
        assertEquals(expected, say(where, command));
    }

    @Test
    void aDiscordSubscriptionInAServerPointsToTipsAndPausedOnesToSlashResume() {
        String subscribed = say(DISCORD_CHANNEL, "/subscribe 08:00 UTC");
        assertTrue(
                subscribed.contains(
                        "To change the time or zone: /tips channel time:08:00 zone:Europe/London."),
                subscribed);
        assertEquals(
                "Paused. Your settings are kept; /resume starts the tips again.",
                say(DISCORD_CHANNEL, "/pause"));
        assertTrue(
                say(TELEGRAM_GROUP, "/subscribe 08:00 UTC")
                        .contains("To change the time or zone: /subscribe 08:00 Europe/London."));
    }

    @Test
    void helpOnDiscordListsItsSlashCommandsAndAskRatbotNotStart() {
        String discord = say(DISCORD_DM, "/help");
        assertTrue(
                discord.contains("Ask Ratbot")
                        && discord.contains("/tips")
                        && discord.contains("/autoanswer"),
                discord);
        assertFalse(
                discord.contains("[HH:MM]"), "no Telegram-style arguments on Discord: " + discord);
        String telegram = say(TELEGRAM_GROUP, "/help");
        assertTrue(telegram.contains("/subscribe [HH:MM] [zone]"), telegram);
        assertFalse(telegram.contains("Ask Ratbot") || telegram.contains("/autoanswer"), telegram);
    }
}
