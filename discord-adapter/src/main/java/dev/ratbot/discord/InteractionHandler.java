package dev.ratbot.discord;

import dev.ratbot.answer.AnswerEngine;
import dev.ratbot.conversation.Command;
import dev.ratbot.conversation.Conversation;
import dev.ratbot.conversation.Incoming;
import dev.ratbot.conversation.Rights;
import dev.ratbot.message.Address;
import dev.ratbot.message.Choice;
import dev.ratbot.message.Reply;
import dev.ratbot.subscription.PauseReason;
import dev.ratbot.subscription.SubscriptionStatus;
import dev.ratbot.subscription.SubscriptionStore;
import discord4j.core.event.domain.interaction.ButtonInteractionEvent;
import discord4j.core.event.domain.interaction.ChatInputAutoCompleteEvent;
import discord4j.core.event.domain.interaction.ChatInputInteractionEvent;
import discord4j.core.object.command.ApplicationCommandInteractionOption;
import discord4j.core.object.command.ApplicationCommandInteractionOptionValue;
import discord4j.core.object.command.Interaction;
import discord4j.discordjson.json.ApplicationCommandOptionChoiceData;
import discord4j.discordjson.json.InteractionData;
import discord4j.discordjson.json.MemberData;
import discord4j.discordjson.possible.Possible;
import discord4j.rest.RestClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Translates slash commands, button taps and autocomplete requests into the core's commands and the
 * core's replies back into interaction responses. Holds no answer logic: questions, topics, tips
 * and subscriptions are the conversation's; suggestions are the answer engine's.
 */
final class InteractionHandler {

    static final int MAX_SUGGESTIONS = 25;
    private static final int MAX_SUGGESTION_CHARS = 100;
    private static final Duration REST_WAIT = Duration.ofSeconds(10);
    private static final Logger log = LoggerFactory.getLogger(InteractionHandler.class);

    static final Reply NOT_A_MANAGER =
            Reply.text(
                    Reply.Kind.ERROR,
                    "Only members with the Manage Server permission can change this server's daily tips.");
    static final Reply NOT_A_MANAGER_FOR_TIPS =
            Reply.text(
                    Reply.Kind.ERROR,
                    "In a server, /pause, /resume and /settings act on a channel's daily tip, which only members with the Manage "
                            + "Server permission can change. For your own daily tip, use them in your direct messages with me.");
    static final Reply SERVER_ONLY =
            Reply.text(
                    Reply.Kind.ERROR,
                    "/tips sets a server channel's daily tip, so it works in a server. "
                            + "For tips in your direct messages, use /subscribe.");

    private final Conversation conversation;
    private final AnswerEngine engine;
    private final RestClient rest;
    private final InteractionResponder responder;
    private final ZoneSuggestions zones = new ZoneSuggestions();
    private final AutoAnswers autoAnswers;
    private final BotPermissions permissions;
    private final SubscriptionStore subscriptions;
    private final Ratings ratings;
    private final ReplyRenderer renderer = new ReplyRenderer();

    InteractionHandler(
            Conversation conversation,
            AnswerEngine engine,
            RestClient rest,
            InteractionResponder responder,
            AutoAnswers autoAnswers,
            BotPermissions permissions,
            SubscriptionStore subscriptions,
            Ratings ratings) {
        this.ratings = ratings;
        this.subscriptions = subscriptions;
        this.autoAnswers = autoAnswers;
        this.permissions = permissions;
        this.conversation = conversation;
        this.engine = engine;
        this.rest = rest;
        this.responder = responder;
    }

    // ------------------------------------------------------------------ slash commands

