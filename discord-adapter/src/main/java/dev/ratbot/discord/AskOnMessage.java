package dev.ratbot.discord;

import dev.ratbot.conversation.AnsweredQuestion;
import dev.ratbot.conversation.Conversation;
import dev.ratbot.message.Platform;
import dev.ratbot.message.Reply;
import discord4j.core.event.domain.interaction.MessageInteractionEvent;
import discord4j.core.object.entity.Message;
import discord4j.rest.RestClient;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Ask Ratbot" on any message (a message context-menu command): answers the message's text as a
 * reply to that message, visible to everyone, when the guide covers it; when it does not, only the
 * member who asked sees the refusal, so that nobody's question is publicly brushed off. The
 * interaction is deferred privately at once and its placeholder removed once the public reply is
 * out.
 */
final class AskOnMessage {

    private static final Logger log = LoggerFactory.getLogger(AskOnMessage.class);
    private static final Duration REST_WAIT = Duration.ofSeconds(10);
    static final Reply NO_TEXT =
            Reply.text(Reply.Kind.ERROR, "That message has no text I could answer.");

    private final Conversation conversation;
    private final ReplyRenderer renderer;
    private final RestClient rest;

    AskOnMessage(Conversation conversation, ReplyRenderer renderer, RestClient rest) {
        this.conversation = conversation;
        this.renderer = renderer;
        this.rest = rest;
    }

    void onMessageCommand(MessageInteractionEvent event) {
        try {
            event.deferReply().withEphemeral(true).block(REST_WAIT);
            Message target = event.getResolvedMessage();
            String question = QuestionText.of(target.getContent());
            if (question.isEmpty()) {
                privately(event, NO_TEXT);
                return;
            }
            AnsweredQuestion asked = conversation.ask(Platform.DISCORD, question);
            if (!asked.answer().answered()) {
                privately(event, asked.reply().withPrivate(true));
                return;
            }
            long channel = target.getChannelId().asLong();
            List<DiscordMessage> messages = renderer.render(asked.reply().withPrivate(false));
            try {
                for (int i = 0; i < messages.size(); i++) {
                    Optional<Long> replyTo =
                            i == 0 ? Optional.of(target.getId().asLong()) : Optional.empty();
                    rest.getChannelService()
                            .createMessage(
                                    channel, messages.get(i).asChannelMessage(replyTo).asRequest())
                            .block(REST_WAIT);
                }
                event.deleteReply().block(REST_WAIT);
            } catch (RuntimeException e) {
                // The bot may not post in this channel: the member still gets the answer,
                // privately, and why.
                log.info(
                        "Discord: Ask Ratbot could not reply in channel {}: {}",
                        channel,
                        SafeErrors.describe(e));
                privately(
                        event,
                        Reply.text(
                                Reply.Kind.ERROR,
                                "I can't post in this channel ("
                                        + SendFailures.reason(e)
                                        + "), so here is the answer just for you."));
                for (DiscordMessage m : renderer.render(asked.reply().withPrivate(true)))
                    event.createFollowup(m.asFollowup()).block(REST_WAIT);
            }
        } catch (RuntimeException e) {
            log.warn(
                    "Discord: Ask Ratbot on interaction {} failed: {}",
                    event.getInteraction().getId().asString(),
                    SafeErrors.describe(e));
        }
    }

    private void privately(MessageInteractionEvent event, Reply reply) {
        List<DiscordMessage> messages = renderer.render(reply.withPrivate(true));
        event.editReply(messages.get(0).asReplyEdit()).block(REST_WAIT);
        for (DiscordMessage extra : messages.subList(1, messages.size()))
            event.createFollowup(extra.asFollowup()).block(REST_WAIT);
    }
}
