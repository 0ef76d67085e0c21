package dev.ratbot.discord.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.WebsocketServerSpec;
import reactor.netty.http.websocket.WebsocketInbound;
import reactor.netty.http.websocket.WebsocketOutbound;

/**
 * A fake Discord on 127.0.0.1 for the real Discord4J client: the REST routes the adapter uses, and
 * a gateway WebSocket that behaves like Discord's (HELLO, heartbeat ACKs, READY, GUILD_CREATE,
 * zlib-stream compression). It knows one server ({@link #GUILD_ID}) with two text channels, a
 * moderator and a plain member. Tests inject gateway dispatches, script error responses for a
 * route, and read every REST request it received.
 */
public final class FakeDiscord implements AutoCloseable {

    public static final long BOT_ID = 1_146_000_000_000_000_001L;
    public static final long APP_ID = BOT_ID;
    public static final String BOT_NAME = "Ratbot";
    public static final String TOKEN =
            Base64.getEncoder()
                            .withoutPadding()
                            .encodeToString(
                                    Long.toString(BOT_ID).getBytes(StandardCharsets.US_ASCII))
                    + ".GfAkE1.fake-secret-part_0123456789abcdef";

    public static final long GUILD_ID = 1_146_100_000_000_000_001L;
    public static final long GENERAL_CHANNEL = 1_146_100_000_000_000_010L;
    public static final long TIPS_CHANNEL = 1_146_100_000_000_000_011L;
    public static final long MODERATOR_ID = 1_146_200_000_000_000_001L;
    public static final long MEMBER_ID = 1_146_200_000_000_000_002L;
    public static final long MODERATOR_ROLE = 1_146_100_000_000_000_050L;

    /** The bot's own role on the server (what the install link grants). */
    public static final long BOT_ROLE = 1_146_100_000_000_000_051L;

    /**
     * The server's owner, who is neither of the two test users: their rights come from roles only.
     */
    public static final long OWNER_ID = 1_146_200_000_000_000_003L;

    /** Discord permission bits. */
    public static final long VIEW_CHANNEL = 1L << 10,
            SEND_MESSAGES = 1L << 11,
            EMBED_LINKS = 1L << 14,
            MANAGE_GUILD = 1L << 5,
            USE_APPLICATION_COMMANDS = 1L << 31;

    public static final long READ_MESSAGE_HISTORY = 1L << 16,
            SEND_MESSAGES_IN_THREADS = 1L << 38,
            MANAGE_MESSAGES = 1L << 13;
    public static final long MEMBER_PERMISSIONS =
            VIEW_CHANNEL | SEND_MESSAGES | EMBED_LINKS | USE_APPLICATION_COMMANDS;
    public static final long BOT_PERMISSIONS =
            VIEW_CHANNEL
                    | SEND_MESSAGES
                    | SEND_MESSAGES_IN_THREADS
                    | EMBED_LINKS
                    | READ_MESSAGE_HISTORY;

    /** Channel types. */
    public static final int TEXT = 0, ANNOUNCEMENT = 5, PUBLIC_THREAD = 11, FORUM = 15;

    public static final long MODERATOR_PERMISSIONS = MEMBER_PERMISSIONS | MANAGE_GUILD;

    private static final Pattern CHANNEL_MESSAGES = Pattern.compile("/channels/(\\d+)/messages");
    private static final Pattern COMMANDS =
            Pattern.compile("/applications/(\\d+)(/guilds/(\\d+))?/commands");
    private static final Pattern CALLBACK =
            Pattern.compile("/interactions/(\\d+)/([^/]+)/callback");
    private static final Pattern WEBHOOK_ORIGINAL =
            Pattern.compile("/webhooks/(\\d+)/([^/]+)/messages/@original");
    private static final Pattern WEBHOOK_EXECUTE = Pattern.compile("/webhooks/(\\d+)/([^/]+)");
    private static final Pattern CHANNEL = Pattern.compile("/channels/(\\d+)");
    private static final Pattern MEMBER = Pattern.compile("/guilds/(\\d+)/members/(\\d+)");
    private static final Pattern GUILD = Pattern.compile("/guilds/(\\d+)");
    private static final Pattern MESSAGE = Pattern.compile("/channels/(\\d+)/messages/(\\d+)");
    private static final Pattern THREADS = Pattern.compile("/channels/(\\d+)/threads");

