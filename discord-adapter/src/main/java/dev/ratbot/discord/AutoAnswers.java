package dev.ratbot.discord;

import dev.ratbot.conversation.AnsweredQuestion;
import dev.ratbot.conversation.Command;
import dev.ratbot.conversation.Conversation;
import dev.ratbot.conversation.Incoming;
import dev.ratbot.discord.HelpChannelStore.HelpChannel;
import dev.ratbot.discord.HelpChannelStore.Kind;
import dev.ratbot.message.Platform;
import dev.ratbot.message.Reply;
import discord4j.core.event.domain.interaction.ButtonInteractionEvent;
import discord4j.core.event.domain.message.MessageCreateEvent;
import discord4j.core.object.command.ApplicationCommandInteractionOption;
import discord4j.core.object.command.Interaction;
import discord4j.core.object.component.ActionRow;
import discord4j.core.object.component.Button;
import discord4j.core.object.component.TopLevelMessageComponent;
import discord4j.core.object.entity.Message;
import discord4j.core.object.entity.User;
import discord4j.rest.RestClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Help channels that answer themselves. A Manage Server holder opts a forum or text channel in with
 * {@code /autoanswer channel}; then each new forum post (in its thread) or each new top-level
 * message of the text channel (as a reply) gets at most one answer, and only when the guide covers
 * the question: silence otherwise. Every auto-answer carries 👍/👎 and "Not helpful, remove", which
 * the post's author or a moderator may press to delete it. Never answers bots, webhooks or itself;
 * respects slowmode and the bot's channel permissions. Reading posts that do not mention the bot
 * needs the privileged Message Content intent, which the operator switches on.
 */
final class AutoAnswers {

    static final String REMOVE = "/autoremove ";

    /** Moderators may remove an auto-answer: Manage Messages, Manage Server or Administrator. */
    private static final long MANAGE_MESSAGES = 1L << 13;

    private static final int DEFAULT_MESSAGE = 0;
    private static final Duration REST_WAIT = Duration.ofSeconds(10);
    private static final Duration KEEP_LOOKUP = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(AutoAnswers.class);

    static final Reply NEEDS_MESSAGE_CONTENT =
            Reply.text(
                    Reply.Kind.ERROR,
                    "I can't read posts that don't mention me yet: that needs Discord's Message Content intent, which this bot's "
                            + "operator has not switched on.",
                    "Operator: enable \u201CMessage Content Intent\u201D on the Bot page of the Discord Developer Portal and start Ratbot "
                            + "with DISCORD_MESSAGE_CONTENT=true. Until then, members can ask with /ask, a mention, or \u201CAsk Ratbot\u201D "
                            + "on any message.");
    static final Reply NOT_A_MANAGER =
            Reply.text(
                    Reply.Kind.ERROR,
                    "Only members with the Manage Server permission can choose which channels I answer by myself.");
    static final Reply NOT_YOURS =
            Reply.text(
                    Reply.Kind.ERROR,
                    "Only the author of the post or a moderator can remove this answer. \uD83D\uDC4E tells me it didn't help.");

    private record Lookup(Optional<HelpChannel> channel, Instant until) {}

    private final Conversation conversation;
    private final ReplyRenderer renderer;
    private final RestClient rest;
    private final HelpChannelStore store;
    private final BotPermissions permissions;
    private final Clock clock;
    private final long botId;
    private final boolean messageContent;
    private final Map<Long, Lookup> lookups = new ConcurrentHashMap<>();

    /** When the bot last auto-answered in a text channel, for its slowmode. */
    private final Map<Long, Instant> lastAnswer = new ConcurrentHashMap<>();

    AutoAnswers(
            Conversation conversation,
            ReplyRenderer renderer,
            RestClient rest,
            HelpChannelStore store,
            BotPermissions permissions,
            Clock clock,
            long botId,
            boolean messageContent) {
        this.conversation = conversation;
        this.renderer = renderer;
        this.rest = rest;
        this.store = store;
        this.permissions = permissions;
        this.clock = clock;
        this.botId = botId;
        this.messageContent = messageContent;
    }

