package dev.ratbot.conversation;

import dev.ratbot.message.Address;
import dev.ratbot.message.Platform;

/**
 * How the user in front of a reply types each daily-tip command, so that no text tells anyone to
 * use a command their platform does not have: on Telegram and the console "/subscribe 08:00
 * Europe/London"; in a Discord DM the slash command with named options; in a Discord server, where
 * a channel's tip is a manager's {@code /tips}, "/tips channel". One place for all of them; texts
 * in the core take their command names from here.
 *
 * @param subscribe starts or changes the tip here
 * @param subscribeExample a complete example with a time and a zone
 * @param unsubscribe stops it
 * @param pause pauses it
 * @param resume resumes it
 * @param settings shows it
 */
public record CommandNames(
        String subscribe,
        String subscribeExample,
        String unsubscribe,
        String pause,
        String resume,
        String settings) {

    /** Telegram and the console: commands with positional arguments. */
    public static final CommandNames TEXT =
            new CommandNames(
                    "/subscribe",
                    "/subscribe 08:00 Europe/London",
                    "/unsubscribe",
                    "/pause",
                    "/resume",
                    "/settings");

    /** A Discord DM: slash commands with named options. */
    public static final CommandNames DISCORD_DM =
            new CommandNames(
                    "/subscribe",
                    "/subscribe time:08:00 zone:Europe/London",
                    "/unsubscribe",
                    "/pause",
                    "/resume",
                    "/settings");

    /** A Discord server channel: the channel's tip is /tips, for members with Manage Server. */
    public static final CommandNames DISCORD_SERVER =
            new CommandNames(
                    "/tips channel",
                    "/tips channel time:08:00 zone:Europe/London",
                    "/tips off",
                    "/pause",
                    "/resume",
                    "/tips status");

    public static CommandNames of(Address address) {
        if (address.platform() != Platform.DISCORD) return TEXT;
        return address.group() ? DISCORD_SERVER : DISCORD_DM;
    }
}
