package dev.ratbot.console;

import dev.ratbot.answer.Answer;
import dev.ratbot.answer.SectionRef;
import dev.ratbot.knowledge.KnowledgePack;
import dev.ratbot.message.Address;
import dev.ratbot.message.Platform;
import dev.ratbot.store.Database;
import dev.ratbot.subscription.JdbcSubscriptionStore;
import dev.ratbot.subscription.SubscriptionStatus;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator's web console (Javalin, jte templates compiled at build time, uPlot from its webjar;
 * every asset from the jar): the overview, what the guide lacks, teaching, taught answers and
 * subscriptions. {@link #start} binds, {@link #close} stops.
 *
 * <p>Security: one password opens a session held in an HttpOnly, SameSite=Strict cookie (Secure
 * when a proxy says the request came over HTTPS); every POST carries the session's CSRF token and,
 * when the browser sends an Origin, it must be this console's; failed logins are slowed by {@link
 * LoginThrottle}; every response sends a strict Content-Security-Policy (scripts and styles from
 * this origin only, no inline ones); all text is escaped by jte, and question text sits in {@code
 * <bdi>} so right-to-left marks cannot reorder the page around it.
 *
 * <p>{@link #start} runs the console on a server of its own; {@link #create} and {@link #install}
 * put it on a server the caller runs.
 */
public final class ConsoleServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ConsoleServer.class);
    static final String COOKIE = "ratbot_console";
    static final String CSP =
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self';"
                    + " form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    /** Questions sharing about half their content words group together ({@link TokenVectors}). */
    static final double GROUPING_THRESHOLD = 0.45;

    /**
     * With sentence embeddings (the engine's all-MiniLM-L6-v2), paraphrases of one question score
     * above this and different questions about the same animal below it.
     */
    public static final double MEANING_GROUPING_THRESHOLD = 0.7;

    private static final int GROUPS_SHOWN = 50;
    private static final int EXAMPLES = 5;
    private static final int PHRASINGS = 10;
    private static final int MAX_PHRASING = 300;
    private static final long MAX_IMPORT_BYTES = 1_000_000;
    private static final Map<String, String> DONE =
            Map.of(
                    "added", "Saved. The bot answers it from now on.",
                    "saved", "Saved.",
                    "phrasings",
                            "Added the phrasings to the section. The bot answers them from now on.",
                    "deleted", "Deleted.",
                    "enabled", "Enabled.",
                    "disabled", "Disabled.",
                    "resumed", "Resumed: the chat gets its daily tip again.",
                    "imported", "Imported.");
    private static final Map<String, String[]> STATIC =
            Map.of(
                    "console.css",
                            new String[] {
                                "dev/ratbot/console/static/console.css", "text/css; charset=utf-8"
                            },
                    "console.js",
                            new String[] {
                                "dev/ratbot/console/static/console.js",
                                "text/javascript; charset=utf-8"
                            },
                    "uPlot.iife.min.js",
                            new String[] {
                                "META-INF/resources/webjars/uplot/1.6.30/dist/uPlot.iife.min.js",
                                "text/javascript; charset=utf-8"
                            },
                    "uPlot.min.css",
                            new String[] {
                                "META-INF/resources/webjars/uplot/1.6.30/dist/uPlot.min.css",
                                "text/css; charset=utf-8"
                            });

    private final ConsoleSettings settings;
    private final Database db;
    private final OperatorKnowledge knowledge;
    private final KnowledgePack pack;
    private final OperatorEntries entries;
    private final ConsoleQueries queries;
    private final QuestionGrouper grouper;
    private final JdbcSubscriptionStore subscriptions;
    private final Sessions sessions;
    private final LoginThrottle throttle;
    private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);
    private final Map<String, byte[]> assets = new HashMap<>();
    private Javalin app;

    private ConsoleServer(
            ConsoleSettings settings,
            Database db,
            OperatorKnowledge knowledge,
            KnowledgePack pack,
            double threshold,
            Function<String, float[]> vectors,
            Clock clock) {
        this.settings = settings;
        this.db = db;
        this.knowledge = knowledge;
        this.pack = pack;
        this.entries = new OperatorEntries(db, clock);
        this.queries = new ConsoleQueries(db, clock);
        this.grouper = new QuestionGrouper(vectors, threshold);
        this.subscriptions = new JdbcSubscriptionStore(db, clock);
        this.sessions = new Sessions(clock);
        this.throttle = new LoginThrottle(clock);
    }

    /**
     * Starts the console.
     *
     * @param knowledge the engine the bot answers with; rebuilt at once after every change made
     *     here
     * @param vectors how questions become vectors for grouping (see {@link QuestionGrouper})
     */
    public static ConsoleServer start(
            ConsoleSettings settings,
            Database db,
            OperatorKnowledge knowledge,
            KnowledgePack pack,
            Function<String, float[]> vectors,
            Clock clock) {
        return start(settings, db, knowledge, pack, vectors, GROUPING_THRESHOLD, clock);
    }

    /**
     * The same with the similarity from which questions group, for vectors other than {@link
     * TokenVectors}.
     */
    public static ConsoleServer start(
            ConsoleSettings settings,
            Database db,
            OperatorKnowledge knowledge,
            KnowledgePack pack,
            Function<String, float[]> vectors,
            double threshold,
            Clock clock) {
        ConsoleServer server = create(settings, db, knowledge, pack, vectors, threshold, clock);
        server.app =
                Javalin.create(
                        config -> {
                            config.startup.showJavalinBanner = false;
                            config.startup.showOldJavalinVersionWarning = false;
                            server.install(config);
                        });
        try {
            server.app.start(settings.bind(), settings.port());
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    "cannot listen on "
                            + settings.bind()
                            + ":"
                            + settings.port()
                            + ": "
                            + e.getMessage(),
                    e);
        }
        log.info("console listening on http://{}:{}", settings.bind(), server.port());
        return server;
    }

    /**
     * The console without a server of its own: {@link #install} puts its pages on a Javalin the
     * caller runs (the launcher serves the console, the operations endpoint and the webhook from
     * one server). {@link #port()} and {@link #close()} are the caller's then.
     */
    public static ConsoleServer create(
            ConsoleSettings settings,
            Database db,
            OperatorKnowledge knowledge,
            KnowledgePack pack,
            Function<String, float[]> vectors,
            double threshold,
            Clock clock) {
        ConsoleServer server =
                new ConsoleServer(
                        Objects.requireNonNull(settings, "settings"),
                        db,
                        knowledge,
                        pack,
                        threshold,
                        vectors,
                        clock);
        server.loadAssets();
        return server;
    }

    /** Adds the console's routes, guard and error page to a Javalin being configured. */
    public void install(JavalinConfig config) {
        config.http.maxRequestSize = MAX_IMPORT_BYTES + 100_000;
        config.routes.before(this::guard);
        config.routes.get("/static/{name}", this::asset);
        config.routes.get("/login", ctx -> render(ctx, "login.jte", model("message", null)));
        config.routes.post("/login", this::login);
        config.routes.post("/logout", this::logout);
        config.routes.get("/", this::overview);
        config.routes.get("/lacks", this::lacks);
        config.routes.post("/teach/phrasings", this::teachPhrasings);
        config.routes.get("/entries", this::entriesPage);
        config.routes.get("/entries/new", this::newAnswer);
        config.routes.post("/entries", this::addAnswer);
        config.routes.get("/entries/export", this::export);
        config.routes.post("/entries/import", this::importFile);
        config.routes.get("/entries/{id}", this::editEntry);
        config.routes.post("/entries/{id}", this::saveEntry);
        config.routes.post("/entries/{id}/enabled", this::toggle);
        config.routes.post("/entries/{id}/delete", this::delete);
        config.routes.get("/subscriptions", this::subscriptionsPage);
        config.routes.post("/subscriptions/{id}/resume", this::resume);
        config.routes.exception(
                Exception.class,
                (e, ctx) -> {
                    log.warn("console: {} {} failed: {}", ctx.method(), ctx.path(), e.toString());
                    ctx.status(500)
                            .contentType("text/plain; charset=utf-8")
                            .result("Something went wrong; the log says what.");
                });
    }

    /** The port of the console's own server (after {@link #start}). */
    public int port() {
        if (app == null) throw new IllegalStateException("the console runs on its caller's server");
        return app.port();
    }

    /** Stops the console's own server, if it has one. */
    @Override
    public void close() {
        if (app != null) app.stop();
    }

    // ---- security
    // -------------------------------------------------------------------------------------------

    private void guard(Context ctx) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "same-origin");
        String path = ctx.path();
        if (path.startsWith("/static/")) return;
        ctx.header("Cache-Control", "no-store");
        boolean post = HandlerType.POST.equals(ctx.method());
        if (post && !sameOrigin(ctx)) {
            refuse(ctx, 403, "This form came from another site.");
            return;
        }
        if (path.equals("/login")) return;
        Optional<Sessions.Session> session = sessions.find(ctx.cookie(COOKIE));
        if (session.isEmpty()) {
            if (post) refuse(ctx, 403, "Log in first.");
            else {
                ctx.redirect("/login");
                ctx.skipRemainingHandlers();
            }
            return;
        }
        if (post && !Sessions.same(ctx.formParam("csrf"), session.get().csrf())) {
            refuse(
                    ctx,
                    403,
                    "This form has expired or did not come from the console; reload the page and try again.");
            return;
        }
        ctx.attribute("session", session.get());
    }

    private static boolean sameOrigin(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin == null) return true;
        String host = ctx.header("Host");
        return host != null
                && (origin.equals("http://" + host) || origin.equals("https://" + host));
    }

    private static void refuse(Context ctx, int status, String why) {
        ctx.status(status).contentType("text/plain; charset=utf-8").result(why);
        ctx.skipRemainingHandlers();
    }

    private void login(Context ctx) {
        String address = ctx.req().getRemoteAddr();
        Duration wait = throttle.waitFor(address);
        if (!wait.isZero()) {
            long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
            ctx.status(429).header("Retry-After", Long.toString(seconds));
            render(
                    ctx,
                    "login.jte",
                    model(
                            "message",
                            "Too many failed attempts. Try again in " + seconds + " seconds."));
            return;
        }
        if (!Sessions.same(ctx.formParam("password"), settings.password())) {
            throttle.failed(address);
            log.warn("console: failed login from {}", address);
            ctx.status(401);
            render(ctx, "login.jte", model("message", "That is not the console password."));
            return;
        }
        throttle.succeeded(address);
        String id = sessions.open();
        boolean https = "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
        ctx.header(
                "Set-Cookie",
                COOKIE
                        + "="
                        + id
                        + "; Path=/; Max-Age="
                        + Sessions.LIFETIME.toSeconds()
                        + "; HttpOnly; SameSite=Strict"
                        + (https ? "; Secure" : ""));
        ctx.redirect("/");
    }

    private void logout(Context ctx) {
        sessions.close(ctx.cookie(COOKIE));
        ctx.header("Set-Cookie", COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict");
        ctx.redirect("/login");
    }

    // ---- pages
    // ----------------------------------------------------------------------------------------------

    private Nav nav(Context ctx, String active) {
        Sessions.Session s = ctx.attribute("session");
        String done = ctx.queryParam("done");
        String message = done == null ? null : DONE.get(done);
        String count = ctx.queryParam("n");
        if ("imported".equals(done) && count != null && count.matches("\\d{1,6}"))
            message = "Imported " + count + " entries.";
        return new Nav(s.csrf(), active, message);
    }

    private void overview(Context ctx) {
        ConsoleQueries.Overview overview = queries.overview(Range.of(ctx.queryParam("range")));
        long max =
                overview.subscribers().stream()
                        .mapToLong(ConsoleQueries.SubscriberCount::count)
                        .max()
                        .orElse(1);
        render(
                ctx,
                "overview.jte",
                model(
                        "nav",
                        nav(ctx, "overview"),
                        "overview",
                        overview,
                        "charts",
                        overview.charts().stream().map(ChartView::of).toList(),
                        "subscriberMax",
                        max));
    }

    private void lacks(Context ctx) {
        List<QuestionGrouper.Group> groups = grouper.group(queries.lacking());
        List<GroupView> views = new ArrayList<>();
        for (int i = 0; i < groups.size() && i < GROUPS_SHOWN; i++) {
            QuestionGrouper.Group g = groups.get(i);
            List<String> questions =
                    g.questions().stream().map(QuestionGrouper.Asked::question).toList();
            Answer now = knowledge.answer(questions.get(0));
            String nowAnswered =
                    now.answered() ? now.section().map(SectionRef::title).orElse(null) : null;
            String suggested =
                    (now.answered() ? now.section() : now.related().stream().findFirst())
                            .map(SectionRef::id)
                            .orElse("");
            views.add(
                    new GroupView(
                            i + 1,
                            g.times(),
                            day(g.firstAt()),
                            day(g.lastAt()),
                            questions.subList(0, Math.min(EXAMPLES, questions.size())),
                            questions.subList(0, Math.min(PHRASINGS, questions.size())),
                            nowAnswered,
                            suggested,
                            "/entries/new?title="
                                    + URLEncoder.encode(questions.get(0), StandardCharsets.UTF_8)));
        }
        render(
                ctx,
                "lacks.jte",
                model(
                        "nav",
                        nav(ctx, "lacks"),
                        "groups",
                        views,
                        "sections",
                        guideSections(),
                        "total",
                        groups.size()));
    }

    private void teachPhrasings(Context ctx) {
        String section = ctx.formParam("section");
        if (section == null || pack.section(section).isEmpty()) {
            refuse(ctx, 400, "There is no such section in the guide.");
            return;
        }
        List<OperatorEntry> existing = entries.all();
        for (String q : ctx.formParams("q")) {
            String phrasing = phrasing(q);
            if (phrasing.isEmpty()) continue;
            boolean known =
                    existing.stream()
                            .anyMatch(
                                    e ->
                                            e.kind() == OperatorEntry.Kind.PHRASING
                                                    && e.title().equalsIgnoreCase(phrasing)
                                                    && e.sectionId().orElse("").equals(section));
            if (!known) entries.add(OperatorEntry.phrasing(0, phrasing, section, true));
        }
        knowledge.refresh();
        ctx.redirect("/entries?done=phrasings");
    }

    private void entriesPage(Context ctx) {
        Map<String, String> titles = new HashMap<>();
        pack.sections().forEach(s -> titles.put(s.id(), s.title()));
        render(
                ctx,
                "entries.jte",
                model(
                        "nav",
                        nav(ctx, "entries"),
                        "entries",
                        entries.all(),
                        "sectionTitles",
                        titles));
    }

    private void newAnswer(Context ctx) {
        String title =
                Optional.ofNullable(ctx.queryParam("title"))
                        .map(t -> t.length() > 200 ? t.substring(0, 200) : t)
                        .orElse("");
        renderForm(ctx, 200, "/entries", false, title, "", "", true, null);
    }

    private void addAnswer(Context ctx) {
        String title = ctx.formParamAsClass("title", String.class).getOrDefault("");
        String body = ctx.formParamAsClass("body", String.class).getOrDefault("");
        boolean enabled = "true".equals(ctx.formParam("enabled"));
        try {
            String checked = EntryFiles.checkTitle(title);
            EntryFiles.check(checked, body);
            entries.add(OperatorEntry.answer(0, checked, body.strip(), enabled));
        } catch (EntryFiles.Refused e) {
            renderForm(ctx, 400, "/entries", false, title, body, "", enabled, e.getMessage());
            return;
        }
        knowledge.refresh();
        ctx.redirect("/entries?done=added");
    }

    private void editEntry(Context ctx) {
        Optional<OperatorEntry> entry = entry(ctx);
        if (entry.isEmpty()) return;
        OperatorEntry e = entry.get();
        renderForm(
                ctx,
                200,
                "/entries/" + e.id(),
                e.kind() == OperatorEntry.Kind.PHRASING,
                e.title(),
                e.body().orElse(""),
                e.sectionId().orElse(""),
                e.enabled(),
                null);
    }

    private void saveEntry(Context ctx) {
        Optional<OperatorEntry> entry = entry(ctx);
        if (entry.isEmpty()) return;
        OperatorEntry e = entry.get();
        String title = ctx.formParamAsClass("title", String.class).getOrDefault("");
        boolean enabled = "true".equals(ctx.formParam("enabled"));
        switch (e.kind()) {
            case ANSWER -> {
                String body = ctx.formParamAsClass("body", String.class).getOrDefault("");
                try {
                    String checked = EntryFiles.checkTitle(title);
                    EntryFiles.check(checked, body);
                    entries.update(OperatorEntry.answer(e.id(), checked, body.strip(), enabled));
                } catch (EntryFiles.Refused refused) {
                    renderForm(
                            ctx,
                            400,
                            "/entries/" + e.id(),
                            false,
                            title,
                            body,
                            "",
                            enabled,
                            refused.getMessage());
                    return;
                }
            }
            case PHRASING -> {
                String section = Optional.ofNullable(ctx.formParam("section")).orElse("");
                String phrasing = phrasing(title);
                if (phrasing.isEmpty() || pack.section(section).isEmpty()) {
                    renderForm(
                            ctx,
                            400,
                            "/entries/" + e.id(),
                            true,
                            title,
                            "",
                            section,
                            enabled,
                            "Give a phrasing and a section of the guide.");
                    return;
                }
                entries.update(OperatorEntry.phrasing(e.id(), phrasing, section, enabled));
            }
        }
        knowledge.refresh();
        ctx.redirect("/entries?done=saved");
    }

    private void toggle(Context ctx) {
        Optional<OperatorEntry> entry = entry(ctx);
        if (entry.isEmpty()) return;
        OperatorEntry e = entry.get();
        boolean enabled = "true".equals(ctx.formParam("enabled"));
        entries.update(
                new OperatorEntry(e.id(), e.kind(), e.title(), e.body(), e.sectionId(), enabled));
        knowledge.refresh();
        ctx.redirect("/entries?done=" + (enabled ? "enabled" : "disabled"));
    }

    private void delete(Context ctx) {
        Optional<OperatorEntry> entry = entry(ctx);
        if (entry.isEmpty()) return;
        entries.delete(entry.get().id());
        knowledge.refresh();
        ctx.redirect("/entries?done=deleted");
    }

    private void export(Context ctx) {
        ctx.contentType("text/markdown; charset=utf-8")
                .header(
                        "Content-Disposition",
                        "attachment; filename=\"ratbot-operator-answers.md\"")
                .result(EntryFiles.export(entries.all()));
    }

    private void importFile(Context ctx) throws IOException {
        UploadedFile file = ctx.uploadedFile("file");
        if (file == null || file.size() > MAX_IMPORT_BYTES) {
            refuse(ctx, 400, "Choose a pack file (Markdown, at most 1 MB).");
            return;
        }
        String text;
        try (InputStream in = file.content()) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<OperatorEntry> read;
        try {
            read = EntryFiles.read(text);
        } catch (EntryFiles.Refused e) {
            ctx.status(400)
                    .contentType("text/plain; charset=utf-8")
                    .result(
                            "The file is not a pack file the console can import: "
                                    + e.getMessage());
            return;
        }
        List<OperatorEntry> existing = entries.all();
        int added = 0;
        for (OperatorEntry e : read) {
            if (e.kind() == OperatorEntry.Kind.PHRASING
                    && pack.section(e.sectionId().orElse("")).isEmpty()) continue;
            boolean known =
                    existing.stream()
                            .anyMatch(
                                    x ->
                                            x.kind() == e.kind()
                                                    && x.title().equals(e.title())
                                                    && x.body().equals(e.body())
                                                    && x.sectionId().equals(e.sectionId()));
            if (known) continue;
            entries.add(e);
            added++;
        }
        knowledge.refresh();
        ctx.redirect("/entries?done=imported&n=" + added);
    }

    private void subscriptionsPage(Context ctx) {
        render(
                ctx,
                "subscriptions.jte",
                model(
                        "nav",
                        nav(ctx, "subscriptions"),
                        "subscriptions",
                        queries.inactiveSubscriptions(500)));
    }

    private void resume(Context ctx) {
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            refuse(ctx, 404, "No such subscription.");
            return;
        }
        Optional<Row> row = subscriptionRow(id);
        if (row.isEmpty()) {
            refuse(ctx, 404, "No such subscription.");
            return;
        }
        Row r = row.get();
        switch (r.status()) {
            case PAUSED -> subscriptions.setPaused(r.address(), false);
            case STOPPED -> subscriptions.subscribe(r.address(), r.time(), r.zone(), r.createdBy());
            case ACTIVE -> {}
        }
        log.info("console: resumed subscription {}", id);
        ctx.redirect("/subscriptions?done=resumed");
    }

    private record Row(
            Address address,
            LocalTime time,
            ZoneId zone,
            SubscriptionStatus status,
            String createdBy) {}

    private Optional<Row> subscriptionRow(long id) {
        return db.withConnection(
                c -> {
                    try (PreparedStatement ps =
                            c.prepareStatement(
                                    "SELECT platform, chat_id, thread_id, server_id, is_group, local_time, zone, status,"
                                            + " created_by FROM subscriptions WHERE id = ?")) {
                        ps.setLong(1, id);
                        try (ResultSet rs = ps.executeQuery()) {
                            if (!rs.next()) return Optional.empty();
                            String thread = rs.getString(3);
                            Address address =
                                    new Address(
                                            Platform.valueOf(rs.getString(1)),
                                            rs.getString(2),
                                            thread == null || thread.isEmpty()
                                                    ? Optional.empty()
                                                    : Optional.of(thread),
                                            Optional.ofNullable(rs.getString(4)),
                                            rs.getBoolean(5));
                            return Optional.of(
                                    new Row(
                                            address,
                                            LocalTime.parse(rs.getString(6)),
                                            ZoneId.of(rs.getString(7)),
                                            SubscriptionStatus.valueOf(rs.getString(8)),
                                            rs.getString(9)));
                        }
                    }
                });
    }

    // ---- helpers
    // --------------------------------------------------------------------------------------------

    private Optional<OperatorEntry> entry(Context ctx) {
        try {
            Optional<OperatorEntry> e = entries.find(Long.parseLong(ctx.pathParam("id")));
            if (e.isEmpty()) refuse(ctx, 404, "No such entry; it may have been deleted.");
            return e;
        } catch (NumberFormatException e) {
            refuse(ctx, 404, "No such entry.");
            return Optional.empty();
        }
    }

    private void renderForm(
            Context ctx,
            int status,
            String action,
            boolean phrasing,
            String title,
            String body,
            String sectionId,
            boolean enabled,
            String error) {
        ctx.status(status);
        render(
                ctx,
                "edit.jte",
                model(
                        "nav",
                        nav(ctx, "entries"),
                        "action",
                        action,
                        "phrasing",
                        phrasing,
                        "title",
                        title,
                        "body",
                        body,
                        "sectionId",
                        sectionId,
                        "enabled",
                        enabled,
                        "error",
                        error,
                        "sections",
                        guideSections()));
    }

    /** The pack's own sections (not the aliases phrasings add), for "this is section X". */
    private List<SectionRef> guideSections() {
        return pack.sections().stream()
                .filter(s -> !s.blocks().isEmpty())
                .map(s -> new SectionRef(s.id(), String.join(" › ", s.path())))
                .toList();
    }

    private static String phrasing(String q) {
        String p = q == null ? "" : q.strip().replaceAll("\\s+", " ");
        p =
                p.codePoints()
                        .filter(cp -> !Character.isISOControl(cp))
                        .collect(
                                StringBuilder::new,
                                StringBuilder::appendCodePoint,
                                StringBuilder::append)
                        .toString();
        return p.length() > MAX_PHRASING ? p.substring(0, MAX_PHRASING) : p;
    }

    private static String day(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).atOffset(ZoneOffset.UTC).toLocalDate().toString();
    }

    private void render(Context ctx, String template, Map<String, Object> model) {
        StringOutput out = new StringOutput();
        templates.render(template, model, out);
        ctx.contentType("text/html; charset=utf-8").result(out.toString());
    }

    private static Map<String, Object> model(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2)
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        return m;
    }

    private void loadAssets() {
        for (Map.Entry<String, String[]> a : STATIC.entrySet()) {
            try (InputStream in =
                    ConsoleServer.class.getClassLoader().getResourceAsStream(a.getValue()[0])) {
                if (in == null)
                    throw new IllegalStateException("missing from the jar: " + a.getValue()[0]);
                assets.put(a.getKey(), in.readAllBytes());
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + a.getValue()[0], e);
            }
        }
    }

    private void asset(Context ctx) {
        String name = ctx.pathParam("name");
        byte[] bytes = assets.get(name);
        if (bytes == null) {
            ctx.status(404).result("");
            return;
        }
        ctx.contentType(STATIC.get(name)[1]).header("Cache-Control", "max-age=3600").result(bytes);
    }
}