    private final DisposableServer server;
    private final String apiPrefix = "/api/v10";
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final List<RecordedRequest> unmatched = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<FakeResponse>> scripted = new HashMap<>();
    private final List<FakeGatewaySession> sessions = new CopyOnWriteArrayList<>();
    private final Map<Long, Long> dmChannels = new HashMap<>();
    private final Map<Long, ObjectNode> channels = new java.util.concurrent.ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong(1_146_900_000_000_000_000L);
    private volatile int recommendedShards = 1;
    private volatile long disallowedIntents;
    private final Object changes = new Object();

    public FakeDiscord() {
        server =
                HttpServer.create()
                        .host("127.0.0.1")
                        .port(0)
                        .handle(this::handle)
                        .bindNow(Duration.ofSeconds(10));
    }

    /** The REST base to configure as {@code DISCORD_API_URL}. */
    public String apiUrl() {
        return "http://127.0.0.1:" + server.port() + apiPrefix;
    }

    public String gatewayUrl() {
        return "ws://127.0.0.1:" + server.port() + "/gw";
    }

    /**
     * Intents the application may not use (privileged ones not switched on in the Developer
     * Portal).
     */
    public void disallowIntents(long mask) {
        this.disallowedIntents = mask;
    }

    public void recommendShards(int count) {
        this.recommendedShards = count;
    }

    /**
     * The next request to {@code method path} (path below the API base, exact) gets these
     * responses, in order.
     */
    public void script(String method, String path, FakeResponse... responses) {
        synchronized (scripted) {
            scripted.computeIfAbsent(
                            method.toUpperCase(java.util.Locale.ROOT) + " " + path,
                            k -> new ArrayDeque<>())
                    .addAll(List.of(responses));
        }
    }

    // ---------------------------------------------------------------- recorded traffic

    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    public List<RecordedRequest> requests(String method, String pathRegex) {
        return requests.stream().filter(r -> r.is(method, pathRegex)).toList();
    }

    /**
     * Requests to routes the fake does not know: a test expecting a clean run asserts this is
     * empty.
     */
    public List<RecordedRequest> unmatched() {
        return List.copyOf(unmatched);
    }

    /** Waits for the {@code n}-th (1-based) request matching, and returns it. */
    public RecordedRequest awaitRequest(String method, String pathRegex, int n, Duration timeout) {
        return awaitValue(
                () -> {
                    List<RecordedRequest> matching = requests(method, pathRegex);
                    return matching.size() >= n ? matching.get(n - 1) : null;
                },
                timeout,
                "request " + n + " to " + method + " " + pathRegex + "; got " + requests);
    }

    public RecordedRequest awaitRequest(String method, String pathRegex, Duration timeout) {
        return awaitRequest(method, pathRegex, 1, timeout);
    }

    public List<FakeGatewaySession> sessions() {
        return List.copyOf(sessions);
    }

    /** Waits until {@code count} gateway connections have identified. */
    public List<FakeGatewaySession> awaitIdentified(int count, Duration timeout) {
        return awaitValue(
                () -> {
                    List<FakeGatewaySession> done =
                            sessions.stream()
                                    .filter(s -> s.identify() != null && s.isOpen())
                                    .toList();
                    return done.size() >= count ? done : null;
                },
                timeout,
                count + " identified gateway connection(s)");
    }

    private <T> T awaitValue(java.util.function.Supplier<T> probe, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (changes) {
            while (true) {
                T value = probe.get();
                if (value != null) return value;
                long left = deadline - System.nanoTime();
                if (left <= 0) throw new AssertionError("timed out waiting for " + what);
                try {
                    changes.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted waiting for " + what);
                }
            }
        }
    }

    private void changed() {
        synchronized (changes) {
            changes.notifyAll();
        }
    }

    // ---------------------------------------------------------------- gateway dispatches

    /**
     * Dispatches an event on the connection of the shard that owns {@code guildId} (shard 0 for
     * DMs: pass 0).
     */
    public void dispatch(long guildId, String type, JsonNode data) {
        for (FakeGatewaySession s : sessions) {
            if (s.isOpen()
                    && s.identify() != null
                    && shardOf(guildId, s.shardCount()) == s.shard()) {
                s.dispatch(type, data);
                return;
            }
        }
        throw new AssertionError(
                "no connected shard for guild "
                        + guildId
                        + " among "
                        + sessions.size()
                        + " session(s)");
    }

    static int shardOf(long guildId, int shardCount) {
        return (int) ((guildId >>> 22) % shardCount);
    }

    // ---------------------------------------------------------------- HTTP

