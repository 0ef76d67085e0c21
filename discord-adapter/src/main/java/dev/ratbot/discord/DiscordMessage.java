package dev.ratbot.discord;

import discord4j.core.object.component.TopLevelMessageComponent;
import discord4j.core.spec.EmbedCreateSpec;
import discord4j.core.spec.InteractionApplicationCommandCallbackSpec;
import discord4j.core.spec.InteractionFollowupCreateSpec;
import discord4j.core.spec.InteractionReplyEditSpec;
import discord4j.core.spec.MessageCreateSpec;
import discord4j.discordjson.json.MessageReferenceData;
import discord4j.rest.util.AllowedMentions;
import java.util.List;
import java.util.Optional;

/**
 * One Discord message as the renderer built it, already within Discord's limits, and its
 * translation to each of Discord4J's specs. Every spec carries allowed mentions with an empty parse
 * list, so nothing in it pings anyone.
 *
 * @param content markdown content, possibly empty when the message has embeds
 * @param embeds at most ten embeds, 6000 characters in all
 * @param components action rows of buttons
 * @param ephemeral whether only the user who asked sees it (interactions only)
 */
record DiscordMessage(
        String content,
        List<EmbedCreateSpec> embeds,
        List<TopLevelMessageComponent> components,
        boolean ephemeral) {

    static final AllowedMentions NO_MENTIONS = AllowedMentions.suppressAll();

    DiscordMessage {
        content = content == null ? "" : content;
        embeds = List.copyOf(embeds);
        components = List.copyOf(components);
        if (content.isEmpty() && embeds.isEmpty())
            throw new IllegalArgumentException("empty message");
    }

    InteractionApplicationCommandCallbackSpec asInteractionReply() {
        var spec =
                InteractionApplicationCommandCallbackSpec.builder()
                        .allowedMentions(NO_MENTIONS)
                        .ephemeral(ephemeral)
                        .embeds(embeds)
                        .components(components);
        if (!content.isEmpty()) spec.content(content);
        return spec.build();
    }

    InteractionReplyEditSpec asReplyEdit() {
        var spec =
                InteractionReplyEditSpec.builder()
                        .allowedMentionsOrNull(NO_MENTIONS)
                        .embedsOrNull(embeds)
                        .componentsOrNull(components)
                        // An edit replaces the deferred "thinking…" message: clear its content
                        // unless we have some.
                        .contentOrNull(content.isEmpty() ? null : content);
        return spec.build();
    }

    InteractionFollowupCreateSpec asFollowup() {
        var spec =
                InteractionFollowupCreateSpec.builder()
                        .allowedMentions(NO_MENTIONS)
                        .ephemeral(ephemeral)
                        .embeds(embeds)
                        .components(components);
        if (!content.isEmpty()) spec.content(content);
        return spec.build();
    }

    /**
     * A channel message, optionally as a reply to {@code replyTo} (a mention) without pinging its
     * author.
     */
    MessageCreateSpec asChannelMessage(Optional<Long> replyTo) {
        var spec =
                MessageCreateSpec.builder()
                        .allowedMentions(NO_MENTIONS)
                        .embeds(embeds)
                        .components(components);
        if (!content.isEmpty()) spec.content(content);
        replyTo.ifPresent(
                id ->
                        spec.messageReference(
                                MessageReferenceData.builder()
                                        .messageId(id)
                                        .failIfNotExists(false)
                                        .build()));
        return spec.build();
    }
}
