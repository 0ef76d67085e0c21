package dev.ratbot.discord;

import dev.ratbot.message.Reply;
import dev.ratbot.message.SendResult;
import discord4j.core.object.component.TopLevelMessageComponent;
import discord4j.core.spec.EmbedCreateSpec;
import discord4j.discordjson.json.ForumThreadMessageParamsData;
import discord4j.discordjson.json.StartThreadInForumChannelRequest;
import discord4j.rest.RestClient;
import java.time.Duration;

/**
 * Posting in a forum channel: a message there is always the first of a new post (a thread) with a
 * title.
 */
final class Forum {

    /** Discord's limit for a thread's name. */
    static final int MAX_TITLE = 100;

    record Opened(SendResult result, long threadId) {}

    private Forum() {}

    /**
     * The post's title: the tip's first sentence (its text is what members scroll past), else the
     * reply's title.
     */
    static String title(Reply reply) {
        String text = reply.blocks().isEmpty() ? "" : reply.blocks().get(0).plainText().strip();
        int end = -1;
        for (int i = 0; i < text.length() - 1; i++) {
            char c = text.charAt(i);
            if ((c == '.' || c == '!' || c == '?') && Character.isWhitespace(text.charAt(i + 1))) {
                end = i + 1;
                break;
            }
        }
        String title = end > 0 ? text.substring(0, end) : text;
        if (title.isBlank()) title = reply.title().orElse("Daily tip");
        return DiscordText.cut(title.replaceAll("\\s+", " ").strip(), MAX_TITLE);
    }

    static Opened open(
            RestClient rest, long forumId, String title, DiscordMessage first, Duration timeout) {
        var message =
                ForumThreadMessageParamsData.builder()
                        .allowedMentions(DiscordMessage.NO_MENTIONS.toData())
                        .embeds(first.embeds().stream().map(EmbedCreateSpec::asRequest).toList())
                        .components(
                                first.components().stream()
                                        .map(TopLevelMessageComponent::getData)
                                        .toList());
        if (!first.content().isEmpty()) message.content(first.content());
        try {
            var thread =
                    rest.getChannelService()
                            .startThreadInForumChannel(
                                    forumId,
                                    StartThreadInForumChannelRequest.builder()
                                            .name(title)
                                            .message(message.build())
                                            .build())
                            .block(timeout);
            if (thread == null)
                return new Opened(new SendResult.Transient("Discord returned no post"), 0);
            return new Opened(new SendResult.Delivered(), thread.id().asLong());
        } catch (RuntimeException e) {
            return new Opened(SendFailures.classify(e, new RateLimitProbe(Duration.ZERO)), 0);
        }
    }
}
