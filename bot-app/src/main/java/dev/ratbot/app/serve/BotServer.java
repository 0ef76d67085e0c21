package dev.ratbot.app.serve;

import dev.ratbot.answer.AnswerEngine;
import dev.ratbot.answer.LuceneAnswerEngine;
import dev.ratbot.app.config.DatabaseProbe;
import dev.ratbot.app.config.RatbotConfig;
import dev.ratbot.app.config.Secret;
import dev.ratbot.app.config.Setting;
import dev.ratbot.app.config.StartupException;
import dev.ratbot.app.config.TelegramConfig;
import dev.ratbot.app.http.Limits;
import dev.ratbot.app.http.Listener;
import dev.ratbot.app.http.Site;
import dev.ratbot.app.http.WebServer;
import dev.ratbot.app.ops.MeteredAnswerEngine;
import dev.ratbot.app.ops.MeteredAnswerLog;
import dev.ratbot.app.ops.MeteredMessageSender;
import dev.ratbot.app.ops.OpsEndpoint;
import dev.ratbot.app.ops.RatbotMetrics;
import dev.ratbot.app.ops.ReadinessCheck;
import dev.ratbot.app.ops.Redactor;
import dev.ratbot.console.ConsoleServer;
import dev.ratbot.console.ConsoleSettings;
import dev.ratbot.console.OperatorEntries;
import dev.ratbot.console.OperatorKnowledge;
import dev.ratbot.conversation.Conversation;
import dev.ratbot.delivery.Backoff;
import dev.ratbot.delivery.DeliverySettings;
import dev.ratbot.delivery.DeliveryWorker;
import dev.ratbot.delivery.OverallBudget;
import dev.ratbot.delivery.Pacer;
import dev.ratbot.delivery.ScheduleSettings;
import dev.ratbot.delivery.SharedOverallBudgets;
import dev.ratbot.delivery.TipScheduler;
import dev.ratbot.discord.DiscordAdapter;
import dev.ratbot.discord.DiscordMessageSender;
import dev.ratbot.discord.DiscordStartException;
import dev.ratbot.discord.JdbcHelpChannelStore;
import dev.ratbot.feedback.JdbcAnswerLog;
import dev.ratbot.feedback.QueuedAnswerLog;
import dev.ratbot.inbox.JdbcUpdateInbox;
import dev.ratbot.knowledge.KnowledgePack;
import dev.ratbot.message.MessageSender;
import dev.ratbot.message.Platform;
import dev.ratbot.message.PlatformLimits;
import dev.ratbot.store.Database;
import dev.ratbot.store.DatabaseSettings;
import dev.ratbot.store.Dialect;
import dev.ratbot.store.StoreException;
import dev.ratbot.subscription.JdbcSubscriptionStore;
import dev.ratbot.telegram.TelegramAdapter;
import dev.ratbot.telegram.TelegramSettings;
import dev.ratbot.telegram.TelegramStartException;
import dev.ratbot.tips.CatalogueTips;
import dev.ratbot.tips.TipCatalogue;
import dev.ratbot.tips.TipRotation;
import dev.ratbot.tips.TipSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ratbot serve}: the store, every configured platform, the daily-tip scheduler and delivery
 * worker, and the operations endpoint, in one process; {@link #close()} (also run on SIGTERM by
 * {@link #awaitShutdown()}) stops taking updates, lets the delivery worker finish or release what
 * it holds, and closes the store.
 *
 * <p>Telegram long polling runs on exactly one instance: on PostgreSQL the one holding a {@link
 * LeaderLock}; on SQLite, where {@link SingleInstanceLock} allows one instance only, always. Every
 * instance sends daily tips on every platform.
 */
public final class BotServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BotServer.class);

    /**
     * How often an instance on standby tries the long-polling lock, and the holder checks its
     * session.
     */
    static final Duration LEADER_CHECK = Duration.ofSeconds(5);

    private static final Duration WORKER_STOP = Duration.ofSeconds(20);

    /**
     * How long the webhook endpoint may take to answer readiness's own request before it counts as
     * unreachable.
     */
    private static final Duration WEBHOOK_PROBE = Duration.ofSeconds(1);

    /** How often each instance looks for answers taught on another instance (one small read). */
    static final Duration OPERATOR_REFRESH = Duration.ofSeconds(2);

    /**
     * How often the store is looked at, so /readyz and the log learn of an outage or a full disk
     * without traffic.
     */
    static final Duration STORE_PROBE_EVERY = Duration.ofSeconds(5);

    /** How often questions older than RATBOT_RETENTION are deleted. */
    static final Duration PRUNE_EVERY = Duration.ofHours(1);

    /**
     * How long a dead instance's Discord shards wait before another instance takes them, and how
     * often leases renew.
     */
    static final Duration SHARD_LEASE_TTL = Duration.ofSeconds(15),
            SHARD_LEASE_STEP = Duration.ofSeconds(3);

    private final RatbotConfig config;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private Optional<SingleInstanceLock> instanceLock = Optional.empty();
    private Database db;
    private OpsEndpoint ops;
    private WebServer web;
    private TelegramAdapter telegram;
    private LeaderLock pollingLock;
    private PlatformStarter telegramStarter;
    private PlatformStarter discordStarter;
    private DiscordAdapter discord;
    private DiscordShardLeases shardLeases;
    private TipScheduler scheduler;
    private DeliveryWorker worker;
    private OperatorKnowledge taught;
    private ConsoleServer console;
    private java.util.concurrent.ScheduledExecutorService pruner;
    private QueuedAnswerLog questions;
    private volatile boolean closing;

    private BotServer(RatbotConfig config) {
        this.config = config;
    }

    /**
     * Starts everything, or nothing: a failure closes what was started and throws a {@link
     * StartupException} whose one-line message names what to fix.
     */
    public static BotServer start(
            RatbotConfig config,
            KnowledgePack pack,
            AnswerEngine engine,
            TipCatalogue catalogue,
            TipSource tipsOnRequest,
            Clock clock) {
        BotServer server = new BotServer(config);
        try {
            server.startAll(pack, engine, catalogue, tipsOnRequest, clock);
            return server;
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    private void startAll(
            KnowledgePack pack,
            AnswerEngine engine,
            TipCatalogue catalogue,
            TipSource tipsOnRequest,
            Clock clock) {
        log.info(
                "starting as {}: store {}, Telegram {}, Discord {}, tip grace {}",
                config.instanceId(),
                config.database().redactedUrl(),
                config.telegram().map(t -> t.mode().label()).orElse("off"),
                config.discord()
                        .map(
                                d ->
                                        "shards "
                                                + (d.shardCount().isPresent()
                                                        ? d.shardCount().getAsInt()
                                                        : "auto")
                                                + (d.shardIndices().isEmpty()
                                                        ? ""
                                                        : " " + d.shardIndices()))
                        .orElse("off"),
                config.tips().grace());
        instanceLock = SingleInstanceLock.acquire(config.database().url());
        DatabaseProbe.check(config.database());
        db = openDatabase();

        RatbotMetrics metrics = new RatbotMetrics(config.instanceId());
        ops = new OpsEndpoint(metrics.registry(), new Redactor(config.secrets()));
        ops.addCheck(ReadinessCheck.of("database", this::databaseStatus));
        metrics.queueDepth(this::queueDepth);
        db.probeEvery(STORE_PROBE_EVERY);
        // Work people wait on (replies, acknowledging updates) fails at once while the store is
        // unreachable.
        Database replies = db.forReplies();

        // What operators taught in the console (on any instance) is answered from at once and here
        // within seconds.
        taught =
                new OperatorKnowledge(
                                pack,
                                engine,
                                new OperatorEntries(db, clock),
                                LuceneAnswerEngine::build)
                        .start(OPERATOR_REFRESH);
        AnswerEngine metered = new MeteredAnswerEngine(taught, metrics);
        JdbcAnswerLog answerLog = new JdbcAnswerLog(db, clock);
        JdbcSubscriptionStore subscriptions = new JdbcSubscriptionStore(replies, clock);
        // Answers never wait on the store: questions are written from a bounded queue in the
        // background.
        questions =
                new QueuedAnswerLog(
                                answerLog,
                                db.health(),
                                QueuedAnswerLog.Limits.DEFAULTS,
                                metrics.questionRecording())
                        .start();
        metrics.store(questions::pending, () -> !db.health().ok());
        MeteredAnswerLog answers = new MeteredAnswerLog(questions, metrics);
        Conversation conversation =
                new Conversation(
                        metered,
                        tipsOnRequest,
                        subscriptions,
                        answers,
                        clock,
                        config.tips().defaults(),
                        metrics.bugs());
        startPruning(answerLog);
        config.console()
                .ifPresentOrElse(
                        c ->
                                console =
                                        ConsoleServer.create(
                                                new ConsoleSettings(
                                                        c.bind(), c.port(), c.password().reveal()),
                                                db,
                                                taught,
                                                pack,
                                                text ->
                                                        dev.ratbot.answer.MiniLmEmbedder.shared()
                                                                .embed(text),
                                                ConsoleServer.MEANING_GROUPING_THRESHOLD,
                                                clock),
                        () ->
                                log.info(
                                        "operator console off: set RATBOT_CONSOLE_PASSWORD to turn it on"));

        // One pacer for replies and daily tips, so that a busy group's answers and its tip share
        // its limits.
        Map<Platform, PlatformLimits> limits = new EnumMap<>(Platform.class);
        config.telegram().ifPresent(t -> limits.put(Platform.TELEGRAM, TelegramAdapter.LIMITS));
        config.discord().ifPresent(d -> limits.put(Platform.DISCORD, DiscordMessageSender.LIMITS));
        Pacer pacer = new Pacer(limits, clock, overallBudgets());

        List<MessageSender> senders = new ArrayList<>();
        config.telegram()
                .ifPresent(
                        t -> {
                            telegram =
                                    TelegramAdapter.builder(t.settings(), conversation, metered)
                                            .inbox(new JdbcUpdateInbox(replies, clock))
                                            .subscriptions(subscriptions)
                                            .pacer(pacer)
                                            .clock(clock)
                                            .floodPerMinute(config.floodLimit())
                                            .instance(config.instanceId())
                                            .events(metrics.telegramEvents())
                                            .build();
                            senders.add(new MeteredMessageSender(telegram.sender(), metrics));
                        });
        web = startWebServer();
        config.telegram().ifPresent(this::startTelegram);
        config.discord()
                .ifPresent(
                        d -> {
                            discord =
                                    new DiscordAdapter(
                                            d.settings(),
                                            conversation,
                                            metered,
                                            subscriptions,
                                            answers,
                                            new JdbcHelpChannelStore(replies),
                                            clock);
                            discord.reportBugsTo(metrics.bugs());
                            senders.add(new MeteredMessageSender(discord.sender(), metrics));
                            boolean leased =
                                    config.database().postgres() && d.shardIndices().isEmpty();
                            discordStarter =
                                    new PlatformStarter(
                                            "Discord",
                                            () -> startDiscordNow(d, leased),
                                            e -> !(e instanceof StartupException));
                            // Checked from before the start, as the operations endpoint answers
                            // already: not ready until started.
                            ops.addCheck(
                                    ReadinessCheck.of(
                                            "discord",
                                            () ->
                                                    discordStarter
                                                            .problem()
                                                            .map(ReadinessCheck.Status::notReady)
                                                            .orElseGet(
                                                                    () ->
                                                                            !discord.connected()
                                                                                    ? ReadinessCheck
                                                                                            .Status
                                                                                            .notReady(
                                                                                                    "not connected")
                                                                                    : leased
                                                                                                    && discord.leasedShards()
                                                                                                            .isEmpty()
                                                                                            ? ReadinessCheck
                                                                                                    .Status
                                                                                                    .ready(
                                                                                                            "standby: other instances hold every shard")
                                                                                            : ReadinessCheck
                                                                                                    .Status
                                                                                                    .ready(
                                                                                                            "shards "
                                                                                                                    + discord
                                                                                                                            .connectedShards()))));
                            discordStarter.start();
                        });

        CatalogueTips tips = new CatalogueTips(new TipRotation(catalogue), pack.attribution());
        scheduler =
                new TipScheduler(
                        db,
                        clock,
                        ScheduleSettings.defaults().withGrace(config.tips().grace()),
                        tips);
        worker =
                new DeliveryWorker(
                        db,
                        senders,
                        pacer,
                        new Backoff(
                                Duration.ofSeconds(10),
                                Duration.ofMinutes(15),
                                6,
                                new SplittableRandom()),
                        tips,
                        clock,
                        deliverySettings());
        scheduler.start();
        worker.start();
        ops.markStarted();
        log.info("started: operations endpoint on {}:{}", config.ops().bind(), web.port(Site.OPS));
    }

    /**
     * Connects Discord: this instance's shards, or (sharing shards by leases) the commands, then
     * the leases. A refusal becomes a {@link StartupException} naming the settings; anything else
     * is worth trying again.
     */
    private void startDiscordNow(dev.ratbot.app.config.DiscordConfig d, boolean leased) {
        try {
            if (leased) discord.startWithoutShards();
            else discord.start();
        } catch (DiscordStartException e) {
            if (e.unreachable()) throw e;
            throw new StartupException(
                    e.getMessage() + " (check DISCORD_BOT_TOKEN and DISCORD_API_URL)", e);
        }
        if (leased && shardLeases == null) {
            startShardLeases(
                    d.shardCount().isPresent()
                            ? d.shardCount().getAsInt()
                            : discord.recommendedShardCount());
        }
    }

    /**
     * One HTTP server for the operations endpoint, the console and the webhook, each on its own
     * address.
     */
    private WebServer startWebServer() {
        WebServer.Builder builder =
                WebServer.builder()
                        .ops(
                                new Listener(
                                        Site.OPS,
                                        config.ops().bind(),
                                        config.ops().port(),
                                        Setting.RATBOT_OPS_BIND,
                                        Setting.RATBOT_OPS_PORT,
                                        Limits.DEFAULT),
                                ops);
        config.console()
                .ifPresent(
                        c ->
                                builder.console(
                                        new Listener(
                                                Site.CONSOLE,
                                                c.bind(),
                                                c.port(),
                                                Setting.RATBOT_CONSOLE_BIND,
                                                Setting.RATBOT_CONSOLE_PORT,
                                                Limits.CONSOLE),
                                        console));
        config.telegram()
                .filter(t -> t.mode() == TelegramSettings.Mode.WEBHOOK)
                .ifPresent(
                        t ->
                                builder.webhook(
                                        new Listener(
                                                Site.WEBHOOK,
                                                t.webhookBind(),
                                                t.webhookPort(),
                                                Setting.TELEGRAM_WEBHOOK_BIND,
                                                Setting.TELEGRAM_WEBHOOK_PORT,
                                                Limits.DEFAULT),
                                        telegram.webhook().orElseThrow()));
        return builder.build().start();
    }

    /**
     * Deletes stored questions older than the retention now and every hour, so none outlives it by
     * much.
     */
    private void startPruning(JdbcAnswerLog answerLog) {
        pruner =
                java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread t = new Thread(r, "ratbot-question-retention");
                            t.setDaemon(true);
                            return t;
                        });
        var unused =
                pruner.scheduleWithFixedDelay(
                        () -> {
                            try {
                                int pruned = answerLog.pruneOlderThan(config.retention());
                                if (pruned > 0)
                                    log.info(
                                            "deleted {} questions older than {}",
                                            pruned,
                                            config.retention());
                            } catch (RuntimeException e) {
                                log.warn(
                                        "could not delete old questions: {}",
                                        oneLine(e.getMessage()));
                            }
                        },
                        0,
                        PRUNE_EVERY.toMillis(),
                        java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /**
     * On PostgreSQL without DISCORD_SHARD_INDICES, identical instances share the shards by leases
     * in the database: each connects its fair share, and takes over the shards of an instance that
     * dies.
     */
    private void startShardLeases(int count) {
        shardLeases =
                new DiscordShardLeases(
                        db,
                        config.instanceId(),
                        count,
                        new DiscordShardLeases.Shards() {
                            @Override
                            public void connect(int index, int shardCount) {
                                discord.connectShard(index, shardCount);
                            }

                            @Override
                            public boolean disconnect(int index) {
                                return discord.disconnectShard(index);
                            }
                        },
                        SHARD_LEASE_TTL,
                        SHARD_LEASE_STEP);
        log.info("Discord: {} shard(s) shared by leases in the database", count);
        shardLeases.step();
        shardLeases.start();
    }

    /**
     * On PostgreSQL every instance draws from one overall budget per platform kept in the database,
     * so N instances together send no faster than the platform allows one bot; on SQLite there is
     * only one instance.
     */
    private OverallBudget.Source overallBudgets() {
        return db.dialect() == Dialect.POSTGRESQL
                ? new SharedOverallBudgets(db)
                : OverallBudget.local();
    }

    /**
     * The store's defaults with the configured grace and retention; the worker rests only until the
     * pacer's next permit.
     */
    private DeliverySettings deliverySettings() {
        return DeliverySettings.defaults(config.instanceId())
                .withGrace(config.tips().grace())
                .withRetention(config.retention());
    }

    private Database openDatabase() {
        DatabaseSettings settings =
                DatabaseSettings.of(config.database().url())
                        .withPassword(
                                config.database().password().map(Secret::reveal).orElse(null));
        try {
            return Database.open(settings);
        } catch (StoreException e) {
            throw new StartupException(
                    "RATBOT_DB_URL="
                            + config.database().redactedUrl()
                            + ": "
                            + oneLine(e.getMessage()),
                    e);
        }
    }

    private void startTelegram(TelegramConfig t) {
        boolean elected =
                t.mode() == TelegramSettings.Mode.LONG_POLLING && config.database().postgres();
        telegramStarter =
                new PlatformStarter(
                        "Telegram", this::startTelegramNow, e -> !(e instanceof StartupException));
        // Checked from before the start, as the operations endpoint answers already: not ready
        // until started.
        if (!elected) {
            ops.addCheck(ReadinessCheck.of("telegram", this::telegramStatus));
            telegramStarter.start();
            return;
        }
        java.util.concurrent.atomic.AtomicReference<RuntimeException> firstFailure =
                new java.util.concurrent.atomic.AtomicReference<>();
        pollingLock =
                new LeaderLock(
                        "telegram-polling:" + t.botId(),
                        this::lockConnection,
                        new LeaderLock.Listener() {
                            @Override
                            public void acquired() {
                                try {
                                    telegramStarter.start();
                                } catch (RuntimeException e) {
                                    firstFailure.compareAndSet(null, e);
                                    throw e;
                                }
                            }

                            @Override
                            public void lost() {
                                telegramStarter.cancel();
                                telegram.stop();
                            }
                        });
        ops.addCheck(
                ReadinessCheck.of(
                        "telegram",
                        () ->
                                switch (pollingLock.role()) {
                                    case UNASKED -> ReadinessCheck.Status.notReady("starting");
                                    case HOLDER -> telegramStatus();
                                    case STANDBY ->
                                            ReadinessCheck.Status.ready(
                                                    "standby: another instance polls; this one sends daily tips");
                                    case UNKNOWN ->
                                            telegram.isRunning()
                                                    ? telegramStatus()
                                                    : ReadinessCheck.Status.notReady(
                                                            "not polling, and no other"
                                                                    + " instance is known to: the database, which elects the one that polls, cannot be asked");
                                }));
        // The first attempt runs here, so that a bad token stops the start instead of a background
        // retry loop.
        pollingLock.poll();
        if (firstFailure.get() != null) throw firstFailure.get();
        firstFailure.set(new IllegalStateException("started"));
        pollingLock.start(LEADER_CHECK);
    }

    /**
     * Whether updates can reach this instance now: taken in, and in webhook mode the endpoint
     * answering.
     */
    private ReadinessCheck.Status telegramStatus() {
        Optional<String> problem = telegramStarter.problem().or(telegram::notTakingUpdatesBecause);
        if (problem.isPresent()) return ReadinessCheck.Status.notReady(problem.get());
        if (telegram.webhook().isEmpty()) return ReadinessCheck.Status.ready("long polling");
        return web.unanswered(Site.WEBHOOK, WEBHOOK_PROBE)
                .map(why -> ReadinessCheck.Status.notReady("webhook endpoint: " + why))
                .orElse(ReadinessCheck.Status.ready("webhook"));
    }

    /**
     * One try at starting Telegram: a refusal becomes a {@link StartupException}; Telegram
     * unreachable is worth trying again.
     */
    private void startTelegramNow() {
        try {
            telegram.start();
        } catch (TelegramStartException e) {
            if (e.unreachable()) throw e;
            throw new StartupException(e.getMessage(), e);
        }
    }

    private Connection lockConnection() throws java.sql.SQLException {
        Properties properties = new Properties();
        config.database().password().ifPresent(p -> properties.setProperty("password", p.reveal()));
        properties.setProperty("tcpKeepAlive", "true");
        properties.setProperty("ApplicationName", "ratbot-leader-lock-" + config.instanceId());
        return DriverManager.getConnection(config.database().url(), properties);
    }

    /**
     * The store as its health last found it: down or full is degraded, not unready, since answers
     * go on without it.
     */
    private ReadinessCheck.Status databaseStatus() {
        String dialect = db.dialect().name().toLowerCase(java.util.Locale.ROOT);
        return db.health()
                .degraded()
                .map(
                        d ->
                                ReadinessCheck.Status.degraded(
                                        dialect + " " + d.describe() + "; answering without it"))
                .orElseGet(() -> ReadinessCheck.Status.ready(dialect));
    }

    /**
     * Tips due and not yet sent: outbox rows waiting or in flight, and subscriptions due but not
     * yet scheduled.
     */
    private Number queueDepth() {
        if (closing || worker == null) return Double.NaN;
        try {
            return worker.backlog();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    /**
     * Blocks until the process is asked to stop (SIGTERM, SIGINT), then shuts down gracefully
     * before the JVM exits.
     */
    public void awaitShutdown() throws InterruptedException {
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    log.info("shutdown requested");
                                    close();
                                },
                                "ratbot-shutdown"));
        stopped.await();
    }

    /**
     * Stops in order: readiness turns 503; no more updates (Telegram, Discord); no more scheduling;
     * the delivery worker finishes its sends in flight and releases what it claimed but did not
     * send; then the senders, the operations endpoint and the store close. Idempotent.
     */
    @Override
    public synchronized void close() {
        if (closing) return;
        closing = true;
        if (ops != null) ops.markStopping();
        closeQuietly("the Telegram start", telegramStarter);
        closeQuietly("the Discord start", discordStarter);
        if (pruner != null) pruner.shutdownNow();
        closeQuietly("the operator entries", taught);
        closeQuietly("the long-polling lock", pollingLock);
        if (telegram != null) run("stopping Telegram updates", telegram::stop);
        closeQuietly("the Discord shard leases", shardLeases);
        closeQuietly("Discord", discord);
        closeQuietly("the tip scheduler", scheduler);
        if (worker != null) {
            run(
                    "stopping the delivery worker",
                    () -> {
                        if (!worker.stop(WORKER_STOP))
                            log.warn(
                                    "the delivery worker did not finish within {} s",
                                    WORKER_STOP.toSeconds());
                    });
        }
        closeQuietly("Telegram", telegram);
        closeQuietly("the HTTP server", web);
        closeQuietly("the questions still queued", questions);
        closeQuietly("the operations endpoint", ops);
        closeQuietly("the store", db);
        instanceLock.ifPresent(lock -> closeQuietly("the instance lock", lock));
        log.info("stopped");
        stopped.countDown();
    }

    private static void closeQuietly(String what, AutoCloseable thing) {
        if (thing == null) return;
        run(
                "closing " + what,
                () -> {
                    try {
                        thing.close();
                    } catch (Exception e) {
                        throw new IllegalStateException(e.getMessage(), e);
                    }
                });
    }

    private static void run(String what, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            log.warn("{} failed: {}", what, oneLine(String.valueOf(e.getMessage())));
        }
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse(message);
    }
}