    private Publisher<Void> handle(HttpServerRequest req, HttpServerResponse res) {
        if (req.uri().startsWith("/gw")) {
            return res.sendWebsocket(
                    this::gateway,
                    WebsocketServerSpec.builder().maxFramePayloadLength(1 << 20).build());
        }
        return req.receive()
                .aggregate()
                .asString(StandardCharsets.UTF_8)
                .defaultIfEmpty("")
                .flatMap(
                        body -> {
                            String uri = req.uri();
                            int q = uri.indexOf('?');
                            String path = q < 0 ? uri : uri.substring(0, q);
                            String query = q < 0 ? "" : uri.substring(q + 1);
                            if (path.startsWith(apiPrefix))
                                path = path.substring(apiPrefix.length());
                            Map<String, String> headers = new HashMap<>();
                            req.requestHeaders()
                                    .forEach(
                                            e ->
                                                    headers.put(
                                                            e.getKey()
                                                                    .toLowerCase(
                                                                            java.util.Locale.ROOT),
                                                            e.getValue()));
                            RecordedRequest recorded =
                                    new RecordedRequest(
                                            req.method().name(), path, query, headers, body);
                            FakeResponse response = respond(recorded);
                            requests.add(recorded);
                            changed();
                            res.status(HttpResponseStatus.valueOf(response.status()));
                            response.headers().forEach(res::header);
                            if (response.body().isEmpty()) return res.send().then();
                            res.header("Content-Type", "application/json");
                            return res.sendString(Mono.just(response.body())).then();
                        });
    }

    private FakeResponse respond(RecordedRequest r) {
        synchronized (scripted) {
            Deque<FakeResponse> queue = scripted.get(r.method() + " " + r.path());
            if (queue != null && !queue.isEmpty()) return queue.poll();
        }
        if (!"Bot ".concat(TOKEN).equals(r.headers().get("authorization"))
                && !r.path().startsWith("/interactions/")
                && !r.path().startsWith("/webhooks/")) {
            return FakeResponse.error(401, 0, "401: Unauthorized");
        }
        String p = r.path();
        String m = r.method();
        Matcher x;
        if (m.equals("GET") && p.equals("/gateway")) return ok(Json.obj("url", gatewayUrl()));
        if (m.equals("GET") && p.equals("/gateway/bot")) {
            return ok(
                    Json.obj(
                            "url",
                            gatewayUrl(),
                            "shards",
                            recommendedShards,
                            "session_start_limit",
                            Json.obj(
                                    "total",
                                    1000,
                                    "remaining",
                                    999,
                                    "reset_after",
                                    0,
                                    "max_concurrency",
                                    1)));
        }
        if (m.equals("GET") && p.equals("/users/@me")) return ok(botUser());
        if (m.equals("GET") && p.equals("/oauth2/applications/@me")) return ok(application());
        if (m.equals("PUT") && (x = COMMANDS.matcher(p)).matches())
            return ok(registeredCommands(r.json(), x.group(3)));
        if (m.equals("POST") && CALLBACK.matcher(p).matches())
            return new FakeResponse(204, Map.of(), "");
        if (m.equals("PATCH") && (x = WEBHOOK_ORIGINAL.matcher(p)).matches())
            return ok(message(0, r.json(), true));
        if (m.equals("DELETE") && WEBHOOK_ORIGINAL.matcher(p).matches())
            return new FakeResponse(204, Map.of(), "");
        if (m.equals("POST") && WEBHOOK_EXECUTE.matcher(p).matches())
            return ok(message(0, r.json(), true));
        if (m.equals("POST") && (x = CHANNEL_MESSAGES.matcher(p)).matches()) {
            return ok(message(Long.parseLong(x.group(1)), r.json(), false));
        }
        if (m.equals("POST") && p.equals("/users/@me/channels"))
            return ok(dmChannel(r.json().path("recipient_id").asLong()));
        if (m.equals("DELETE") && MESSAGE.matcher(p).matches())
            return new FakeResponse(204, Map.of(), "");
        if (m.equals("POST") && (x = THREADS.matcher(p)).matches())
            return ok(forumPost(Long.parseLong(x.group(1)), r.json()));
        if (m.equals("GET")
                && (x = GUILD.matcher(p)).matches()
                && Long.parseLong(x.group(1)) == GUILD_ID) return ok(guild());
        if (m.equals("GET")
                && (x = MEMBER.matcher(p)).matches()
                && Long.parseLong(x.group(2)) == BOT_ID) return ok(botMember());
        if (m.equals("GET") && (x = CHANNEL.matcher(p)).matches()) {
            long id = Long.parseLong(x.group(1));
            ObjectNode known = channels.get(id);
            if (known != null) return ok(known);
            if (id == GENERAL_CHANNEL || id == TIPS_CHANNEL)
                return ok(textChannel(id, id == GENERAL_CHANNEL ? "general" : "tips"));
            return FakeResponse.unknownChannel();
        }
        if (m.equals("GET") && (x = MEMBER.matcher(p)).matches()) {
            long user = Long.parseLong(x.group(2));
            if (user == MODERATOR_ID || user == MEMBER_ID) return ok(member(user));
            return FakeResponse.error(404, 10007, "Unknown Member");
        }
        unmatched.add(r);
        return FakeResponse.error(404, 0, "404: Not Found");
    }

