package dev.ratbot.discord;

import dev.ratbot.message.Address;
import dev.ratbot.subscription.Subscription;
import dev.ratbot.subscription.SubscriptionStatus;
import dev.ratbot.subscription.SubscriptionStore;
import discord4j.discordjson.json.DMCreateRequest;
import discord4j.rest.RestClient;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the member who set up a server channel's daily tip, by DM, that Discord refused today's tip
 * and that the tip is paused, with the reason and how to bring it back. Only on the first refusal
 * (while the subscription is still active): the daily retries of a paused tip stay quiet. Best
 * effort: a member with closed DMs is not told.
 */
final class SetUpNotice {

    private static final Logger log = LoggerFactory.getLogger(SetUpNotice.class);

    private final RestClient rest;
    private final SubscriptionStore subscriptions;
    private final Duration timeout;

    SetUpNotice(RestClient rest, SubscriptionStore subscriptions, Duration timeout) {
        this.rest = rest;
        this.subscriptions = subscriptions;
        this.timeout = timeout;
    }

    void refused(Address channel, String reason) {
        if (!channel.group()) return;
        try {
            Optional<Subscription> s =
                    subscriptions
                            .find(channel)
                            .filter(x -> x.status() == SubscriptionStatus.ACTIVE);
            if (s.isEmpty() || !s.get().createdBy().matches("\\d{1,20}")) return;
            var dm =
                    rest.getUserService()
                            .createDM(
                                    DMCreateRequest.builder()
                                            .recipientId(s.get().createdBy())
                                            .build())
                            .block(timeout);
            if (dm == null) return;
            String text =
                    "I couldn't post today's daily tip in <#"
                            + channel.chatId()
                            + ">: "
                            + DiscordText.escape(reason)
                            + ".\n"
                            + "I've paused it and will try again at the next tip time. Once that is fixed, a member with Manage Server can "
                            + "also bring it back now with /resume channel: <#"
                            + channel.chatId()
                            + ">.";
            DiscordMessage message =
                    new DiscordMessage(
                            DiscordText.cut(text, ReplyRenderer.MAX_CONTENT),
                            List.of(),
                            List.of(),
                            false);
            rest.getChannelService()
                    .createMessage(
                            dm.id().asLong(),
                            message.asChannelMessage(Optional.empty()).asRequest())
                    .block(timeout);
        } catch (RuntimeException e) {
            log.info(
                    "Discord: could not tell the member who set up the tip in channel {}: {}",
                    channel.chatId(),
                    SendFailures.reason(e));
        }
    }
}
