package dev.ratbot.telegram;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ratbot.answer.AnswerEngine;
import dev.ratbot.conversation.Conversation;
import dev.ratbot.delivery.Pacer;
import dev.ratbot.inbox.ChatLanes;
import dev.ratbot.inbox.FloodControl;
import dev.ratbot.inbox.InMemoryUpdateInbox;
import dev.ratbot.inbox.UpdateInbox;
import dev.ratbot.message.MessageSender;
import dev.ratbot.message.Platform;
import dev.ratbot.subscription.SubscriptionStore;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.interfaces.LongPollingUpdateConsumer;
import org.telegram.telegrambots.longpolling.util.DefaultGetUpdatesGenerator;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/**
 * The whole bot on Telegram: connects to the Bot API (any server that speaks it, from {@link
 * TelegramSettings}), takes updates by long polling or from the webhook (served by the launcher),
 * hands messages, button taps and inline queries to the core, and offers the {@link MessageSender}
 * that daily tips go through.
 *
 * <p>Life cycle: construct; {@link #start()} checks the token with {@code getMe}, sets the command
 * menu, then starts long polling, or opens the {@link #webhook()} receiver (which the launcher's
 * HTTP server serves) and calls {@code setWebhook} (the mode comes from {@link
 * TelegramSettings#mode()}); {@link #stop()} stops taking updates and lets queued ones finish, and
 * may be followed by another {@link #start()} (an instance handing long polling to another); {@link
 * #close()} stops and releases connections for good. {@link #sender()} works from construction
 * until {@link #close()}, whether or not updates are being taken, so an instance that does not poll
 * still sends daily tips.
 *
 * <p>Every update is recorded in the {@link UpdateInbox} before Telegram is told it arrived, and
 * handled once, in its chat's lane ({@link UpdateIntake}); replies are paced by the same {@link
 * Pacer} as daily tips. Every failure is logged in one line without the user's text or the token,
 * and never ends the adapter. Build one with {@link #builder}.
 */
