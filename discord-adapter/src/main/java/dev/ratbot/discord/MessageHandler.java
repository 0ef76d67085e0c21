package dev.ratbot.discord;

import dev.ratbot.conversation.Command;
import dev.ratbot.conversation.Conversation;
import dev.ratbot.conversation.Incoming;
import dev.ratbot.conversation.Rights;
import dev.ratbot.message.Address;
import dev.ratbot.message.Reply;
import discord4j.core.event.domain.message.MessageCreateEvent;
import discord4j.core.object.entity.Member;
import discord4j.core.object.entity.Message;
import discord4j.core.object.entity.User;
import discord4j.rest.RestClient;
import discord4j.rest.util.Permission;
import discord4j.rest.util.PermissionSet;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Messages to the bot: in a server, a message that mentions the bot is a question (the mention
 * removed) and the bot replies to it; in a direct message, every message is. Messages from bots and
 * webhooks are ignored. Replies go out over REST with no mentions allowed, as a reply to the
 * question without pinging its author.
 */
final class MessageHandler {

    private static final Logger log = LoggerFactory.getLogger(MessageHandler.class);
    private static final Duration REST_WAIT = Duration.ofSeconds(10);
    static final Reply YOU_ARE_WELCOME =
            Reply.text(Reply.Kind.INFO, "You're welcome! \uD83D\uDC00");

    private final Conversation conversation;
    private final ReplyRenderer renderer;
    private final RestClient rest;
    private final long botId;

    MessageHandler(Conversation conversation, ReplyRenderer renderer, RestClient rest, long botId) {
        this.conversation = conversation;
        this.renderer = renderer;
        this.rest = rest;
        this.botId = botId;
    }

    /**
     * Whether the message is for the bot: cheap, so the gateway thread can drop the bulk of server
     * messages (which arrive because of the guild-messages intent) before any work is scheduled.
     */
    boolean isForBot(MessageCreateEvent event) {
        Message message = event.getMessage();
        Optional<User> author = message.getAuthor();
        if (author.isEmpty() || author.get().isBot() || message.getWebhookId().isPresent())
            return false;
        if (author.get().getId().asLong() == botId) return false;
        return event.getGuildId().isEmpty() || mentionsBot(message) || repliesToBot(message);
    }

    private boolean mentionsBot(Message message) {
        return message.getUserMentionIds().stream().anyMatch(id -> id.asLong() == botId);
    }

    /** A reply to one of the bot's own messages (Discord sends the replied-to message along). */
    private boolean repliesToBot(Message message) {
        return message.getReferencedMessage()
                .flatMap(Message::getAuthor)
                .map(a -> a.getId().asLong() == botId)
                .orElse(false);
    }

    void onMessage(MessageCreateEvent event) {
        if (!isForBot(event)) return;
        Message message = event.getMessage();
        Optional<User> author = message.getAuthor();
        Optional<Long> guild = event.getGuildId().map(s -> s.asLong());

        // The bot's mention and anyone else's go: they say who is asked, not what about.
        String text = QuestionText.withoutMarkup(message.getContent()).strip();
        long channelId = message.getChannelId().asLong();
        Address address = DiscordPlaces.channel(channelId, guild);
        Rights rights = guild.isEmpty() ? Rights.OWNER : memberRights(event.getMember());
        Incoming in = new Incoming(address, author.get().getId().asString(), text, rights);
        Optional<Reply> reply;
        if (text.isEmpty()) {
            // A bare mention asks what the bot can do; a reply without a mention and without
            // content (no Message
            // Content intent) is nothing to answer.
            reply =
                    mentionsBot(message)
                            ? conversation.handle(in, new Command.Help())
                            : Optional.empty();
        } else {
            reply =
                    switch (Gratitude.of(text)) {
                        case THANKS -> Optional.of(YOU_ARE_WELCOME);
                        case REACTION -> Optional.empty();
                        case NEITHER -> conversation.handle(in);
                    };
        }

        List<DiscordMessage> messages = reply.map(renderer::render).orElse(List.of());
        for (int i = 0; i < messages.size(); i++) {
            Optional<Long> replyTo =
                    i == 0 ? Optional.of(message.getId().asLong()) : Optional.empty();
            try {
                rest.getChannelService()
                        .createMessage(
                                channelId, messages.get(i).asChannelMessage(replyTo).asRequest())
                        .block(REST_WAIT);
            } catch (RuntimeException e) {
                log.warn(
                        "Discord reply in channel {} failed: {}",
                        channelId,
                        SafeErrors.describe(e));
                return;
            }
        }
    }

    /**
     * Asked only when the text is a settings command: Manage Server or Administrator, from the
     * guild's roles.
     */
    private static Rights memberRights(Optional<Member> member) {
        return () ->
                member.map(
                                m -> {
                                    try {
                                        PermissionSet permissions =
                                                m.getBasePermissions().block(REST_WAIT);
                                        return permissions != null
                                                && (permissions.contains(Permission.MANAGE_GUILD)
                                                        || permissions.contains(
                                                                Permission.ADMINISTRATOR));
                                    } catch (RuntimeException e) {
                                        log.warn(
                                                "Discord member permissions unavailable: {}",
                                                SafeErrors.describe(e));
                                        return false;
                                    }
                                })
                        .orElse(false);
    }
}