    void onChatInput(ChatInputInteractionEvent event) {
        Interaction interaction = event.getInteraction();
        String name = event.getCommandName();
        boolean settings =
                switch (name) {
                    case SlashCommands.SUBSCRIBE,
                            SlashCommands.UNSUBSCRIBE,
                            SlashCommands.PAUSE,
                            SlashCommands.RESUME,
                            SlashCommands.SETTINGS,
                            SlashCommands.TIPS,
                            SlashCommands.AUTOANSWER ->
                            true;
                    default -> false;
                };
        responder.respond(
                event,
                settings,
                () ->
                        switch (name) {
                            case SlashCommands.ASK ->
                                    here(
                                            interaction,
                                            "/ask "
                                                    + string(
                                                                    event.getOptions(),
                                                                    SlashCommands.QUESTION)
                                                            .orElse(""));
                            case SlashCommands.TIP -> here(interaction, "/tip", new Command.Tip());
                            case SlashCommands.TOPICS ->
                                    here(interaction, "/topics", new Command.Topics());
                            case SlashCommands.HELP ->
                                    here(interaction, "/help", new Command.Help());
                            case SlashCommands.SUBSCRIBE ->
                                    inUserDm(
                                            interaction,
                                            "/subscribe",
                                            new Command.Subscribe(
                                                    string(event.getOptions(), SlashCommands.TIME),
                                                    string(
                                                            event.getOptions(),
                                                            SlashCommands.ZONE)));
                            case SlashCommands.UNSUBSCRIBE ->
                                    inUserDm(
                                            interaction, "/unsubscribe", new Command.Unsubscribe());
                            case SlashCommands.PAUSE ->
                                    tipHereOrInServer(
                                            interaction,
                                            event.getOptions(),
                                            "/pause",
                                            new Command.Pause());
                            case SlashCommands.RESUME ->
                                    tipHereOrInServer(
                                            interaction,
                                            event.getOptions(),
                                            "/resume",
                                            new Command.Resume());
                            case SlashCommands.SETTINGS ->
                                    tipHereOrInServer(
                                            interaction,
                                            event.getOptions(),
                                            "/settings",
                                            new Command.Settings());
                            case SlashCommands.TIPS -> tips(interaction, event.getOptions());
                            case SlashCommands.AUTOANSWER ->
                                    new InteractionResponder.Outcome(
                                            autoAnswers.command(interaction, event.getOptions()),
                                            ButtonTarget.HERE);
                            default ->
                                    new InteractionResponder.Outcome(
                                            Reply.text(
                                                    Reply.Kind.ERROR,
                                                    "I don't know that command any more. /help lists what I can do."),
                                            ButtonTarget.HERE);
                        });
    }

    private InteractionResponder.Outcome here(Interaction interaction, String text) {
        Incoming in =
                new Incoming(place(interaction), userId(interaction), text, rights(interaction));
        return new InteractionResponder.Outcome(conversation.handle(in), ButtonTarget.HERE);
    }

    private InteractionResponder.Outcome here(
            Interaction interaction, String text, Command command) {
        Incoming in =
                new Incoming(place(interaction), userId(interaction), text, rights(interaction));
        return new InteractionResponder.Outcome(
                conversation.handle(in, command), ButtonTarget.HERE);
    }

    private InteractionResponder.Outcome inUserDm(
            Interaction interaction, String text, Command command) {
        Address dm = DiscordPlaces.userDm(rest, interaction.getUser().getId().asLong());
        Incoming in = new Incoming(dm, userId(interaction), text, Rights.OWNER);
        Optional<Reply> reply = conversation.handle(in, command);
        if (command instanceof Command.Subscribe
                && interaction.getGuildId().isPresent()
                && reply.filter(r -> r.kind() == Reply.Kind.SETTINGS).isPresent()) {
            Optional<Reply> closed = confirmByDm(dm, reply.get());
            if (closed.isPresent())
                return new InteractionResponder.Outcome(closed.get(), ButtonTarget.HERE);
        }
        return new InteractionResponder.Outcome(reply, new ButtonTarget.UserDm());
    }

    /**
     * /subscribe in a server: the confirmation goes to the member's DMs, where the tips will go, so
     * that closed DMs are found now and said here (the subscription then waits, paused with the
     * reason) rather than at the first tip.
     */
    private Optional<Reply> confirmByDm(Address dm, Reply confirmation) {
        long channel = Long.parseUnsignedLong(dm.chatId());
        try {
            for (DiscordMessage m : renderer.render(confirmation.withChoices(List.of()))) {
                rest.getChannelService()
                        .createMessage(channel, m.asChannelMessage(Optional.empty()).asRequest())
                        .block(REST_WAIT);
            }
            return Optional.empty();
        } catch (RuntimeException e) {
            String reason = SendFailures.reason(e);
            log.info("Discord: /subscribe confirmation by DM failed: {}", reason);
            subscriptions.pause(
                    dm, PauseReason.cannotPost("your direct messages are closed to me"));
            return Optional.of(
                    Reply.text(
                            Reply.Kind.ERROR,
                            "I couldn't send you a direct message ("
                                    + reason
                                    + "), and that is where "
                                    + "the daily tips go. Allow direct messages from this server's members (server menu \u2192 Privacy Settings), "
                                    + "then run /subscribe again. Until then your daily tip waits, paused."));
        }
    }

