package dev.ratbot.telegram;

import java.util.List;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;

/** The command menu Telegram shows next to the message field, set with {@code setMyCommands} at start. */
final class BotCommandsMenu {

    private BotCommandsMenu() {
    }

    static final List<BotCommand> COMMANDS = List.of(
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
}
