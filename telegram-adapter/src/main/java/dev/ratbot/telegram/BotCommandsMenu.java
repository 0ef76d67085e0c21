package dev.ratbot.telegram;

import java.util.List;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;

/**
 * The command menus Telegram shows next to the message field, set with {@code setMyCommands} at
 * start, one per scope: private chats (and any chat without a more specific menu) get every
 * command; members of a group the asking commands; a group's administrators those and the group's
 * daily-tip settings.
 */
final class BotCommandsMenu {

    private BotCommandsMenu() {}

    static final List<BotCommand> COMMANDS =
            List.of(
                    new BotCommand("start", "Welcome and what I can do"),
                    new BotCommand("help", "The list of commands"),
                    new BotCommand("ask", "Ask a question about bonding with your rats"),
                    new BotCommand("tip", "A bonding tip, now"),
                    new BotCommand("topics", "Browse the guide's topics"),
                    new BotCommand("subscribe", "A tip every day: /subscribe 08:00 Europe/London"),
                    new BotCommand("unsubscribe", "Stop the daily tip"),
                    new BotCommand("pause", "Pause the daily tip"),
                    new BotCommand("resume", "Resume the daily tip"),
                    new BotCommand("settings", "Your daily-tip settings"));

    /**
     * What every member of a group may use: asking, browsing, a tip now, and seeing the settings.
     */
    static final List<BotCommand> GROUP_MEMBERS =
            List.of(
                    new BotCommand("ask", "Ask a question about bonding with your rats"),
                    new BotCommand("tip", "A bonding tip, now"),
                    new BotCommand("topics", "Browse the guide's topics"),
                    new BotCommand("settings", "This group's daily-tip settings"),
                    new BotCommand("help", "The list of commands"));

    /** A group's administrators also change its daily tip. */
    static final List<BotCommand> GROUP_ADMINS =
            List.of(
                    new BotCommand("ask", "Ask a question about bonding with your rats"),
                    new BotCommand("tip", "A bonding tip, now"),
                    new BotCommand("topics", "Browse the guide's topics"),
                    new BotCommand(
                            "subscribe", "A tip here every day: /subscribe 08:00 Europe/London"),
                    new BotCommand("settings", "This group's daily-tip settings"),
                    new BotCommand("pause", "Pause the group's daily tip"),
                    new BotCommand("resume", "Resume the group's daily tip"),
                    new BotCommand("unsubscribe", "Stop the group's daily tip"),
                    new BotCommand("help", "The list of commands"));
}