    /**
     * /pause, /resume, /settings: in a DM, the user's own daily tip; in a server, a server
     * channel's tip (the {@code channel} option, default this channel), for Manage Server holders
     * only, as with /tips.
     */
    private InteractionResponder.Outcome tipHereOrInServer(
            Interaction interaction,
            List<ApplicationCommandInteractionOption> options,
            String text,
            Command command) {
        Optional<Long> guild = interaction.getGuildId().map(s -> s.asLong());
        if (guild.isEmpty()) return here(interaction, text, command);
        if (!canManage(interaction))
            return new InteractionResponder.Outcome(NOT_A_MANAGER_FOR_TIPS, ButtonTarget.HERE);
        long channel =
                options.stream()
                        .filter(o -> o.getName().equals(SlashCommands.CHANNEL))
                        .findFirst()
                        .flatMap(ApplicationCommandInteractionOption::getValue)
                        .map(v -> v.asSnowflake().asLong())
                        .orElse(interaction.getChannelId().asLong());
        Address where = DiscordPlaces.serverChannel(channel, guild.get());
        Incoming in = new Incoming(where, userId(interaction), text, DiscordPlaces.rights(true));
        Optional<Reply> reply = conversation.handle(in, command);
        return new InteractionResponder.Outcome(
                command instanceof Command.Settings ? reply.map(r -> offerResume(where, r)) : reply,
                new ButtonTarget.Channel(channel));
    }

    private InteractionResponder.Outcome tips(
            Interaction interaction, List<ApplicationCommandInteractionOption> options) {
        Optional<Long> guild = interaction.getGuildId().map(s -> s.asLong());
        if (guild.isEmpty())
            return new InteractionResponder.Outcome(SERVER_ONLY, ButtonTarget.HERE);
        // default_member_permissions hides /tips, but server admins can override that per role:
        // check again.
        if (!canManage(interaction))
            return new InteractionResponder.Outcome(NOT_A_MANAGER, ButtonTarget.HERE);
        ApplicationCommandInteractionOption sub = options.isEmpty() ? null : options.get(0);
        if (sub == null) return new InteractionResponder.Outcome(SERVER_ONLY, ButtonTarget.HERE);
        long channel =
                sub.getOption(SlashCommands.CHANNEL)
                        .flatMap(ApplicationCommandInteractionOption::getValue)
                        .map(v -> v.asSnowflake().asLong())
                        .orElse(interaction.getChannelId().asLong());
        if (sub.getName().equals(SlashCommands.TIPS_CHANNEL)) {
            Optional<Reply> cannotPost = cannotPost(guild.get(), channel);
            if (cannotPost.isPresent())
                return new InteractionResponder.Outcome(cannotPost.get(), ButtonTarget.HERE);
        }
        Command command =
                switch (sub.getName()) {
                    case SlashCommands.TIPS_CHANNEL ->
                            new Command.Subscribe(
                                    string(sub.getOptions(), SlashCommands.TIME),
                                    string(sub.getOptions(), SlashCommands.ZONE));
                    case SlashCommands.TIPS_OFF -> new Command.Unsubscribe();
                    default -> new Command.Settings();
                };
        Address where = DiscordPlaces.serverChannel(channel, guild.get());
        Incoming in =
                new Incoming(
                        where,
                        userId(interaction),
                        "/tips " + sub.getName(),
                        DiscordPlaces.rights(true));
        return new InteractionResponder.Outcome(
                conversation.handle(in, command).map(r -> offerResume(where, r)),
                new ButtonTarget.Channel(channel));
    }

    /**
     * A paused tip's status offers a Resume button (e.g. after the bot was removed and added back).
     */
    private Reply offerResume(Address where, Reply status) {
        if (status.kind() != Reply.Kind.SETTINGS || !status.choices().isEmpty()) return status;
        boolean paused =
                subscriptions
                        .find(where)
                        .map(s -> s.status() == SubscriptionStatus.PAUSED)
                        .orElse(false);
        return paused ? status.withChoices(List.of(new Choice("Resume", "/resume"))) : status;
    }

    /**
     * Why the bot could not post a daily tip in the channel, naming the permissions it lacks there
     * (View Channel, Send Messages or Create Posts or Send Messages in Threads, Embed Links); empty
     * when it can.
     */
    private Optional<Reply> cannotPost(long guild, long channel) {
        BotPermissions.ChannelFacts facts;
        try {
            facts = permissions.fresh(guild, channel);
        } catch (RuntimeException e) {
            return Optional.of(
                    Reply.text(
                            Reply.Kind.ERROR,
                            "I can't see that channel ("
                                    + SendFailures.reason(e)
                                    + "). Give my role View Channel there, then set the tips again."));
        }
        List<String> missing = facts.missing();
        if (missing.isEmpty()) return Optional.empty();
        return Optional.of(
                Reply.text(
                        Reply.Kind.ERROR,
                        "I can't post the daily tip in #"
                                + facts.name()
                                + ": I am missing "
                                + String.join(", ", missing)
                                + " there. Grant "
                                + (missing.size() == 1 ? "it" : "them")
                                + " to my role (or in the channel's permissions), then set the tips again."));
    }

    // ------------------------------------------------------------------ buttons