public final class TelegramAdapter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TelegramAdapter.class);

    /** The update kinds we handle; Telegram sends no others, which saves traffic. */
    static final List<String> ALLOWED_UPDATES =
            List.of(
                    "message",
                    "edited_message",
                    "callback_query",
                    "inline_query",
                    "my_chat_member");

    /** What Telegram allows a bot: the pacer of replies and daily tips is built from these. */
    public static final dev.ratbot.message.PlatformLimits LIMITS = TelegramMessageSender.LIMITS;

    /** How many chats are handled at the same moment. */
    static final int PARALLEL_CHATS = 16;

    /**
     * How many updates may wait in all lanes; long polling waits for room, the webhook answers 503.
     */
    private static final int LANE_CAPACITY = 1000;

    /**
     * Stopping: how long queued updates are answered before the rest is handed back, then how long
     * the ones being answered get to end.
     */
    static final Duration DRAIN = Duration.ofSeconds(7), FINISH_RUNNING = Duration.ofSeconds(3);

    /**
     * A failed or refused poll (Telegram unreachable, 409 Conflict) is tried again after this
     * pause.
     */
    static final Duration POLL_RETRY = Duration.ofSeconds(5);

    private final TelegramSettings settings;
    private final int parallelChats;
    private final Duration pollRetry;
    private final Sleeper sleeper;
    private final UpdateInbox inbox;
    private final Clock clock;
    private final Pacer pacer;
    private final FloodControl flood;
    private final TelegramEvents events;
    private final String instance;
    private final SubscriptionStore subscriptions;
    private final ZoneLookup zones;
    private final Conversation conversation;
    private final AnswerEngine engine;
    private final ObjectMapper json =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private final OkHttpClient http;
    private final OkHttpTelegramClient client;
    private final ReplyRenderer renderer =
            new ReplyRenderer(TelegramMessageSender.LIMITS.maxMessageChars());
    private final ReplyDelivery delivery;
    private final TelegramMessageSender sender;

    private volatile boolean running;
    private boolean closed;
    private volatile BotIdentity bot;
    private ChatLanes lanes;
    private UpdateIntake intake;
    private TelegramBotsLongPollingApplication polling;
    private PollingHttp pollingHttp;
    private volatile PollHealth pollHealth;
    private ScheduledExecutorService pollingThread;

    /**
     * Webhook mode: what the launcher's HTTP server hands requests to; open while updates are
     * taken.
     */
    private final Optional<WebhookReceiver> webhook;

    /**
     * An adapter with an inbox in memory, its own pacer and the default flood limit: for tests and
     * a bot without a database. The launcher uses {@link #builder}.
     *
     * @param conversation handles every message and button tap
     * @param engine answers inline queries (which are not logged, since they arrive while the user
     *     types)
     */
    public TelegramAdapter(
            TelegramSettings settings, Conversation conversation, AnswerEngine engine) {
        this(builder(settings, conversation, engine));
    }

    /**
     * @param parallelChats how many chats are handled at once
     * @param sleeper how replies wait (tests record instead)
     */
    TelegramAdapter(
            TelegramSettings settings,
            Conversation conversation,
            AnswerEngine engine,
            int parallelChats,
            Sleeper sleeper) {
        this(builder(settings, conversation, engine).parallelChats(parallelChats).sleeper(sleeper));
    }

    private TelegramAdapter(Builder b) {
        if (b.parallelChats < 1) throw new IllegalArgumentException("parallelChats < 1");
        this.parallelChats = b.parallelChats;
        this.pollRetry = b.pollRetry;
        this.sleeper = Objects.requireNonNull(b.sleeper, "sleeper");
        this.settings = Objects.requireNonNull(b.settings, "settings");
        this.conversation = Objects.requireNonNull(b.conversation, "conversation");
        this.engine = Objects.requireNonNull(b.engine, "engine");
        this.clock = Objects.requireNonNull(b.clock, "clock");
        this.inbox = b.inbox != null ? b.inbox : new InMemoryUpdateInbox(clock);
        this.pacer =
                b.pacer != null
                        ? b.pacer
                        : new Pacer(Map.of(Platform.TELEGRAM, TelegramMessageSender.LIMITS), clock);
        this.flood = FloodControl.perMinute(b.floodPerMinute, clock);
        this.events = Objects.requireNonNull(b.events, "events");
        this.instance = Objects.requireNonNull(b.instance, "instance");
        this.subscriptions = b.subscriptions;
        this.zones = b.zones;
        // The library runs every call through OkHttp's dispatcher, which lets 5 at a time to one
        // host by default: with
        // more chats handled in parallel, replies taken from the inbox would queue unsent inside
        // this process.
        okhttp3.Dispatcher dispatcher = new okhttp3.Dispatcher();
        dispatcher.setMaxRequests(4 * parallelChats + 16);
        dispatcher.setMaxRequestsPerHost(2 * parallelChats + 8);
        this.http =
                new OkHttpClient.Builder()
                        .dispatcher(dispatcher)
                        .connectTimeout(Duration.ofSeconds(10))
                        .readTimeout(Duration.ofSeconds(30))
                        .writeTimeout(Duration.ofSeconds(30))
                        .callTimeout(Duration.ofSeconds(45))
                        // The token is in every request path: a redirect would carry it to whatever
                        // host the answer names.
                        .followRedirects(false)
                        .followSslRedirects(false)
                        .build();
        this.client =
                new OkHttpTelegramClient(
                        json, http, settings.token(), telegramUrl(settings.apiUrl()));
        this.delivery = new ReplyDelivery(client, renderer);
        this.sender = new TelegramMessageSender(delivery);
        this.webhook =
                settings.mode() == TelegramSettings.Mode.WEBHOOK
                        ? Optional.of(
                                new WebhookReceiver(settings.webhookSecret().orElseThrow(), json))
                        : Optional.empty();
    }

    /** Starts building an adapter; everything but the three arguments has a default. */
    public static Builder builder(
            TelegramSettings settings, Conversation conversation, AnswerEngine engine) {
        return new Builder(settings, conversation, engine);
    }

    /** The adapter's collaborators and settings, each with a default. */
    public static final class Builder {
        private final TelegramSettings settings;
        private final Conversation conversation;
        private final AnswerEngine engine;
        private UpdateInbox inbox;
        private Pacer pacer;
        private SubscriptionStore subscriptions;
        private ZoneLookup zones = new ZoneLookup();
        private Clock clock = Clock.systemUTC();
        private int floodPerMinute = DEFAULT_FLOOD_PER_MINUTE;
        private TelegramEvents events = TelegramEvents.NONE;
        private String instance = "telegram";
        private int parallelChats = PARALLEL_CHATS;
        private Duration pollRetry = POLL_RETRY;
        private Sleeper sleeper = Sleeper.REAL;

        private Builder(TelegramSettings settings, Conversation conversation, AnswerEngine engine) {
            this.settings = settings;
            this.conversation = conversation;
            this.engine = engine;
        }

        /**
         * Where updates are recorded; shared through the database so that instances agree. Default:
         * in memory.
         */
        public Builder inbox(UpdateInbox inbox) {
            this.inbox = inbox;
            return this;
        }

        /**
         * The pacer daily tips use, so that replies and tips share each chat's limits. Default: the
         * adapter's own.
         */
        public Builder pacer(Pacer pacer) {
            this.pacer = pacer;
            return this;
        }

        /**
         * The conversation's subscription store, so that the bot's removal, a block or a group's
         * upgrade to a supergroup changes the chat's subscriptions at once. Without it those
         * updates are ignored.
         */
        public Builder subscriptions(SubscriptionStore subscriptions) {
            this.subscriptions = subscriptions;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** Messages per user per chat per minute before "slow down"; 0 turns flood control off. */
        public Builder floodPerMinute(int limit) {
            if (limit < 0) throw new IllegalArgumentException("flood limit < 0");
            this.floodPerMinute = limit;
            return this;
        }

        public Builder events(TelegramEvents events) {
            this.events = events;
            return this;
        }

        /** This instance's name, recorded with each update it takes. */
        public Builder instance(String instance) {
            this.instance = instance;
            return this;
        }

        /** How long a failed or refused poll waits before the next; tests shorten it. */
        Builder pollRetry(Duration d) {
            this.pollRetry = d;
            return this;
        }

        Builder parallelChats(int n) {
            this.parallelChats = n;
            return this;
        }

        /** How shared locations become zones; tests may stand in a smaller lookup. */
        Builder zones(ZoneLookup zones) {
            this.zones = zones;
            return this;
        }

        Builder sleeper(Sleeper sleeper) {
            this.sleeper = sleeper;
            return this;
        }

        public TelegramAdapter build() {
            return new TelegramAdapter(this);
        }
    }

    /** Six questions a minute per user per chat, then one "slow down". */
    public static final int DEFAULT_FLOOD_PER_MINUTE = 6;

    /**
     * The port daily tips are sent through; usable before {@link #start()} and on instances that do
     * not poll.
     */
    public MessageSender sender() {
        return sender;
    }

    /**
     * Connects and starts taking updates. Fails with a one-line {@link TelegramStartException} when
     * the token is refused, the server cannot be reached, or the webhook cannot be set up; nothing
     * is left running then.
     */
    public synchronized void start() {
        if (closed) throw new IllegalStateException("this Telegram adapter is closed");
        if (running) return;
        try {
            bot = whoAmI();
            setCommands();
            lanes = new ChatLanes("telegram", parallelChats, LANE_CAPACITY);
            UpdateHandler handler =
                    new UpdateHandler(
                            client,
                            conversation,
                            delivery,
                            new InlineAnswers(engine, renderer),
                            bot,
                            sleeper,
                            pacer,
                            flood,
                            events,
                            Optional.ofNullable(subscriptions),
                            zones);
            intake =
                    new UpdateIntake(
                            "telegram:" + bot.id(), inbox, lanes, handler, json, instance, clock);
            intake.pruneNowAndThen();
            intake.recover();
            if (settings.mode() == TelegramSettings.Mode.WEBHOOK) startWebhook(intake);
            else startPolling(intake);
            running = true;
            log.info("Telegram bot @{} started ({})", bot.username(), settings.mode().label());
        } catch (RuntimeException | InterruptedException e) {
            if (e instanceof InterruptedException) Thread.currentThread().interrupt();
            stopTakingUpdates();
            if (lanes != null) lanes.close(Duration.ZERO);
            lanes = null;
            intake = null;
            throw e instanceof TelegramStartException t
                    ? t
                    : new TelegramStartException(
                            "Telegram did not start: " + Redaction.describe(e), false);
        }
    }

    /**
     * Stops taking updates (ends long polling, or closes the webhook receiver while leaving the
     * webhook registered for other instances), then finishes or hands back what was accepted:
     * queued updates are answered for up to {@link #DRAIN}; those not started by then are handed
     * back (they stay untaken in the inbox, and the next start of any instance answers them); the
     * ones being answered get {@link #FINISH_RUNNING} more to end. One log line says how many of
     * each, and how many could be neither finished nor handed back: received while the store was
     * down (known only in memory), or cut short while being answered (taken, so never answered
     * twice). The sender keeps working and {@link #start()} may be called again: an instance that
     * loses the right to poll calls this, not {@link #close()}.
     */
    public synchronized void stop() {
        running = false;
        stopTakingUpdates();
        if (lanes == null) return;
        int accepted = lanes.pending();
        int notStarted = lanes.close(DRAIN);
        try {
            lanes.awaitIdle(FINISH_RUNNING);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        int cutShort = lanes.pending();
        int lost = intake == null ? 0 : Math.min(intake.unrecordedWaiting(), notStarted);
        int handedBack = notStarted - lost;
        if (accepted > 0) {
            String line =
                    "Telegram stopped: {} updates answered while stopping, {} handed back to the store for the next start to answer,"
                            + " {} lost (received while the store was down), {} cut short while being answered (not answered again)";
            Object[] counts = {accepted - notStarted - cutShort, handedBack, lost, cutShort};
            if (lost + cutShort > 0) log.warn(line, counts);
            else log.info(line, counts);
        }
        lanes = null;
        intake = null;
    }

    /** True between a successful {@link #start()} and {@link #stop()} or {@link #close()}. */
    public boolean isRunning() {
        return running;
    }

    /**
     * Why updates do not reach this adapter now, in a line for readiness; empty while they can. Not
     * started or stopped; when long polling, refused because another process polls the token (409),
     * or failing for a while. (In webhook mode, whether Telegram reaches the endpoint is for the
     * server that carries it to tell.)
     */
    public Optional<String> notTakingUpdatesBecause() {
        if (!running) return Optional.of("not taking updates");
        PollHealth health = pollHealth;
        return settings.mode() == TelegramSettings.Mode.LONG_POLLING && health != null
                ? health.problem()
                : Optional.empty();
    }

    /** The bot's user name without '@', known once started. */
    public Optional<String> botUsername() {
        BotIdentity b = bot;
        return b == null ? Optional.empty() : Optional.of(b.username());
    }

    /**
     * In webhook mode, what Telegram's requests go to: the launcher serves it on its HTTP server.
     * It answers busy until {@link #start()} and after {@link #stop()}, so that Telegram sends
     * those updates again later.
     */
    public Optional<WebhookReceiver> webhook() {
        return webhook;
    }

    /**
     * {@link #stop()}, then releases connections; the sender fails (transiently) from then on.
     * Idempotent.
     */
    @Override
    public synchronized void close() {
        stop();
        closed = true;
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    private BotIdentity whoAmI() {
        try {
            return client.execute(new GetBotIdentity());
        } catch (TelegramApiRequestException e) {
            Integer code = e.getErrorCode();
            if (code != null && (code == 401 || code == 404)) {
                throw new TelegramStartException(
                        "Telegram refused the bot token (" + code + "): check TELEGRAM_BOT_TOKEN",
                        false);
            }
            throw new TelegramStartException(
                    "Telegram's getMe failed at "
                            + settings.apiUrl()
                            + ": "
                            + Redaction.describe(e),
                    serverSide(code));
        } catch (TelegramApiException e) {
            throw new TelegramStartException(
                    "cannot reach the Telegram Bot API at "
                            + settings.apiUrl()
                            + ": "
                            + Redaction.describe(e),
                    true);
        }
    }

    /** The command menu is a convenience: a failure is logged, not fatal. */
    private void setCommands() {
        try {
            client.execute(
                    new ResultIgnoringCall<>(
                            SetMyCommands.builder().commands(BotCommandsMenu.COMMANDS).build()));
            client.execute(
                    new ResultIgnoringCall<>(
                            SetMyCommands.builder()
                                    .commands(BotCommandsMenu.GROUP_MEMBERS)
                                    .scope(
                                            new org.telegram.telegrambots.meta.api.objects.commands
                                                    .scope.BotCommandScopeAllGroupChats())
                                    .build()));
            client.execute(
                    new ResultIgnoringCall<>(
                            SetMyCommands.builder()
                                    .commands(BotCommandsMenu.GROUP_ADMINS)
                                    .scope(
                                            new org.telegram.telegrambots.meta.api.objects.commands
                                                    .scope.BotCommandScopeAllChatAdministrators())
                                    .build()));
        } catch (TelegramApiException | RuntimeException e) {
            log.warn("could not set the Telegram command menu: {}", Redaction.describe(e));
        }
    }

    private void startPolling(UpdateIntake intake) {
        pollHealth = new PollHealth();
        pollingHttp = new PollingHttp(http, pollHealth, pollRetry);
        pollingThread =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread t = new Thread(r, "telegram-poll");
                            t.setDaemon(true);
                            return t;
                        });
        polling =
                new TelegramBotsLongPollingApplication(
                        () -> json, pollingHttp::client, () -> pollingThread);
        // Returns once the batch is recorded: only then does the library's next poll confirm it to
        // Telegram.
        // The library counts a batch as received before handing it over, so a batch that cannot be
        // recorded (the
        // store is down) is held here, retried, and never let go unrecorded; Telegram keeps it
        // meanwhile.
        LongPollingUpdateConsumer consumer =
                updates -> {
                    if (updates.isEmpty()) return;
                    boolean complained = false;
                    while (running || lanes != null) {
                        try {
                            intake.acceptPolled(updates);
                            if (complained) log.info("Telegram updates are recorded again");
                            return;
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        } catch (RuntimeException e) {
                            if (!complained)
                                log.error(
                                        "Telegram updates cannot be recorded, polling waits: {}",
                                        Redaction.describe(e));
                            complained = true;
                            try {
                                Thread.sleep(1000);
                            } catch (InterruptedException stop) {
                                Thread.currentThread().interrupt();
                                return;
                            }
                        }
                    }
                };
        try {
            polling.registerBot(
                    settings.token(),
                    () -> telegramUrl(settings.apiUrl()),
                    new DefaultGetUpdatesGenerator(ALLOWED_UPDATES),
                    consumer);
        } catch (TelegramApiException e) {
            throw new TelegramStartException(
                    "could not start long polling (deleteWebhook failed): " + Redaction.describe(e),
                    !(e instanceof TelegramApiRequestException r) || serverSide(r.getErrorCode()));
        }
    }

    private void startWebhook(UpdateIntake intake) {
        webhook.orElseThrow().sink(intake::acceptPushed);
        try {
            Boolean set =
                    client.execute(
                            SetWebhook.builder()
                                    .url(settings.webhookUrl().orElseThrow().toString())
                                    .secretToken(settings.webhookSecret().orElseThrow())
                                    .allowedUpdates(ALLOWED_UPDATES)
                                    .build());
            // ok:true is the acceptance; a server that leaves the result out (null) has still
            // accepted it.
            if (Boolean.FALSE.equals(set))
                throw new TelegramStartException(
                        "Telegram did not accept the webhook " + settings.webhookUrl().get(),
                        false);
        } catch (TelegramApiException e) {
            throw new TelegramStartException(
                    "Telegram did not accept the webhook "
                            + settings.webhookUrl().get()
                            + ": "
                            + Redaction.describe(e),
                    !(e instanceof TelegramApiRequestException r) || serverSide(r.getErrorCode()));
        }
    }

    private void stopTakingUpdates() {
        webhook.ifPresent(w -> w.sink(null));
        if (polling != null) {
            try {
                polling.close();
            } catch (Exception e) {
                log.debug("closing long polling: {}", Redaction.describe(e));
            }
            polling = null;
        }
        // getUpdates may be held for up to 50 seconds: end it rather than wait for it.
        if (pollingHttp != null) pollingHttp.stop();
        pollingHttp = null;
        if (pollingThread != null) {
            pollingThread.shutdown();
            try {
                if (!pollingThread.awaitTermination(5, TimeUnit.SECONDS))
                    pollingThread.shutdownNow();
            } catch (InterruptedException e) {
                pollingThread.shutdownNow();
                Thread.currentThread().interrupt();
            }
            pollingThread = null;
        }
    }

    /**
     * An error answer that is Telegram's trouble, not ours (no code: the answer could not be read).
     */
    private static boolean serverSide(Integer code) {
        return code == null || code >= 500 || code == 429;
    }

    static TelegramUrl telegramUrl(URI api) {
        String scheme = api.getScheme().toLowerCase(java.util.Locale.ROOT);
        int port = api.getPort() != -1 ? api.getPort() : scheme.equals("https") ? 443 : 80;
        return new TelegramUrl(scheme, api.getHost(), port, false);
    }
}
