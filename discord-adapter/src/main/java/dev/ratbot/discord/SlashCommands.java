package dev.ratbot.discord;

import discord4j.core.object.command.ApplicationCommandOption;
import discord4j.discordjson.json.ApplicationCommandOptionData;
import discord4j.discordjson.json.ApplicationCommandRequest;
import discord4j.rest.util.Permission;
import java.util.List;

/**
 * The slash commands Ratbot registers, as one list that start-up writes with a bulk overwrite (so registering is
 * idempotent and removes commands that are no longer here). {@code /tips} is for server managers:
 * {@code default_member_permissions} hides it from others, and the adapter checks again when it runs.
 */
final class SlashCommands {

    static final String ASK = "ask", TIP = "tip", TOPICS = "topics", HELP = "help", SUBSCRIBE = "subscribe",
            UNSUBSCRIBE = "unsubscribe", TIPS = "tips";
    static final String TIPS_CHANNEL = "channel", TIPS_OFF = "off", TIPS_STATUS = "status";
    static final String QUESTION = "question", CHANNEL = "channel", TIME = "time", ZONE = "zone";

    /** Where a command may be used (Discord's interaction context types). */
    private static final int GUILD = 0, BOT_DM = 1;
    private static final int GUILD_TEXT = 0, GUILD_ANNOUNCEMENT = 5;
    /** Longest question the core keeps (CommandParser.MAX_QUESTION_CHARS). */
    private static final int MAX_QUESTION = 500;

    private SlashCommands() {
    }

    static List<ApplicationCommandRequest> all() {
        return List.of(
                command(ASK, "Ask a question about bonding with your pet rats", List.of(GUILD, BOT_DM),
                        option(ApplicationCommandOption.Type.STRING, QUESTION, "Your question, e.g. how do I pick up my rat?", true)
                                .autocomplete(true).minLength(1).maxLength(MAX_QUESTION).build()),
                command(TIP, "A rat-bonding tip, now", List.of(GUILD, BOT_DM)),
                command(TOPICS, "Browse the topics of the bonding guide", List.of(GUILD, BOT_DM)),
                command(HELP, "What Ratbot can do", List.of(GUILD, BOT_DM)),
                command(SUBSCRIBE, "Get a bonding tip in your direct messages every day", List.of(GUILD, BOT_DM),
                        time(), zone()),
                command(UNSUBSCRIBE, "Stop the daily tip in your direct messages", List.of(GUILD, BOT_DM)),
                ApplicationCommandRequest.builder()
                        .name(TIPS)
                        .description("This server's daily bonding tip")
                        .defaultMemberPermissions(Long.toString(Permission.MANAGE_GUILD.getValue()))
                        .contexts(List.of(GUILD))
                        .addOption(subcommand(TIPS_CHANNEL, "Post a daily tip in a channel at a time of day",
                                option(ApplicationCommandOption.Type.CHANNEL, CHANNEL, "The channel for the tips", true)
                                        .channelTypes(List.of(GUILD_TEXT, GUILD_ANNOUNCEMENT)).build(),
                                time(), zone()))
                        .addOption(subcommand(TIPS_OFF, "Stop the daily tip in a channel", tipsChannel()))
                        .addOption(subcommand(TIPS_STATUS, "Show a channel's daily tip: time, zone, next tip, problems", tipsChannel()))
                        .build());
    }

    private static ApplicationCommandRequest command(String name, String description, List<Integer> contexts,
                                                     ApplicationCommandOptionData... options) {
        return ApplicationCommandRequest.builder()
                .name(name)
                .description(description)
                .contexts(contexts)
                .options(List.of(options))
                .build();
    }

    private static ApplicationCommandOptionData time() {
        return option(ApplicationCommandOption.Type.STRING, TIME, "Time of day, HH:MM (24-hour), default 09:00", false)
                .minLength(1).maxLength(16).build();
    }

    private static ApplicationCommandOptionData zone() {
        return option(ApplicationCommandOption.Type.STRING, ZONE, "Time zone, e.g. Europe/London (default UTC)", false)
                .autocomplete(true).minLength(1).maxLength(64).build();
    }

    private static ApplicationCommandOptionData tipsChannel() {
        return option(ApplicationCommandOption.Type.CHANNEL, CHANNEL, "The channel (default: this one)", false)
                .channelTypes(List.of(GUILD_TEXT, GUILD_ANNOUNCEMENT)).build();
    }

    private static ApplicationCommandOptionData subcommand(String name, String description, ApplicationCommandOptionData... options) {
        return ApplicationCommandOptionData.builder()
                .type(ApplicationCommandOption.Type.SUB_COMMAND.getValue())
                .name(name)
                .description(description)
                .options(List.of(options))
                .build();
    }

    private static discord4j.discordjson.json.ImmutableApplicationCommandOptionData.Builder option(
            ApplicationCommandOption.Type type, String name, String description, boolean required) {
        return ApplicationCommandOptionData.builder()
                .type(type.getValue())
                .name(name)
                .description(description)
                .required(required);
    }
}
