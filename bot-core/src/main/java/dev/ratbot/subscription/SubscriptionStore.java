package dev.ratbot.subscription;

import dev.ratbot.message.Address;
import dev.ratbot.message.Platform;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * Keeps subscriptions, one per address. Implementations: an in-memory twin, SQLite and PostgreSQL,
 * all passing the same contract tests.
 */
public interface SubscriptionStore {

    /**
     * Creates the address's subscription, or updates its time and zone and makes it active again;
     * never a second one for the same address.
     */
    Subscription subscribe(Address address, LocalTime localTime, ZoneId zone, String createdBy);

    Optional<Subscription> find(Address address);

    /**
     * The user's /pause (true) or /resume (false): sets PAUSED or ACTIVE and clears any reason the
     * bot paused it for; returns the updated subscription, empty when there is none or it has
     * stopped.
     */
    Optional<Subscription> setPaused(Address address, boolean paused);

    /**
     * The bot pauses the subscription because the chat cannot take messages for now (see {@link
     * PauseReason}). An active or bot-paused one becomes PAUSED with this reason; one the user
     * paused stays as the user left it. Returns the subscription as it now is, empty when there is
     * none or it has stopped.
     */
    Optional<Subscription> pause(Address address, PauseReason reason);

    /**
     * Stops the subscription with a reason ("unsubscribed", "blocked by the user"); empty when
     * there is none.
     */
    Optional<Subscription> stop(Address address, String reason);

    /**
     * Every subscription of one chat, whatever its thread (forum topics), stopped ones included;
     * ordered by id.
     */
    List<Subscription> inChat(Platform platform, String chatId);

    /**
     * Every subscription of one server (a Discord guild: its channels and threads), stopped ones
     * included; ordered by id. Used when the bot is removed from a server, to pause them all at
     * once.
     */
    List<Subscription> inServer(Platform platform, String serverId);

    /**
     * The chat now lives under another id (a Telegram group upgraded to a supergroup): every
     * subscription of {@code fromChatId} moves there, keeping its id, settings and status. One
     * whose place is already taken by a subscription of the new chat stops instead ("moved to chat
     * ..., which has its own subscription"). Returns the subscriptions as they now are (moved or
     * stopped), ordered by id.
     */
    List<Subscription> moveChat(Platform platform, String fromChatId, String toChatId);
}
