package dev.ratbot.conversation;

import dev.ratbot.message.Address;
import dev.ratbot.message.Platform;
import dev.ratbot.message.Reply;

/**
 * The fixed texts of the conversation: welcome, help and unknown commands, listing the commands as
 * the user's platform has them (Discord's slash commands and "Ask Ratbot" differ from Telegram's
 * text commands).
 */
final class HelpText {

    private HelpText() {}

    static final String COMMANDS =
            String.join(
                    "\n",
                    "/ask <question> \u2014 ask about bonding with your rats (in a private chat, just type it)",
                    "/topics \u2014 browse the guide's sections",
                    "/tip \u2014 a bonding tip, now",
                    "/subscribe [HH:MM] [zone] \u2014 a tip every day at your local time (default 09:00 UTC)",
                    "/pause, /resume, /unsubscribe \u2014 manage the daily tip",
                    "/settings \u2014 your daily-tip settings and next delivery",
                    "/help \u2014 this list");

    static final String DISCORD_COMMANDS =
            String.join(
                    "\n",
                    "/ask \u2014 ask about bonding with your rats (or mention me with your question)",
                    "Ask Ratbot \u2014 on any message (Apps menu): I answer it as a reply",
                    "/topics \u2014 browse the guide's sections",
                    "/tip \u2014 a bonding tip, now",
                    "/subscribe \u2014 a tip in your DMs every day at your local time (default 09:00 UTC)",
                    "/pause, /resume, /unsubscribe, /settings \u2014 your daily tip (in a server, /pause, /resume and /settings act on a "
                            + "channel's tip, for members with Manage Server)",
                    "/tips \u2014 a channel's daily tip; /autoanswer \u2014 help channels that answer themselves (Manage Server)",
                    "/help \u2014 this list");

    /** The command list for the platform the user is on. */
    static String commands(Address address) {
        return address.platform() == Platform.DISCORD ? DISCORD_COMMANDS : COMMANDS;
    }

    static Reply welcome(Address address) {
        return Reply.text(
                Reply.Kind.INFO,
                "Hi! I answer questions about bonding with pet rats from the care guide "
                        + "\u201CHow to Bond with Your Rats\u201D. Ask me anything, for example: "
                        + "\u201CHow do I hold my rat?\u201D or \u201CWhat treats are safe?\u201D",
                commands(address));
    }

    static Reply help(Address address) {
        return Reply.text(Reply.Kind.INFO, "Here is what I can do:", commands(address));
    }

    static Reply unknown(String name, Address address) {
        return Reply.text(
                Reply.Kind.ERROR,
                "I don't know the command /" + name + ". Here is what I can do:",
                commands(address));
    }
}
