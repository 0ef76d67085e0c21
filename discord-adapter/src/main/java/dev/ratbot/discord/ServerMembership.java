package dev.ratbot.discord;

import dev.ratbot.message.Platform;
import dev.ratbot.subscription.PauseReason;
import dev.ratbot.subscription.Subscription;
import dev.ratbot.subscription.SubscriptionStatus;
import dev.ratbot.subscription.SubscriptionStore;
import discord4j.core.event.domain.guild.GuildDeleteEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When the bot is removed from a server (GUILD_DELETE that is not an outage), every daily tip of
 * that server is paused at once, with a reason that /tips status shows when the bot is added back,
 * so nobody waits for a tip that fails silently. An outage (the server unavailable) changes
 * nothing.
 */
final class ServerMembership {

    static final PauseReason REMOVED = PauseReason.away("the bot was removed from this server");
    private static final Logger log = LoggerFactory.getLogger(ServerMembership.class);

    private final SubscriptionStore subscriptions;

    ServerMembership(SubscriptionStore subscriptions) {
        this.subscriptions = subscriptions;
    }

    void onGuildDelete(GuildDeleteEvent event) {
        if (event.isUnavailable()) return;
        String guild = event.getGuildId().asString();
        int paused = 0;
        for (Subscription s : subscriptions.inServer(Platform.DISCORD, guild)) {
            if (s.status() == SubscriptionStatus.STOPPED) continue;
            subscriptions.pause(s.address(), REMOVED);
            paused++;
        }
        log.info("Discord: removed from server {}; {} daily tip(s) paused", guild, paused);
    }
}