    private static FakeResponse ok(JsonNode body) {
        return new FakeResponse(200, Map.of(), Json.write(body));
    }

    // ---------------------------------------------------------------- gateway

    private Publisher<Void> gateway(WebsocketInbound in, WebsocketOutbound out) {
        FakeGatewaySession session = new FakeGatewaySession(this::onClientPayload);
        sessions.add(session);
        changed();
        session.send(10, null, Json.obj("heartbeat_interval", 41_250));
        Mono<Void> inbound =
                in.aggregateFrames(1 << 20)
                        .receiveFrames()
                        .filter(f -> f instanceof TextWebSocketFrame)
                        .map(f -> ((TextWebSocketFrame) f).text())
                        .doOnNext(session::receive)
                        .doFinally(
                                s -> {
                                    session.closed();
                                    changed();
                                })
                        .then();
        Mono<Void> outbound = out.sendObject(session.frames()).then();
        return Mono.when(inbound, outbound);
    }

    private void onClientPayload(FakeGatewaySession session, JsonNode payload) {
        int op = payload.path("op").asInt(-1);
        switch (op) {
            case 1 -> session.send(11, null, null);
            case 2 -> {
                session.identified(payload.path("d"));
                if ((payload.path("d").path("intents").asLong() & disallowedIntents) != 0) {
                    // As Discord does when the application lacks a privileged intent it asks for.
                    session.closeWith(4014, "Disallowed intent(s).");
                    changed();
                    return;
                }
                int shard = session.shard();
                int count = session.shardCount();
                ArrayNode guilds = Json.arr();
                if (shardOf(GUILD_ID, count) == shard)
                    guilds.add(Json.obj("id", Long.toString(GUILD_ID), "unavailable", true));
                session.dispatch(
                        "READY",
                        Json.obj(
                                "v", 10,
                                "user", botUser(),
                                "guilds", guilds,
                                "session_id", "fake-session-" + ids.incrementAndGet(),
                                "resume_gateway_url", gatewayUrl(),
                                "shard", Json.arr(shard, count),
                                "application", Json.obj("id", Long.toString(APP_ID), "flags", 0),
                                "private_channels", Json.arr(),
                                "relationships", Json.arr()));
                if (shardOf(GUILD_ID, count) == shard) session.dispatch("GUILD_CREATE", guild());
                changed();
            }
            // A resume after a drop: this fake keeps no sessions, so it asks for a fresh IDENTIFY.
            case 6 -> session.send(9, null, Json.MAPPER.getNodeFactory().booleanNode(false));
            default -> {
                // presence updates and the like need no answer
            }
        }
    }

    // ---------------------------------------------------------------- channels

    /**
     * Makes a channel known to REST (GET /channels/{id}); returns it so that a test can add
     * overwrites.
     */
    public ObjectNode addChannel(long id, int type, String name, Long parentId) {
        ObjectNode c = textChannel(id, name);
        c.put("type", type);
        if (parentId != null) c.put("parent_id", Long.toString(parentId));
        channels.put(id, c);
        return c;
    }

    /**
     * Adds a permission overwrite ({@code type} 0 = role, 1 = member) to a channel added with
     * {@link #addChannel}.
     */
    public static void overwrite(ObjectNode channel, long id, int type, long allow, long deny) {
        ((ArrayNode) channel.get("permission_overwrites"))
                .add(
                        Json.obj(
                                "id",
                                Long.toString(id),
                                "type",
                                type,
                                "allow",
                                Long.toString(allow),
                                "deny",
                                Long.toString(deny)));
    }