    void onButton(ButtonInteractionEvent event) {
        if (AutoAnswers.isRemove(event.getCustomId())) {
            autoAnswers.onRemove(event);
            return;
        }
        if (Ratings.isRating(event.getCustomId())) {
            ratings.onRate(event, event.getCustomId());
            return;
        }
        Interaction interaction = event.getInteraction();
        ButtonTarget.Parsed parsed = ButtonTarget.parse(event.getCustomId());
        boolean privately =
                !(parsed.target() instanceof ButtonTarget.Here)
                        || parsed.data().startsWith("/feedback");
        responder.respond(
                event,
                privately,
                () ->
                        switch (parsed.target()) {
                            case ButtonTarget.Here h -> here(interaction, parsed.data());
                            case ButtonTarget.UserDm d -> {
                                Address dm =
                                        DiscordPlaces.userDm(
                                                rest, interaction.getUser().getId().asLong());
                                Incoming in =
                                        new Incoming(
                                                dm,
                                                userId(interaction),
                                                parsed.data(),
                                                Rights.OWNER);
                                yield new InteractionResponder.Outcome(conversation.handle(in), d);
                            }
                            case ButtonTarget.Channel c -> {
                                Optional<Long> guild =
                                        interaction.getGuildId().map(s -> s.asLong());
                                if (guild.isEmpty())
                                    yield new InteractionResponder.Outcome(
                                            SERVER_ONLY, ButtonTarget.HERE);
                                if (!canManage(interaction))
                                    yield new InteractionResponder.Outcome(
                                            NOT_A_MANAGER, ButtonTarget.HERE);
                                Incoming in =
                                        new Incoming(
                                                DiscordPlaces.serverChannel(
                                                        c.channelId(), guild.get()),
                                                userId(interaction),
                                                parsed.data(),
                                                DiscordPlaces.rights(true));
                                yield new InteractionResponder.Outcome(conversation.handle(in), c);
                            }
                        });
    }

    // ------------------------------------------------------------------ autocomplete

    void onAutocomplete(ChatInputAutoCompleteEvent event) {
        List<ApplicationCommandOptionChoiceData> choices;
        try {
            ApplicationCommandInteractionOption focused = event.getFocusedOption();
            String typed =
                    focused.getValue()
                            .map(ApplicationCommandInteractionOptionValue::getRaw)
                            .orElse("");
            List<String> suggestions =
                    focused.getName().equals(SlashCommands.ZONE)
                            ? zones.suggest(typed, MAX_SUGGESTIONS)
                            : engine.suggest(
                                    typed.length() > 200 ? typed.substring(0, 200) : typed,
                                    MAX_SUGGESTIONS);
            choices = choices(suggestions);
        } catch (RuntimeException e) {
            log.warn("Discord autocomplete failed: {}", SafeErrors.describe(e));
            choices = List.of();
        }
        try {
            event.respondWithSuggestions(choices).block(REST_WAIT);
        } catch (RuntimeException e) {
            log.warn("Discord autocomplete response failed: {}", SafeErrors.describe(e));
        }
    }

    /** Discord: at most 25 choices, names and values 1–100 characters, names unique. */
    static List<ApplicationCommandOptionChoiceData> choices(List<String> suggestions) {
        Set<String> seen = new LinkedHashSet<>();
        for (String s : suggestions) {
            if (s == null) continue;
            String name = DiscordText.cut(s.strip(), MAX_SUGGESTION_CHARS);
            if (!name.isEmpty()) seen.add(name);
            if (seen.size() == MAX_SUGGESTIONS) break;
        }
        List<ApplicationCommandOptionChoiceData> out = new ArrayList<>();
        for (String name : seen)
            out.add(ApplicationCommandOptionChoiceData.builder().name(name).value(name).build());
        return out;
    }

    // ------------------------------------------------------------------ helpers

    private static Optional<String> string(
            List<ApplicationCommandInteractionOption> options, String name) {
        return options.stream()
                .filter(o -> o.getName().equals(name))
                .findFirst()
                .flatMap(ApplicationCommandInteractionOption::getValue)
                .map(ApplicationCommandInteractionOptionValue::getRaw)
                .map(String::strip)
                .filter(s -> !s.isEmpty());
    }

    static Address place(Interaction interaction) {
        return DiscordPlaces.channel(
                interaction.getChannelId().asLong(), interaction.getGuildId().map(s -> s.asLong()));
    }

    private static String userId(Interaction interaction) {
        return interaction.getUser().getId().asString();
    }

    /**
     * The member's permissions as the interaction carries them (computed by Discord for this
     * channel).
     */
    static boolean canManage(Interaction interaction) {
        InteractionData data = interaction.getData();
        Possible<MemberData> member = data.member();
        if (member.isAbsent()) return false;
        Possible<String> permissions = member.get().permissions();
        return DiscordPlaces.canManage(permissions.toOptional());
    }

    private static Rights rights(Interaction interaction) {
        if (interaction.getGuildId().isEmpty()) return Rights.OWNER;
        boolean manage = canManage(interaction);
        return () -> manage;
    }
}