    // ------------------------------------------------------------------ /autoanswer

    Reply command(Interaction interaction, List<ApplicationCommandInteractionOption> options) {
        Optional<Long> guild = interaction.getGuildId().map(s -> s.asLong());
        if (guild.isEmpty())
            return Reply.text(Reply.Kind.ERROR, "/autoanswer works in a server's help channels.");
        if (!InteractionHandler.canManage(interaction)) return NOT_A_MANAGER;
        ApplicationCommandInteractionOption sub = options.isEmpty() ? null : options.get(0);
        String name = sub == null ? SlashCommands.TIPS_STATUS : sub.getName();
        Optional<Long> channel =
                sub == null
                        ? Optional.empty()
                        : sub.getOption(SlashCommands.CHANNEL)
                                .flatMap(ApplicationCommandInteractionOption::getValue)
                                .map(v -> v.asSnowflake().asLong());
        return switch (name) {
            case SlashCommands.TIPS_CHANNEL ->
                    optIn(
                            guild.get(),
                            channel.orElse(interaction.getChannelId().asLong()),
                            interaction.getUser().getId().asLong());
            case SlashCommands.TIPS_OFF -> optOut(guild.get(), channel);
            default -> status(guild.get());
        };
    }

    private Reply optIn(long guild, long channel, long by) {
        if (!messageContent) return NEEDS_MESSAGE_CONTENT;
        BotPermissions.ChannelFacts facts;
        try {
            facts = permissions.fresh(guild, channel);
        } catch (RuntimeException e) {
            return Reply.text(
                    Reply.Kind.ERROR,
                    "I can't see that channel ("
                            + SendFailures.reason(e)
                            + "). "
                            + "Give me View Channel there and try again.");
        }
        if (!(facts.isForum() || facts.type() == BotPermissions.TEXT)) {
            return Reply.text(
                    Reply.Kind.ERROR,
                    "Choose a forum or a text channel: I answer each new post there.");
        }
        List<String> missing = facts.missingToAnswer();
        if (!missing.isEmpty()) {
            return Reply.text(
                    Reply.Kind.ERROR,
                    "I can't answer in #"
                            + facts.name()
                            + ": I am missing "
                            + String.join(", ", missing)
                            + " there. Grant "
                            + (missing.size() == 1 ? "it" : "them")
                            + " to my role (or in the channel's permissions) and try again.");
        }
        store.optIn(
                new HelpChannel(guild, channel, facts.isForum() ? Kind.FORUM : Kind.TEXT, by),
                clock.instant());
        lookups.remove(channel);
        return Reply.text(
                Reply.Kind.SETTINGS,
                "Done: I'll answer each new "
                        + (facts.isForum() ? "post" : "message")
                        + " in #"
                        + facts.name()
                        + " once, "
                        + (facts.isForum() ? "in its thread, " : "as a reply, ")
                        + "but only when the guide covers it; otherwise I stay quiet.",
                "The author or a moderator can remove an answer with its \u201CNot helpful, remove\u201D button. /autoanswer off stops it.");
    }

    private Reply optOut(long guild, Optional<Long> channel) {
        lookups.clear();
        if (channel.isPresent()) {
            return store.optOut(guild, channel.get())
                    ? Reply.text(
                            Reply.Kind.SETTINGS,
                            "Done: I no longer answer by myself in #"
                                    + name(guild, channel.get())
                                    + ".")
                    : Reply.text(
                            Reply.Kind.SETTINGS,
                            "I wasn't answering by myself in #" + name(guild, channel.get()) + ".");
        }
        int n = store.optOutAll(guild);
        return Reply.text(
                Reply.Kind.SETTINGS,
                n == 0
                        ? "I wasn't answering by myself anywhere on this server."
                        : "Done: I no longer answer by myself in "
                                + (n == 1 ? "the one channel" : "any of the " + n + " channels")
                                + " on this server.");
    }