    /**
     * A forum post the bot opened (POST /channels/{forum}/threads): a public thread whose id is its
     * first message's.
     */
    private ObjectNode forumPost(long forum, JsonNode request) {
        long id = ids.incrementAndGet();
        ObjectNode thread = addChannel(id, PUBLIC_THREAD, request.path("name").asText(), forum);
        ObjectNode out = thread.deepCopy();
        ObjectNode first = message(id, request.path("message"), false);
        first.put("id", Long.toString(id));
        out.set("message", first);
        return out;
    }

    // ---------------------------------------------------------------- payloads

    /** The bot as a member of the server, with its own role. */
    public static ObjectNode botMember() {
        return Json.obj(
                "user",
                botUser(),
                "nick",
                null,
                "roles",
                Json.arr(Long.toString(BOT_ROLE)),
                "joined_at",
                "2024-01-01T00:00:00.000000+00:00",
                "deaf",
                false,
                "mute",
                false,
                "flags",
                0,
                "pending",
                false);
    }

    public static ObjectNode botUser() {
        return user(BOT_ID, BOT_NAME, true);
    }

    public static ObjectNode user(long id, String name, boolean bot) {
        ObjectNode u =
                Json.obj(
                        "id",
                        Long.toString(id),
                        "username",
                        name,
                        "discriminator",
                        "0",
                        "global_name",
                        name,
                        "avatar",
                        null,
                        "public_flags",
                        0);
        if (bot) u.put("bot", true);
        return u;
    }

    public static String userName(long id) {
        if (id == MODERATOR_ID) return "mod_mia";
        if (id == MEMBER_ID) return "member_max";
        return "user" + id;
    }

    /** A guild member as the REST API returns it; the moderator has the moderator role. */
    public static ObjectNode member(long userId) {
        return Json.obj(
                "user",
                user(userId, userName(userId), false),
                "nick",
                null,
                "roles",
                userId == MODERATOR_ID ? Json.arr(Long.toString(MODERATOR_ROLE)) : Json.arr(),
                "joined_at",
                "2024-01-01T00:00:00.000000+00:00",
                "deaf",
                false,
                "mute",
                false,
                "flags",
                0,
                "pending",
                false);
    }

    /**
     * A member as an interaction carries it, with the member's computed permissions in the channel.
     */
    public static ObjectNode interactionMember(long userId, long permissions) {
        ObjectNode m = member(userId);
        m.put("permissions", Long.toString(permissions));
        return m;
    }

    private static ObjectNode role(long id, String name, long permissions, int position) {
        return Json.obj(
                "id",
                Long.toString(id),
                "name",
                name,
                "color",
                0,
                "colors",
                Json.obj("primary_color", 0, "secondary_color", null, "tertiary_color", null),
                "hoist",
                false,
                "icon",
                null,
                "unicode_emoji",
                null,
                "position",
                position,
                "permissions",
                Long.toString(permissions),
                "managed",
                false,
                "mentionable",
                false,
                "flags",
                0);
    }

    public static ObjectNode textChannel(long id, String name) {
        return Json.obj(
                "id",
                Long.toString(id),
                "type",
                0,
                "guild_id",
                Long.toString(GUILD_ID),
                "name",
                name,
                "position",
                id == GENERAL_CHANNEL ? 0 : 1,
                "permission_overwrites",
                Json.arr(),
                "nsfw",
                false,
                "topic",
                null,
                "last_message_id",
                null,
                "rate_limit_per_user",
                0,
                "parent_id",
                null);
    }

