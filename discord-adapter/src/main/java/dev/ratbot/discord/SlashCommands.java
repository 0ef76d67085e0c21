package dev.ratbot.discord;

import discord4j.core.object.command.ApplicationCommandOption;
import discord4j.discordjson.json.ApplicationCommandOptionData;
import discord4j.discordjson.json.ApplicationCommandRequest;
import discord4j.rest.util.Permission;
import java.util.List;

/**
 * The slash commands Ratbot registers, as one list that start-up writes with a bulk overwrite (so
 * registering is idempotent and removes commands that are no longer here). {@code /tips} is for
 * server managers: {@code default_member_permissions} hides it from others, and the adapter checks
 * again when it runs.
 */
final class SlashCommands {

    static final String ASK = "ask",
            TIP = "tip",
            TOPICS = "topics",
            HELP = "help",
            SUBSCRIBE = "subscribe",
            UNSUBSCRIBE = "unsubscribe",
            PAUSE = "pause",
            RESUME = "resume",
            SETTINGS = "settings",
            TIPS = "tips",
            AUTOANSWER = "autoanswer";

    /** The message context-menu command ("Apps" → "Ask Ratbot" on any message). */
    static final String ASK_RATBOT = "Ask Ratbot";

    static final String TIPS_CHANNEL = "channel", TIPS_OFF = "off", TIPS_STATUS = "status";
    static final String QUESTION = "question", CHANNEL = "channel", TIME = "time", ZONE = "zone";

    /**
     * Channel types a daily tip can go to: text, announcement, announcement/public/private threads,
     * forum.
     */
    static final List<Integer> TIP_CHANNEL_TYPES = List.of(0, 5, 10, 11, 12, 15);

    /** Channel types that can answer themselves: text and forum channels. */
    static final List<Integer> HELP_CHANNEL_TYPES = List.of(0, 15);

    private static final int CHAT_INPUT = 1, MESSAGE = 3;

    /** Where a command may be used (Discord's interaction context types). */
    private static final int GUILD = 0, BOT_DM = 1;

    /** Longest question the core keeps (CommandParser.MAX_QUESTION_CHARS). */
    private static final int MAX_QUESTION = 500;

    private SlashCommands() {}

    static List<ApplicationCommandRequest> all() {
        return List.of(
                command(
                        ASK,
                        "Ask a question about bonding with your pet rats",
                        List.of(GUILD, BOT_DM),
                        option(
                                        ApplicationCommandOption.Type.STRING,
                                        QUESTION,
                                        "Your question, e.g. how do I pick up my rat?",
                                        true)
                                .autocomplete(true)
                                .minLength(1)
                                .maxLength(MAX_QUESTION)
                                .build()),
                command(TIP, "A rat-bonding tip, now", List.of(GUILD, BOT_DM)),
                command(TOPICS, "Browse the topics of the bonding guide", List.of(GUILD, BOT_DM)),
                command(HELP, "What Ratbot can do", List.of(GUILD, BOT_DM)),
                command(
                        SUBSCRIBE,
                        "Get a bonding tip in your direct messages every day",
                        List.of(GUILD, BOT_DM),
                        time(),
                        zone()),
                command(
                        UNSUBSCRIBE,
                        "Stop the daily tip in your direct messages",
                        List.of(GUILD, BOT_DM)),
                command(
                        PAUSE,
                        "Pause the daily tip (yours in DMs; a server channel's for server managers)",
                        List.of(GUILD, BOT_DM),
                        tipsChannel()),
                command(
                        RESUME,
                        "Resume a paused daily tip (yours in DMs; a server channel's for server managers)",
                        List.of(GUILD, BOT_DM),
                        tipsChannel()),
                command(
                        SETTINGS,
                        "The daily tip's time, zone, next tip and any problem",
                        List.of(GUILD, BOT_DM),
                        tipsChannel()),
                ApplicationCommandRequest.builder()
                        .name(ASK_RATBOT)
                        .type(MESSAGE)
                        .contexts(List.of(GUILD, BOT_DM))
                        .build(),
                ApplicationCommandRequest.builder()
                        .name(AUTOANSWER)
                        .type(CHAT_INPUT)
                        .description(
                                "Let Ratbot answer new posts in a help channel or forum by itself")
                        .defaultMemberPermissions(Long.toString(Permission.MANAGE_GUILD.getValue()))
                        .contexts(List.of(GUILD))
                        .addOption(
                                subcommand(
                                        TIPS_CHANNEL,
                                        "Answer each new post in this forum or text channel once",
                                        option(
                                                        ApplicationCommandOption.Type.CHANNEL,
                                                        CHANNEL,
                                                        "The help forum or channel",
                                                        true)
                                                .channelTypes(HELP_CHANNEL_TYPES)
                                                .build()))
                        .addOption(
                                subcommand(
                                        TIPS_OFF,
                                        "Stop answering by itself (in one channel, or everywhere on this server)",
                                        option(
                                                        ApplicationCommandOption.Type.CHANNEL,
                                                        CHANNEL,
                                                        "The channel (default: all of them)",
                                                        false)
                                                .channelTypes(HELP_CHANNEL_TYPES)
                                                .build()))
                        .addOption(
                                subcommand(
                                        TIPS_STATUS,
                                        "Which channels answer by themselves, and what is missing"))
                        .build(),
                ApplicationCommandRequest.builder()
                        .name(TIPS)
                        .type(CHAT_INPUT)
                        .description("This server's daily bonding tip")
                        .defaultMemberPermissions(Long.toString(Permission.MANAGE_GUILD.getValue()))
                        .contexts(List.of(GUILD))
                        .addOption(
                                subcommand(
                                        TIPS_CHANNEL,
                                        "Post a daily tip in a channel at a time of day",
                                        option(
                                                        ApplicationCommandOption.Type.CHANNEL,
                                                        CHANNEL,
                                                        "The channel for the tips",
                                                        true)
                                                .channelTypes(TIP_CHANNEL_TYPES)
                                                .build(),
                                        time(),
                                        zone()))
                        .addOption(
                                subcommand(
                                        TIPS_OFF, "Stop the daily tip in a channel", tipsChannel()))
                        .addOption(
                                subcommand(
                                        TIPS_STATUS,
                                        "Show a channel's daily tip: time, zone, next tip, problems",
                                        tipsChannel()))
                        .build());
    }

    private static ApplicationCommandRequest command(
            String name,
            String description,
            List<Integer> contexts,
            ApplicationCommandOptionData... options) {
        return ApplicationCommandRequest.builder()
                .name(name)
                .description(description)
                .type(CHAT_INPUT)
                .contexts(contexts)
                .options(List.of(options))
                .build();
    }

    private static ApplicationCommandOptionData time() {
        return option(
                        ApplicationCommandOption.Type.STRING,
                        TIME,
                        "Time of day, HH:MM (24-hour), default 09:00",
                        false)
                .minLength(1)
                .maxLength(16)
                .build();
    }

    private static ApplicationCommandOptionData zone() {
        return option(
                        ApplicationCommandOption.Type.STRING,
                        ZONE,
                        "Time zone, e.g. Europe/London (default UTC)",
                        false)
                .autocomplete(true)
                .minLength(1)
                .maxLength(64)
                .build();
    }

    private static ApplicationCommandOptionData tipsChannel() {
        return option(
                        ApplicationCommandOption.Type.CHANNEL,
                        CHANNEL,
                        "A server channel's tip (default: this one)",
                        false)
                .channelTypes(TIP_CHANNEL_TYPES)
                .build();
    }

    private static ApplicationCommandOptionData subcommand(
            String name, String description, ApplicationCommandOptionData... options) {
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
