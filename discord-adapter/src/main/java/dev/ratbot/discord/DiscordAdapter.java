package dev.ratbot.discord;

import dev.ratbot.answer.AnswerEngine;
import dev.ratbot.conversation.Conversation;
import dev.ratbot.fault.Bugs;
import dev.ratbot.feedback.AnswerLog;
import dev.ratbot.inbox.ChatLanes;
import dev.ratbot.message.MessageSender;
import dev.ratbot.subscription.SubscriptionStore;
import discord4j.common.close.CloseException;
import discord4j.core.DiscordClient;
import discord4j.core.GatewayDiscordClient;
import discord4j.core.event.EventDispatcher;
import discord4j.core.event.domain.Event;
import discord4j.core.event.domain.guild.GuildDeleteEvent;
import discord4j.core.event.domain.interaction.ButtonInteractionEvent;
import discord4j.core.event.domain.interaction.ChatInputAutoCompleteEvent;
import discord4j.core.event.domain.interaction.ChatInputInteractionEvent;
import discord4j.core.event.domain.interaction.InteractionCreateEvent;
import discord4j.core.event.domain.interaction.MessageInteractionEvent;
import discord4j.core.event.domain.lifecycle.ConnectEvent;
import discord4j.core.event.domain.lifecycle.DisconnectEvent;
import discord4j.core.event.domain.lifecycle.GatewayLifecycleEvent;
import discord4j.core.event.domain.lifecycle.ReconnectEvent;
import discord4j.core.event.domain.lifecycle.ReconnectStartEvent;
import discord4j.core.event.domain.message.MessageCreateEvent;
import discord4j.discordjson.json.ApplicationCommandData;
import discord4j.gateway.intent.Intent;
import discord4j.gateway.intent.IntentSet;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;

/**
 * Ratbot on Discord: connects the configured gateway shards with only the intents it needs (guilds,
 * guild messages for mentions, direct messages), registers the slash commands, and translates
 * between Discord4J and the core {@link Conversation}. Also provides the {@link MessageSender} for
 * daily tips, which works over REST whether or not the gateway is connected (any instance can send
 * to any channel).
 *
 * <p>Lifecycle: construct, {@link #start()} once, {@link #close()} once. Event handling runs on
 * virtual threads; the class is thread-safe.
 */
public final class DiscordAdapter implements AutoCloseable {

    /**
     * Guild messages only arrive to see mentions of the bot; their content is delivered for those
     * without MESSAGE_CONTENT.
     */
    static final IntentSet INTENTS =
            IntentSet.of(Intent.GUILDS, Intent.GUILD_MESSAGES, Intent.DIRECT_MESSAGES);

    /** Channels handled at once; a channel's own events always run one at a time, in order. */
    static final int MAX_PARALLEL_CHANNELS = 64;

    /**
     * Events waiting in all lanes together; beyond it an event is dropped (logged) rather than
     * memory exhausted.
     */
    static final int MAX_QUEUED_EVENTS = 10_000;

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    private static final Logger log = LoggerFactory.getLogger(DiscordAdapter.class);