    private Reply status(long guild) {
        List<HelpChannel> channels = store.channels(guild);
        List<String> lines = new ArrayList<>();
        lines.add(
                channels.isEmpty()
                        ? "I don't answer by myself anywhere on this server. /autoanswer channel: picks a help forum or channel."
                        : "I answer new posts by myself in: "
                                + channels.stream()
                                        .map(c -> "#" + name(guild, c.channelId()))
                                        .collect(Collectors.joining(", "))
                                + ".");
        if (!messageContent) lines.add(NEEDS_MESSAGE_CONTENT.plainText());
        return Reply.text(Reply.Kind.SETTINGS, lines.toArray(String[]::new));
    }

    /**
     * A channel's name for a reply (replies are plain text, so a {@code <#id>} mention would show
     * as typed).
     */
    private String name(long guild, long channel) {
        try {
            String name = permissions.of(guild, channel).name();
            return name.isEmpty() ? Long.toUnsignedString(channel) : name;
        } catch (RuntimeException e) {
            return Long.toUnsignedString(channel);
        }
    }

    // ------------------------------------------------------------------ new posts

    /**
     * Cheap: could this message be a new post in a help channel? (Only with Message Content; never
     * bots, webhooks, the bot.)
     */
    boolean isCandidate(MessageCreateEvent event) {
        if (!messageContent || event.getGuildId().isEmpty()) return false;
        Message m = event.getMessage();
        Optional<User> author = m.getAuthor();
        if (author.isEmpty()
                || author.get().isBot()
                || m.getWebhookId().isPresent()
                || author.get().getId().asLong() == botId) return false;
        if (m.getUserMentionIds().stream().anyMatch(id -> id.asLong() == botId))
            return false; // a question to the bot: answered anyway
        boolean forumStarter = m.getId().equals(m.getChannelId());
        return forumStarter
                || (m.getData().type() == DEFAULT_MESSAGE
                        && helpChannel(m.getChannelId().asLong())
                                .filter(c -> c.kind() == Kind.TEXT)
                                .isPresent());
    }

    void onMessage(MessageCreateEvent event) {
        Message m = event.getMessage();
        long guild = event.getGuildId().orElseThrow().asLong();
        long channel = m.getChannelId().asLong();
        long post = m.getId().asLong();
        boolean forum = post == channel;
        BotPermissions.ChannelFacts facts;
        String question;
        if (forum) {
            facts = permissions.of(guild, channel);
            Optional<HelpChannel> help =
                    facts.parentId().flatMap(this::helpChannel).filter(c -> c.kind() == Kind.FORUM);
            if (help.isEmpty()) return;
            question = QuestionText.of(facts.name() + "\n" + m.getContent());
        } else {
            facts = permissions.of(guild, channel);
            question = QuestionText.of(m.getContent());
        }
        if (question.isEmpty() || !store.claimPost(post, channel, guild, clock.instant())) return;
        AnsweredQuestion asked = conversation.ask(Platform.DISCORD, question);
        if (!asked.answer().answered()) {
            log.debug(
                    "Discord: post {} in {} not covered by the guide; no auto-answer",
                    post,
                    channel);
            return;
        }
        List<String> missing = facts.missingToAnswer();
        if (!missing.isEmpty()) {
            log.info("Discord: cannot auto-answer in channel {}: missing {}", channel, missing);
            return;
        }
        if (!forum && facts.slowmodeSeconds() > 0) {
            Instant last = lastAnswer.get(channel);
            if (last != null
                    && clock.instant().isBefore(last.plusSeconds(facts.slowmodeSeconds()))) {
                log.info(
                        "Discord: slowmode in channel {}; post {} not auto-answered",
                        channel,
                        post);
                return;
            }
        }
        String author = m.getAuthor().map(a -> a.getId().asString()).orElse("0");
        List<DiscordMessage> messages = renderer.render(asked.reply().withPrivate(false));
        try {
            for (int i = 0; i < messages.size(); i++) {
                DiscordMessage out = messages.get(i);
                if (i == messages.size() - 1) out = withRemoveButton(out, author);
                Optional<Long> replyTo = !forum && i == 0 ? Optional.of(post) : Optional.empty();
                rest.getChannelService()
                        .createMessage(channel, out.asChannelMessage(replyTo).asRequest())
                        .block(REST_WAIT);
            }
            lastAnswer.put(channel, clock.instant());
        } catch (RuntimeException e) {
            log.info(
                    "Discord: auto-answer to post {} in channel {} failed: {}",
                    post,
                    channel,
                    SendFailures.reason(e));
            permissions.forget(channel);
        }
    }

