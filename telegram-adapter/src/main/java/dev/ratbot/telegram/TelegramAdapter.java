package dev.ratbot.telegram;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ratbot.answer.AnswerEngine;
import dev.ratbot.conversation.Conversation;
import dev.ratbot.platform.MessageSender;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
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
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/**
 * The whole bot on Telegram: connects to the Bot API (any server that speaks it, from {@link TelegramSettings}),
 * takes updates by long polling or on our webhook endpoint, hands messages, button taps and inline queries to the
 * core, and offers the {@link MessageSender} that daily tips go through.
 *
 * <p>Life cycle: construct; {@link #start()} checks the token with {@code getMe}, sets the command menu, then
 * starts long polling or binds the webhook endpoint and calls {@code setWebhook} (the mode comes from
 * {@link TelegramSettings#mode()}); {@link #stop()} stops taking updates and lets queued ones finish, and may be
 * followed by another {@link #start()} (an instance handing long polling to another); {@link #close()} stops and
 * releases connections for good. {@link #sender()} works from construction until {@link #close()}, whether or not
 * updates are being taken, so an instance that does not poll still sends daily tips.
 *
 * <p>Updates are handled by a few worker threads; every failure is logged in one line without the user's text or
 * the token, and never ends the adapter.
 */
public final class TelegramAdapter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TelegramAdapter.class);

    /** The update kinds we handle; Telegram sends no others, which saves traffic. */
    static final List<String> ALLOWED_UPDATES = List.of("message", "callback_query", "inline_query");
    private static final int WORKER_THREADS = 4;
    private static final int WORKER_QUEUE = 1000;
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(10);

    private final TelegramSettings settings;
    private final int workerThreads;
    private final Sleeper sleeper;
    private final Conversation conversation;
    private final AnswerEngine engine;
    private final ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private final OkHttpClient http;
    private final OkHttpTelegramClient client;
    private final ReplyRenderer renderer = new ReplyRenderer(TelegramMessageSender.LIMITS.maxMessageChars());
    private final ReplyDelivery delivery;
    private final TelegramMessageSender sender;

    private volatile boolean running;
    private boolean closed;
    private volatile BotIdentity bot;
    private UpdateWorkers workers;
    private TelegramBotsLongPollingApplication polling;
    private PollingHttp pollingHttp;
    private ScheduledExecutorService pollingThread;
    private WebhookEndpoint webhook;

    /**
     * @param conversation handles every message and button tap
     * @param engine       answers inline queries (which are not logged, since they arrive while the user types)
     */
    public TelegramAdapter(TelegramSettings settings, Conversation conversation, AnswerEngine engine) {
        this(settings, conversation, engine, WORKER_THREADS, Sleeper.REAL);
    }

    /**
     * @param workerThreads how many updates are handled at once; tests use one to make the order of handling fixed
     * @param sleeper       how a reply waits out a short rate-limit pause; tests record instead of waiting
     */
    TelegramAdapter(TelegramSettings settings, Conversation conversation, AnswerEngine engine, int workerThreads, Sleeper sleeper) {
        if (workerThreads < 1) throw new IllegalArgumentException("workerThreads < 1");
        this.workerThreads = workerThreads;
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.conversation = Objects.requireNonNull(conversation, "conversation");
        this.engine = Objects.requireNonNull(engine, "engine");
        this.http = new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(10))
                .readTimeout(Duration.ofSeconds(30))
                .writeTimeout(Duration.ofSeconds(30))
                .callTimeout(Duration.ofSeconds(45))
                .build();
        this.client = new OkHttpTelegramClient(json, http, settings.token(), telegramUrl(settings.apiUrl()));
        this.delivery = new ReplyDelivery(client, renderer);
        this.sender = new TelegramMessageSender(delivery);
    }

    /** The port daily tips are sent through; usable before {@link #start()} and on instances that do not poll. */
    public MessageSender sender() {
        return sender;
    }

    /**
     * Connects and starts taking updates. Fails with a one-line {@link TelegramStartException} when the token is
     * refused, the server cannot be reached, or the webhook cannot be set up; nothing is left running then.
     */
    public synchronized void start() {
        if (closed) throw new IllegalStateException("this Telegram adapter is closed");
        if (running) return;
        try {
            bot = whoAmI();
            setCommands();
            workers = new UpdateWorkers(workerThreads, WORKER_QUEUE, SHUTDOWN_GRACE);
            UpdateHandler handler = new UpdateHandler(client, conversation, delivery, new InlineAnswers(engine, renderer), bot, sleeper);
            if (settings.mode() == TelegramSettings.Mode.WEBHOOK) startWebhook(handler);
            else startPolling(handler);
            running = true;
            log.info("Telegram bot @{} started ({})", bot.username(), settings.mode() == TelegramSettings.Mode.WEBHOOK ? "webhook" : "long polling");
        } catch (RuntimeException e) {
            stopTakingUpdates();
            if (workers != null) workers.close();
            workers = null;
            throw e instanceof TelegramStartException t ? t : new TelegramStartException("Telegram did not start: " + Redaction.describe(e));
        }
    }

    /**
     * Stops taking updates (ends long polling, or closes the webhook endpoint while leaving the webhook registered
     * for other instances) and lets queued updates finish, for up to ten seconds. The sender keeps working and
     * {@link #start()} may be called again: an instance that loses the right to poll calls this, not {@link #close()}.
     */
    public synchronized void stop() {
        running = false;
        stopTakingUpdates();
        if (workers != null) {
            workers.close();
            workers = null;
        }
    }

    /** True between a successful {@link #start()} and {@link #stop()} or {@link #close()}. */
    public boolean isRunning() {
        return running;
    }

    /** The bot's user name without '@', known once started. */
    public Optional<String> botUsername() {
        BotIdentity b = bot;
        return b == null ? Optional.empty() : Optional.of(b.username());
    }

    /** Where the webhook endpoint listens, in webhook mode once started. */
    public synchronized Optional<InetSocketAddress> webhookAddress() {
        return webhook == null ? Optional.empty() : Optional.of(webhook.address());
    }

    /** {@link #stop()}, then releases connections; the sender fails (transiently) from then on. Idempotent. */
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
                throw new TelegramStartException("Telegram refused the bot token (" + code + "): check TELEGRAM_BOT_TOKEN");
            }
            throw new TelegramStartException("Telegram's getMe failed at " + settings.apiUrl() + ": " + Redaction.describe(e));
        } catch (TelegramApiException e) {
            throw new TelegramStartException("cannot reach the Telegram Bot API at " + settings.apiUrl() + ": " + Redaction.describe(e));
        }
    }

    /** The command menu is a convenience: a failure is logged, not fatal. */
    private void setCommands() {
        try {
            client.execute(new ResultIgnoringCall<>(SetMyCommands.builder().commands(BotCommandsMenu.COMMANDS).build()));
        } catch (TelegramApiException | RuntimeException e) {
            log.warn("could not set the Telegram command menu: {}", Redaction.describe(e));
        }
    }

    private void startPolling(UpdateHandler handler) {
        pollingHttp = new PollingHttp(http);
        pollingThread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "telegram-poll");
            t.setDaemon(true);
            return t;
        });
        polling = new TelegramBotsLongPollingApplication(() -> json, pollingHttp::client, () -> pollingThread);
        UpdateWorkers queue = workers;
        LongPollingUpdateConsumer consumer = updates -> {
            for (Update update : updates) {
                try {
                    if (!queue.submitWaiting(() -> handler.handle(update))) return;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        };
        try {
            polling.registerBot(settings.token(), () -> telegramUrl(settings.apiUrl()), new DefaultGetUpdatesGenerator(ALLOWED_UPDATES), consumer);
        } catch (TelegramApiException e) {
            throw new TelegramStartException("could not start long polling (deleteWebhook failed): " + Redaction.describe(e));
        }
    }

    private void startWebhook(UpdateHandler handler) {
        UpdateWorkers queue = workers;
        InetSocketAddress bind = new InetSocketAddress(settings.webhookBind(), settings.webhookPort());
        webhook = new WebhookEndpoint(bind, settings.webhookSecret().orElseThrow(), json, update -> queue.offer(() -> handler.handle(update)));
        try {
            webhook.start();
        } catch (IOException e) {
            webhook = null;
            throw new TelegramStartException("cannot listen for the Telegram webhook on " + bind + ": " + e.getMessage());
        }
        try {
            Boolean set = client.execute(SetWebhook.builder()
                    .url(settings.webhookUrl().orElseThrow().toString())
                    .secretToken(settings.webhookSecret().orElseThrow())
                    .allowedUpdates(ALLOWED_UPDATES)
                    .build());
            // ok:true is the acceptance; a server that leaves the result out (null) has still accepted it.
            if (Boolean.FALSE.equals(set)) throw new TelegramStartException("Telegram did not accept the webhook " + settings.webhookUrl().get());
        } catch (TelegramApiException e) {
            throw new TelegramStartException("Telegram did not accept the webhook " + settings.webhookUrl().get() + ": " + Redaction.describe(e));
        }
    }

    private void stopTakingUpdates() {
        if (webhook != null) {
            webhook.close();
            webhook = null;
        }
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
                if (!pollingThread.awaitTermination(5, TimeUnit.SECONDS)) pollingThread.shutdownNow();
            } catch (InterruptedException e) {
                pollingThread.shutdownNow();
                Thread.currentThread().interrupt();
            }
            pollingThread = null;
        }
    }

    static TelegramUrl telegramUrl(URI api) {
        String scheme = api.getScheme().toLowerCase(java.util.Locale.ROOT);
        int port = api.getPort() != -1 ? api.getPort() : scheme.equals("https") ? 443 : 80;
        return new TelegramUrl(scheme, api.getHost(), port, false);
    }
}