    private final DiscordSettings settings;
    private final DiscordClient client;
    private final ReplyRenderer renderer = new ReplyRenderer();
    private final DiscordMessageSender sender;
    private final ExecutorService workers =
            Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("discord-", 0).factory());
    private final InteractionHandler interactions;
    private final MessageHandler messages;
    private final AskOnMessage askOnMessage;
    private final AutoAnswers autoAnswers;
    private final ServerMembership membership;
    private final ChatLanes lanes;
    private final Set<Integer> connectedShards = ConcurrentHashMap.newKeySet();
    private final CountDownLatch firstConnect = new CountDownLatch(1);
    private volatile GatewayDiscordClient gateway;

    /** Shards connected one by one under leases (see {@link #startWithoutShards}). */
    private final java.util.Map<Integer, GatewayDiscordClient> leased = new java.util.HashMap<>();

    /**
     * Shards disconnected whose logout the gateway has not confirmed in time, with that logout: one
     * of them is not connected again until it completes.
     */
    private final java.util.Map<Integer, java.util.concurrent.CompletableFuture<Void>> closing =
            new java.util.HashMap<>();

    private volatile boolean leasing;

    /**
     * The close code of the last gateway disconnect, to explain a refused start (4014: a privileged
     * intent).
     */
    private volatile int lastCloseCode;

    private volatile boolean closed;
    private volatile Bugs bugs = Bugs.logged();

    /**
     * @param settings connection and timing settings
     * @param conversation the core conversation every question and command goes to
     * @param engine the answer engine, for {@code /ask} autocomplete
     */
    public DiscordAdapter(
            DiscordSettings settings,
            Conversation conversation,
            AnswerEngine engine,
            SubscriptionStore subscriptions,
            AnswerLog answers) {
        this(
                settings,
                conversation,
                engine,
                subscriptions,
                answers,
                new InMemoryHelpChannelStore(),
                Clock.systemUTC());
    }

    /**
     * @param subscriptions the conversation's subscription store: the adapter pauses a server's
     *     tips when the bot is removed from it, and finds who to tell when a channel refuses a tip
     * @param answers the conversation's answer log: ratings are recorded there, one per member and
     *     answer
     * @param helpChannels where {@code /autoanswer} keeps its channels and claimed posts (the
     *     shared database in {@code serve}, so that instances agree)
     * @param clock for caches and slowmode
     */
    public DiscordAdapter(
            DiscordSettings settings,
            Conversation conversation,
            AnswerEngine engine,
            SubscriptionStore subscriptions,
            AnswerLog answers,
            HelpChannelStore helpChannels,
            Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(conversation, "conversation");
        Objects.requireNonNull(engine, "engine");
        this.client = DiscordClients.create(settings);
        Objects.requireNonNull(subscriptions, "subscriptions");
        this.sender =
                new DiscordMessageSender(
                        client,
                        renderer,
                        settings.sendTimeout(),
                        new SetUpNotice(client, subscriptions, settings.sendTimeout()));
        this.membership = new ServerMembership(subscriptions);
        InteractionResponder responder =
                new InteractionResponder(renderer, workers, settings.deferAfter());
        BotPermissions permissions = new BotPermissions(client, settings.botId(), clock);
        this.autoAnswers =
                new AutoAnswers(
                        conversation,
                        renderer,
                        client,
                        Objects.requireNonNull(helpChannels, "helpChannels"),
                        permissions,
                        clock,
                        settings.botId(),
                        settings.messageContent());
        this.interactions =
                new InteractionHandler(
                        conversation,
                        engine,
                        client,
                        responder,
                        autoAnswers,
                        permissions,
                        subscriptions,
                        new Ratings(Objects.requireNonNull(answers, "answers"), renderer));
        this.messages = new MessageHandler(conversation, renderer, client, settings.botId());
        this.askOnMessage = new AskOnMessage(conversation, renderer, client);
        this.lanes = new ChatLanes("discord", MAX_PARALLEL_CHANNELS, MAX_QUEUED_EVENTS);
    }

    /**
     * Registers the slash commands (a bulk overwrite: idempotent), then connects this instance's
     * shards and returns once they are connected (with several shards, once the first is).
     *
     * @throws DiscordStartException when Discord refuses the token, cannot be reached, or does not
     *     answer within a minute
     */
    public synchronized void start() {
        if (closed) throw new IllegalStateException("closed");
        if (gateway != null) throw new IllegalStateException("already started");
        log.info("Discord: starting with {}", settings);
        try {
            registerCommands();
            gateway =
                    client.gateway()
                            .setEnabledIntents(intents())
                            .setSharding(settings.sharding().strategy())
                            .withEventDispatcher(this::listen)
                            .login()
                            .block(START_TIMEOUT);
        } catch (RuntimeException e) {
            throw new DiscordStartException(
                    "Discord: could not start: " + SafeErrors.describe(e) + closeHint(e),
                    e,
                    worthRetrying(e));
        }
        if (gateway == null)
            throw new DiscordStartException(
                    "Discord: no gateway connection within " + START_TIMEOUT.toSeconds() + " s",
                    null);
        awaitFirstConnectEvent();
        log.info("Discord: connected as bot {}", gateway.getSelfId().asString());
    }

    /**
     * Starts without connecting any shard, for instances that claim shards themselves ({@link
     * #connectShard}, {@link #disconnectShard}): registers the slash commands (idempotent, so every
     * instance may do it).
     *
     * @throws DiscordStartException when Discord refuses the token or cannot be reached
     */
    public synchronized void startWithoutShards() {
        if (closed) throw new IllegalStateException("closed");
        log.info("Discord: starting with {}; shards are claimed as leases", settings);
        try {
            registerCommands();
        } catch (RuntimeException e) {
            throw new DiscordStartException(
                    "Discord: could not start: " + SafeErrors.describe(e), e);
        }
        leasing = true;
    }

    /**
     * The number of shards Discord recommends for this bot (for a lease table when DISCORD_SHARDS
     * is auto).
     */
    public int recommendedShardCount() {
        var bot = client.getGatewayService().getGatewayBot().block(START_TIMEOUT);
        return bot == null ? 1 : Math.max(1, bot.shards().toOptional().orElse(1));
    }

    /**
     * Connects one shard of {@code count} on its own gateway connection; blocks until it is
     * connected.
     */
    public void connectShard(int index, int count) {
        synchronized (this) {
            if (closed || !leasing || leased.containsKey(index)) return;
            if (closing.containsKey(index))
                throw new DiscordStartException(
                        "Discord: shard " + index + " is still closing", null, false);
        }
        GatewayDiscordClient g;
        try {
            g =
                    client.gateway()
                            .setEnabledIntents(intents())
                            .setSharding(
                                    discord4j.core.shard.ShardingStrategy.builder()
                                            .count(count)
                                            .indices(index)
                                            .build())
                            .withEventDispatcher(this::listen)
                            .login()
                            .block(START_TIMEOUT);
        } catch (RuntimeException e) {
            throw new DiscordStartException(
                    "Discord: shard "
                            + index
                            + " could not connect: "
                            + SafeErrors.describe(e)
                            + closeHint(e),
                    e,
                    worthRetrying(e));
        }
        if (g == null)
            throw new DiscordStartException("Discord: shard " + index + " did not connect", null);
        synchronized (this) {
            if (closed) {
                g.logout().block(STOP_TIMEOUT);
                return;
            }
            leased.put(index, g);
        }
        log.info("Discord: shard {} of {} connected", index, count);
    }

    /**
     * Disconnects one leased shard (its lease is given up or lost) and waits up to {@code
     * STOP_TIMEOUT} for the gateway to confirm it.
     *
     * @return true when the shard is closed (or was not connected here); false when its logout is
     *     still under way: the connection may be open, so its lease must not go to another instance
     *     yet. Ask again later; the same logout is awaited, not a new one.
     */
    public boolean disconnectShard(int index) {
        java.util.concurrent.CompletableFuture<Void> logout;
        synchronized (this) {
            GatewayDiscordClient g = leased.remove(index);
            if (g != null) closing.put(index, g.logout().toFuture());
            logout = closing.get(index);
        }
        if (logout == null) return true;
        try {
            logout.get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            log.warn(
                    "Discord: shard {} is not closed after {}; still waiting", index, STOP_TIMEOUT);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            // A logout that fails has no connection left to close.
            log.warn(
                    "Discord: disconnecting shard {} failed: {}",
                    index,
                    SafeErrors.describe(e.getCause()));
        }
        synchronized (this) {
            closing.remove(index, logout);
        }
        connectedShards.remove(index);
        log.info("Discord: shard {} disconnected", index);
        return true;
    }

    /** The shards this instance holds as leases. */
    public synchronized Set<Integer> leasedShards() {
        return Set.copyOf(leased.keySet());
    }

    /** What the close code of a failed login means for the operator, when it is theirs to fix. */
    private String closeHint(RuntimeException failure) {
        return switch (closeCode(failure)) {
            case DISALLOWED_INTENTS ->
                    " (Discord closed with 4014, disallowed intents: DISCORD_MESSAGE_CONTENT=true needs"
                            + " Message Content Intent switched on under Privileged Gateway Intents on the Bot page of the Developer"
                            + " Portal; switch it on, or unset DISCORD_MESSAGE_CONTENT)";
            case INVALID_INTENTS -> " (Discord closed with 4013, invalid intents)";
            default -> "";
        };
    }

    private static final int INVALID_INTENTS = 4013,
            DISALLOWED_INTENTS = 4014,
            AUTHENTICATION_FAILED = 4004;

    /**
     * False when Discord refused (a 4xx answer; the gateway closed over the token or the intents):
     * the operator must fix it.
     */
    private boolean worthRetrying(RuntimeException e) {
        int code = closeCode(e);
        boolean gatewayRefused =
                code == AUTHENTICATION_FAILED
                        || code == INVALID_INTENTS
                        || code == DISALLOWED_INTENTS;
        return !gatewayRefused && !DiscordStartException.refused(e);
    }

    /**
     * The gateway's close code for a failed login. The login's own error carries it (a {@link
     * CloseException} in its causes); the {@link DisconnectEvent} that also records it is
     * dispatched on another thread and may not have arrived yet when the login fails, so it is only
     * the fallback.
     */
    private int closeCode(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause())
            if (t instanceof CloseException closed) return closed.getCode();
        return lastCloseCode;
    }

    private IntentSet intents() {
        return settings.messageContent()
                ? INTENTS.or(IntentSet.of(Intent.MESSAGE_CONTENT))
                : INTENTS;
    }

    /**
     * Login returns on the shard's state change; the matching event reaches {@link #track} a moment
     * later.
     */
    private void awaitFirstConnectEvent() {
        try {
            if (!firstConnect.await(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                throw new DiscordStartException(
                        "Discord: no shard connected within " + START_TIMEOUT.toSeconds() + " s",
                        null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DiscordStartException("Discord: interrupted while connecting", e);
        }
    }

    private void registerCommands() {
        long appId =
                Objects.requireNonNull(
                        client.getApplicationId().block(START_TIMEOUT), "application id");
        var service = client.getApplicationService();
        List<ApplicationCommandData> registered =
                settings.guildId().isPresent()
                        ? service.bulkOverwriteGuildApplicationCommand(
                                        appId, settings.guildId().get(), SlashCommands.all())
                                .collectList()
                                .block(START_TIMEOUT)
                        : service.bulkOverwriteGlobalApplicationCommand(appId, SlashCommands.all())
                                .collectList()
                                .block(START_TIMEOUT);
        log.info(
                "Discord: registered {} slash commands {}",
                registered == null ? 0 : registered.size(),
                settings.guildId().map(g -> "on server " + g).orElse("globally"));
    }

    /**
     * Subscribed before the shards connect, so no event is missed. One subscription for every type:
     * Discord4J delivers each {@code on(type)} subscription on a thread of its own, so with one per
     * type a channel's typed command and its slash command could reach the lane in either order.
     * Here a single thread sees the events in gateway order and only puts each on its channel's
     * lane; the lanes run the handlers on virtual threads.
     */
    private Flux<Event> listen(EventDispatcher events) {
        return events.on(Event.class).doOnNext(this::route);
    }

    /** Lane key of work that reads only (autocomplete): it runs at once, beside everything else. */
    private static final long OWN_LANE = -1;

    private static long channelOf(InteractionCreateEvent event) {
        return event.getInteraction().getChannelId().asLong();
    }

    /**
     * Puts an event's work on its lane. Cheap: the message filters read only the event and cached
     * help channels. A message that is both for the bot and a help-channel post gets both, in that
     * order.
     */
    private void route(Event event) {
        try {
            switch (event) {
                case ChatInputInteractionEvent e ->
                        enqueue(channelOf(e), () -> interactions.onChatInput(e));
                case ChatInputAutoCompleteEvent e ->
                        enqueue(OWN_LANE, () -> interactions.onAutocomplete(e));
                case ButtonInteractionEvent e ->
                        enqueue(channelOf(e), () -> interactions.onButton(e));
                case MessageInteractionEvent e ->
                        enqueue(channelOf(e), () -> askOnMessage.onMessageCommand(e));
                case MessageCreateEvent e -> {
                    long channel = e.getMessage().getChannelId().asLong();
                    if (messages.isForBot(e)) enqueue(channel, () -> messages.onMessage(e));
                    if (autoAnswers.isCandidate(e))
                        enqueue(channel, () -> autoAnswers.onMessage(e));
                }
                case GuildDeleteEvent e ->
                        enqueue(e.getGuildId().asLong(), () -> membership.onGuildDelete(e));
                case GatewayLifecycleEvent e -> track(e);
                default -> {}
            }
        } catch (RuntimeException e) {
            // The event loop is an edge: the bug is reported once and the next event is routed.
            bugs.caught("discord", e);
        }
    }

    /**
     * Queues work at the end of its lane (one at a time, in order), or hands it straight to a
     * worker for {@link #OWN_LANE}.
     */
    private void enqueue(long lane, Runnable handler) {
        if (closed) return;
        Runnable work =
                () -> {
                    try {
                        handler.run();
                    } catch (RuntimeException e) {
                        // The event loop is an edge: the bug is reported once and the next event
                        // is handled.
                        bugs.caught("discord", e);
                    }
                };
        try {
            if (lane == OWN_LANE) workers.execute(work);
            else if (!lanes.offer(Long.toUnsignedString(lane), work))
                log.warn("Discord: too many events queued; one dropped");
        } catch (RuntimeException rejected) {
            log.debug("Discord: event dropped while shutting down");
        }
    }

    private void track(GatewayLifecycleEvent event) {
        int shard = event.getShardInfo().getIndex();
        if (event instanceof ConnectEvent || event instanceof ReconnectEvent) {
            connectedShards.add(shard);
            firstConnect.countDown();
        }
        if (event instanceof DisconnectEvent || event instanceof ReconnectStartEvent)
            connectedShards.remove(shard);
        if (event instanceof DisconnectEvent d) lastCloseCode = d.getStatus().getCode();
    }

    /**
     * Where the event loop reports the exceptions it catches (bugs); by default they are only
     * logged.
     */
    public void reportBugsTo(Bugs to) {
        this.bugs = java.util.Objects.requireNonNull(to, "bugs");
    }

    /** The port for daily tips on Discord; usable before {@link #start()} and from any instance. */
    public MessageSender sender() {
        return sender;
    }

    /** Whether every shard this instance connected is connected now (for a readiness check). */
    public boolean connected() {
        if (leasing) {
            Set<Integer> held = leasedShards();
            return !closed && connectedShards.containsAll(held);
        }
        GatewayDiscordClient g = gateway;
        if (g == null || closed) return false;
        int expected = g.getGatewayClientGroup().getShardCount();
        int running =
                settings.sharding().runsAllShards()
                        ? expected
                        : settings.sharding().indices().size();
        return !connectedShards.isEmpty() && connectedShards.size() >= Math.min(running, expected);
    }

    /** The indices of the shards connected right now. */
    public Set<Integer> connectedShards() {
        return Set.copyOf(connectedShards);
    }

    /**
     * Disconnects every shard and stops handling events; in-flight handlers get a few seconds to
     * finish.
     */
    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        for (int index : leasedShards()) disconnectShard(index);
        GatewayDiscordClient g = gateway;
        if (g != null) {
            try {
                g.logout().block(STOP_TIMEOUT);
            } catch (RuntimeException e) {
                log.warn("Discord: logout failed: {}", SafeErrors.describe(e));
            }
        }
        lanes.close(STOP_TIMEOUT);
        workers.shutdown();
        try {
            if (!workers.awaitTermination(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS))
                workers.shutdownNow();
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
        connectedShards.clear();
        log.info("Discord: stopped");
    }
}