    private ObjectNode guild() {
        return Json.obj(
                "id",
                Long.toString(GUILD_ID),
                "name",
                "Rat Fanciers",
                "icon",
                null,
                "splash",
                null,
                "discovery_splash",
                null,
                "owner_id",
                Long.toString(OWNER_ID),
                "afk_channel_id",
                null,
                "afk_timeout",
                300,
                "verification_level",
                0,
                "default_message_notifications",
                0,
                "explicit_content_filter",
                0,
                "roles",
                Json.arr(
                        role(GUILD_ID, "@everyone", MEMBER_PERMISSIONS, 0),
                        role(MODERATOR_ROLE, "Moderators", MODERATOR_PERMISSIONS, 1),
                        role(BOT_ROLE, "Ratbot", BOT_PERMISSIONS, 2)),
                "emojis",
                Json.arr(),
                "features",
                Json.arr(),
                "mfa_level",
                0,
                "application_id",
                null,
                "system_channel_id",
                null,
                "system_channel_flags",
                0,
                "rules_channel_id",
                null,
                "joined_at",
                "2024-01-01T00:00:00.000000+00:00",
                "large",
                false,
                "unavailable",
                false,
                "member_count",
                3,
                "voice_states",
                Json.arr(),
                "members",
                Json.arr(botMember()),
                "channels",
                Json.arr(
                        textChannel(GENERAL_CHANNEL, "general"), textChannel(TIPS_CHANNEL, "tips")),
                "threads",
                Json.arr(),
                "presences",
                Json.arr(),
                "stage_instances",
                Json.arr(),
                "stickers",
                Json.arr(),
                "guild_scheduled_events",
                Json.arr(),
                "preferred_locale",
                "en-US",
                "premium_tier",
                0,
                "nsfw_level",
                0,
                "vanity_url_code",
                null,
                "description",
                null,
                "banner",
                null,
                "premium_subscription_count",
                0,
                "public_updates_channel_id",
                null,
                "max_video_channel_users",
                25,
                "nsfw",
                false,
                "premium_progress_bar_enabled",
                false,
                "safety_alerts_channel_id",
                null);
    }

    private static ObjectNode application() {
        return Json.obj(
                "id",
                Long.toString(APP_ID),
                "name",
                BOT_NAME,
                "icon",
                null,
                "description",
                "Pet-rat care answers",
                "summary",
                "",
                "bot_public",
                true,
                "bot_require_code_grant",
                false,
                "verify_key",
                "00ff",
                "owner",
                user(MODERATOR_ID, userName(MODERATOR_ID), false),
                "team",
                null,
                "flags",
                0);
    }

    private ArrayNode registeredCommands(JsonNode body, String guildId) {
        ArrayNode out = Json.arr();
        for (JsonNode c : body) {
            ObjectNode cmd = ((ObjectNode) c).deepCopy();
            cmd.put("id", Long.toString(ids.incrementAndGet()));
            cmd.put("application_id", Long.toString(APP_ID));
            cmd.put("version", Long.toString(ids.incrementAndGet()));
            if (!cmd.has("type")) cmd.put("type", 1);
            // Discord answers an empty description for context-menu commands, which may not send
            // one.
            if (!cmd.has("description")) cmd.put("description", "");
            if (guildId != null) cmd.put("guild_id", guildId);
            out.add(cmd);
        }
        return out;
    }

    private ObjectNode dmChannel(long recipient) {
        long id;
        synchronized (dmChannels) {
            id = dmChannels.computeIfAbsent(recipient, r -> ids.incrementAndGet());
        }
        return Json.obj(
                "id",
                Long.toString(id),
                "type",
                1,
                "last_message_id",
                null,
                "flags",
                0,
                "recipients",
                Json.arr(user(recipient, userName(recipient), false)));
    }

    /** The DM channel the fake created for a user, once the bot asked for it. */
    public Long dmChannelOf(long userId) {
        synchronized (dmChannels) {
            return dmChannels.get(userId);
        }
    }

    private ObjectNode message(long channelId, JsonNode request, boolean webhook) {
        ObjectNode m =
                FakeEvents.botMessage(
                        ids.incrementAndGet(),
                        channelId == 0 ? GENERAL_CHANNEL : channelId,
                        request.path("content").asText(""));
        m.set(
                "embeds",
                request.has("embeds") && request.get("embeds").isArray()
                        ? request.get("embeds")
                        : Json.arr());
        m.set(
                "components",
                request.has("components") && request.get("components").isArray()
                        ? request.get("components")
                        : Json.arr());
        if (webhook) {
            m.put("webhook_id", Long.toString(APP_ID));
            m.put("application_id", Long.toString(APP_ID));
        }
        return m;
    }

    /** Closes every gateway connection from the server's side (Discord4J will reconnect). */
    public void dropGatewayConnections() {
        sessions.forEach(FakeGatewaySession::close);
    }

    public long nextId() {
        return ids.incrementAndGet();
    }

    @Override
    public void close() {
        sessions.forEach(FakeGatewaySession::close);
        server.disposeNow(Duration.ofSeconds(5));
    }

    /** For assertions: the recorded requests that satisfy a predicate. */
    public List<RecordedRequest> requests(Predicate<RecordedRequest> filter) {
        List<RecordedRequest> out = new ArrayList<>();
        for (RecordedRequest r : requests) if (filter.test(r)) out.add(r);
        return out;
    }
}