    private static DiscordMessage withRemoveButton(DiscordMessage message, String authorId) {
        List<TopLevelMessageComponent> rows = new ArrayList<>(message.components());
        rows.add(ActionRow.of(Button.danger(REMOVE + authorId, "Not helpful, remove")));
        return new DiscordMessage(message.content(), message.embeds(), rows, false);
    }

    private Optional<HelpChannel> helpChannel(long channelId) {
        Lookup l = lookups.get(channelId);
        Instant now = clock.instant();
        if (l != null && now.isBefore(l.until())) return l.channel();
        Optional<HelpChannel> found = store.find(channelId);
        lookups.put(channelId, new Lookup(found, now.plus(KEEP_LOOKUP)));
        return found;
    }

    // ------------------------------------------------------------------ "Not helpful, remove"

    static boolean isRemove(String customId) {
        return customId != null && customId.startsWith(REMOVE);
    }

    /**
     * Deletes the auto-answer when the post's author or a moderator presses its remove button;
     * refuses anyone else.
     */
    void onRemove(ButtonInteractionEvent event) {
        Interaction interaction = event.getInteraction();
        String author = event.getCustomId().substring(REMOVE.length()).strip();
        boolean isAuthor = interaction.getUser().getId().asString().equals(author);
        boolean moderator = interaction.getMember().isPresent() && moderator(interaction);
        try {
            if (!isAuthor && !moderator) {
                event.reply(renderer.render(NOT_YOURS).get(0).asInteractionReply())
                        .block(REST_WAIT);
                return;
            }
            Optional<Message> message = event.getMessage();
            if (message.isEmpty()) {
                event.reply(
                                renderer.render(
                                                Reply.text(
                                                        Reply.Kind.ERROR,
                                                        "That answer is already gone."))
                                        .get(0)
                                        .asInteractionReply())
                        .block(REST_WAIT);
                return;
            }
            feedbackKey(message.get())
                    .ifPresent(
                            key ->
                                    conversation.handle(
                                            new Incoming(
                                                    InteractionHandler.place(interaction),
                                                    interaction.getUser().getId().asString(),
                                                    "",
                                                    null),
                                            new Command.Feedback(key, false)));
            rest.getChannelService()
                    .deleteMessage(
                            message.get().getChannelId().asLong(),
                            message.get().getId().asLong(),
                            "auto-answer removed as not helpful")
                    .block(REST_WAIT);
            event.reply(
                            renderer.render(
                                            Reply.text(
                                                    Reply.Kind.SETTINGS,
                                                    "Removed. Thanks for telling me it didn't help."))
                                    .get(0)
                                    .asInteractionReply())
                    .block(REST_WAIT);
        } catch (RuntimeException e) {
            log.warn("Discord: removing an auto-answer failed: {}", SafeErrors.describe(e));
        }
    }

    private static boolean moderator(Interaction interaction) {
        Optional<String> bits =
                interaction
                        .getData()
                        .member()
                        .toOptional()
                        .flatMap(m -> m.permissions().toOptional());
        if (DiscordPlaces.canManage(bits)) return true;
        try {
            return bits.isPresent()
                    && (Long.parseUnsignedLong(bits.get().strip()) & MANAGE_MESSAGES) != 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The answer's key, from its 👎 button ("/feedback KEY down"). */
    private static Optional<String> feedbackKey(Message message) {
        return message.getData().components().toOptional().orElse(List.of()).stream()
                .flatMap(row -> row.components().toOptional().orElse(List.of()).stream())
                .map(c -> c.customId().toOptional().orElse(""))
                .filter(id -> id.startsWith("/feedback ") && id.endsWith(" down"))
                .map(id -> id.split(" ")[1])
                .findFirst();
    }
}
