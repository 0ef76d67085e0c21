package dev.ratbot.telegram.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * A Bot API server on 127.0.0.1 for tests, speaking the documented protocol: {@code POST
 * /bot<token>/<method>} with JSON, form or multipart parameters, answers {@code
 * {"ok":true,"result":...}} or {@code
 * {"ok":false,"error_code":N,"description":...,"parameters":...}} with N as the HTTP status. Method
 * names match case-insensitively, as Telegram's do.
 *
 * <p>It checks what Telegram checks on the methods the bot uses: text of 1–4096 characters after
 * entity parsing, HTML that Telegram accepts ({@link TelegramHtmlChecker}), callback data of 1–64
 * bytes, callback queries answered once, inline result ids, command names. Tests script updates
 * (held for {@code getUpdates}), chat members and error answers, and read every request it
 * received.
 */
public final class FakeBotApi implements AutoCloseable {

    /** One request as received: the method name in lower case and its parameters as JSON. */
    public record Call(String method, ObjectNode params) {
        public String text(String field) {
            JsonNode n = params.get(field);
            return n == null || n.isNull() ? null : n.asText();
        }
    }

    /** A rejection the fake answered because the request broke one of Telegram's rules. */
    public record Rejection(String method, int code, String description) {}

    public static final long BOT_ID = 7_000_001L;
    public static final String BOT_USERNAME = "ratbot_test_bot";
    public static final int MAX_TEXT = 4096;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> JSON_FIELDS =
            Set.of(
                    "reply_markup",
                    "allowed_updates",
                    "commands",
                    "results",
                    "entities",
                    "reply_parameters",
                    "link_preview_options",
                    "scope",
                    "input_message_content",
                    "button");

    private final String token;
    private final HttpServer server;
    private final ExecutorService executor;
    private final Object lock = new Object();
    private final List<Call> calls = new ArrayList<>();
    private final List<Rejection> rejections = new ArrayList<>();
    private final List<ObjectNode> updates = new ArrayList<>();
    private final Map<String, ArrayDeque<ObjectNode>> scriptedErrors = new HashMap<>();
    private final Map<String, String> members = new ConcurrentHashMap<>();
    private final Map<String, UnaryOperator<ObjectNode>> alterations = new ConcurrentHashMap<>();
    private final Map<Long, String> chatTypes = new ConcurrentHashMap<>();
    private final Set<String> openCallbacks = new HashSet<>();
    private final Set<String> openInlineQueries = new HashSet<>();
    private int nextUpdateId = 1;
    private int nextMessageId = 1000;
    private volatile Duration emptyPollHold = Duration.ofMillis(300);
    private final Set<String> held = ConcurrentHashMap.newKeySet();
    private volatile boolean rateLimits;
    private volatile boolean otherPoller;
    private final Map<String, Duration> latencies = new ConcurrentHashMap<>();
    private final Map<String, ArrayDeque<Long>> sentPerChat = new HashMap<>();
    private final List<Rejection> rateLimited = new ArrayList<>();

    /** The bot's messages by chat and message id: their text and keyboard, for editMessageText. */
    private final Map<String, String> botMessages = new ConcurrentHashMap<>();

    private String webhookUrl;
    private String webhookSecret;

    public FakeBotApi(String token) throws IOException {
        this(token, 0);
    }

    /**
     * A fake on a given port of 127.0.0.1: a Bot API that comes up where the bot was told it would
     * be.
     */
    public FakeBotApi(String token, int port) throws IOException {
        this.token = token;
        this.server =
                HttpServer.create(
                        new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        this.executor =
                Executors.newCachedThreadPool(
                        r -> {
                            Thread t = new Thread(r, "fake-bot-api");
                            t.setDaemon(true);
                            return t;
                        });
        server.setExecutor(executor);
        server.createContext("/", this::exchange);
        server.start();
    }

    /** The address to give the adapter as TELEGRAM_API_URL. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    // ---- scripting
    // ------------------------------------------------------------------------------------------------

    /**
     * How long {@code getUpdates} holds a request when nothing is pending (the real server holds up
     * to its timeout).
     */
    public void holdEmptyPolls(Duration hold) {
        this.emptyPollHold = hold;
    }

    /**
     * Answers every call of {@code method} (e.g. "sendMessage") only after {@code latency}, as a
     * slow network would.
     */
    public void latency(String method, Duration latency) {
        latencies.put(method.toLowerCase(Locale.ROOT), latency);
    }

    /**
     * While on, every {@code getUpdates} is refused with 409, as Telegram does when another process
     * polls the same token ("terminated by other getUpdates request").
     */
    public void otherPoller(boolean polling) {
        this.otherPoller = polling;
    }

    /** Queues an update for {@code getUpdates}; gives it the next update_id and returns it. */
    public int enqueue(ObjectNode update) {
        synchronized (lock) {
            int id = nextUpdateId++;
            update.put("update_id", id);
            remember(update);
            updates.add(update);
            lock.notifyAll();
            return id;
        }
    }

    /**
     * Queues an update with the update_id it already has, as Telegram redelivers one that was never
     * confirmed.
     */
    public void redeliver(ObjectNode update) {
        synchronized (lock) {
            int id = update.path("update_id").asInt();
            nextUpdateId = Math.max(nextUpdateId, id + 1);
            remember(update);
            updates.add(update.deepCopy());
            lock.notifyAll();
        }
    }

    public int nextMessageId() {
        synchronized (lock) {
            return nextMessageId++;
        }
    }

    /**
     * Sets a member's status in a chat for {@code getChatMember}: creator, administrator, member,
     * restricted, left, kicked.
     */
    public void setMember(long chatId, long userId, String status) {
        members.put(chatId + "/" + userId, status);
    }

    /** The next call of {@code method} gets this error answer instead of its result. */
    public void failNext(String method, int code, String description) {
        failNext(method, code, description, null);
    }

    public void failNext(String method, int code, String description, ObjectNode parameters) {
        failLater(method, 0, code, description, parameters);
    }

    /**
     * Lets {@code skip} calls of {@code method} through, then answers the next one with this error.
     */
    public void failLater(
            String method, int skip, int code, String description, ObjectNode parameters) {
        ObjectNode error =
                JSON.createObjectNode()
                        .put("ok", false)
                        .put("error_code", code)
                        .put("description", description);
        if (parameters != null) error.set("parameters", parameters);
        synchronized (lock) {
            ArrayDeque<ObjectNode> queue =
                    scriptedErrors.computeIfAbsent(
                            method.toLowerCase(Locale.ROOT), k -> new ArrayDeque<>());
            for (int i = 0; i < skip; i++) queue.add(JSON.createObjectNode().put("pass", true));
            queue.add(error);
        }
    }

    /**
     * From now on every answer to {@code method} passes through {@code change} before it is sent
     * (the HTTP status follows the changed body: 200 when it says {@code ok: true}, else its {@code
     * error_code}, else 500). Lets the fake answer as other servers that speak the Bot API do, e.g.
     * an emulator that leaves out a field.
     */
    public void alterAnswers(String method, UnaryOperator<ObjectNode> change) {
        alterations.put(method.toLowerCase(Locale.ROOT), change);
    }

    /**
     * From now on {@code method} is answered as a server that does not implement it: HTTP 500
     * without {@code ok}.
     */
    public void unsupported(String method) {
        alterAnswers(
                method,
                answer ->
                        JSON.createObjectNode()
                                .put("message", "API method '" + method + "' is not supported."));
    }

    /**
     * From now on calls of {@code method} are recorded as they arrive but not answered until {@link
     * #release}: what a server looks like while a process dies with its requests in flight.
     */
    public void hold(String method) {
        held.add(method.toLowerCase(Locale.ROOT));
    }

    /** Answers the held calls of {@code method} and every later one at once again. */
    public void release(String method) {
        synchronized (lock) {
            held.remove(method.toLowerCase(Locale.ROOT));
            lock.notifyAll();
        }
    }

    /**
     * From now on {@code sendMessage} answers 429 with {@code retry_after}, as Telegram does, to a
     * chat sent more than two messages within one second or a group sent more than 20 within one
     * minute. {@link #rateLimited()} lists them.
     */
    public void enforceRateLimits() {
        rateLimits = true;
    }

    /** The sends answered 429 by {@link #enforceRateLimits()} (never scripted errors). */
    public List<Rejection> rateLimited() {
        synchronized (lock) {
            return List.copyOf(rateLimited);
        }
    }

    /**
     * The next call of {@code method} is cut off without any answer, as a dropped connection would
     * be.
     */
    public void disconnectNext(String method) {
        synchronized (lock) {
            scriptedErrors
                    .computeIfAbsent(method.toLowerCase(Locale.ROOT), k -> new ArrayDeque<>())
                    .add(JSON.createObjectNode().put("disconnect", true));
        }
    }

    // ---- inspection
    // -----------------------------------------------------------------------------------------------

    public List<Call> calls() {
        synchronized (lock) {
            return List.copyOf(calls);
        }
    }

    public List<Call> calls(String method) {
        String m = method.toLowerCase(Locale.ROOT);
        return calls().stream().filter(c -> c.method().equals(m)).toList();
    }

    /** Requests the fake turned away for breaking Telegram's rules (never scripted errors). */
    public List<Rejection> rejections() {
        synchronized (lock) {
            return List.copyOf(rejections);
        }
    }

    /**
     * Waits until a call of {@code method} matching {@code match} has arrived, and returns the
     * first such call.
     */
    public Call await(String method, Predicate<Call> match, Duration timeout) {
        String m = method.toLowerCase(Locale.ROOT);
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (true) {
                for (Call c : calls) {
                    if (c.method().equals(m) && match.test(c)) return c;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0)
                    throw new AssertionError(
                            "no "
                                    + method
                                    + " call arrived within "
                                    + timeout
                                    + "; calls: "
                                    + summary());
                try {
                    lock.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted");
                }
            }
        }
    }

    /**
     * Waits until {@code count} calls of {@code method} have arrived, and returns the last of them.
     */
    public Call awaitCount(String method, int count, Duration timeout) {
        String m = method.toLowerCase(Locale.ROOT);
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (true) {
                List<Call> matching = calls.stream().filter(c -> c.method().equals(m)).toList();
                if (matching.size() >= count) return matching.get(count - 1);
                long left = deadline - System.nanoTime();
                if (left <= 0)
                    throw new AssertionError(
                            count
                                    + " "
                                    + method
                                    + " calls did not arrive within "
                                    + timeout
                                    + "; calls: "
                                    + summary());
                try {
                    lock.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted");
                }
            }
        }
    }

    public Call await(String method, Duration timeout) {
        return await(method, c -> true, timeout);
    }

    /**
     * Waits until every queued update has been fetched and confirmed by a later {@code getUpdates}.
     */
    public void awaitUpdatesConsumed(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (!updates.isEmpty()) {
                long left = deadline - System.nanoTime();
                if (left <= 0)
                    throw new AssertionError("updates not consumed: " + updates.size() + " left");
                try {
                    lock.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted");
                }
            }
        }
    }

    public Optional<String> webhookUrl() {
        synchronized (lock) {
            return Optional.ofNullable(webhookUrl);
        }
    }

    public Optional<String> webhookSecret() {
        synchronized (lock) {
            return Optional.ofNullable(webhookSecret);
        }
    }

    private String summary() {
        return calls.stream().map(Call::method).toList().toString();
    }

    // ---- protocol
    // -------------------------------------------------------------------------------------------------

    @SuppressWarnings(
            "CatchAndPrintStackTrace") // a fake server's own failure belongs in the test output
    private void exchange(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String prefix = "/bot" + token + "/";
            if (!path.startsWith(prefix)) {
                send(
                        exchange,
                        error(
                                path.startsWith("/bot") ? 401 : 404,
                                path.startsWith("/bot") ? "Unauthorized" : "Not Found"));
                return;
            }
            String method = path.substring(prefix.length()).toLowerCase(Locale.ROOT);
            ObjectNode params = parameters(exchange);
            synchronized (lock) {
                calls.add(new Call(method, params));
                lock.notifyAll();
            }
            awaitRelease(method);
            Duration latency = latencies.get(method);
            if (latency != null) {
                try {
                    Thread.sleep(latency);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            ObjectNode scripted = scripted(method);
            if (scripted != null && !scripted.has("pass")) {
                if (scripted.has("disconnect"))
                    return; // closing without a response reads as a dropped connection
                send(exchange, scripted);
                return;
            }
            ObjectNode answer;
            try {
                answer = answer(method, params);
            } catch (Bad bad) {
                synchronized (lock) {
                    rejections.add(new Rejection(method, bad.code, bad.getMessage()));
                }
                answer = error(bad.code, bad.getMessage());
            }
            UnaryOperator<ObjectNode> alteration = alterations.get(method);
            send(exchange, alteration == null ? answer : alteration.apply(answer));
        } catch (RuntimeException e) {
            e.printStackTrace();
        }
    }

    private void awaitRelease(String method) {
        synchronized (lock) {
            while (held.contains(method)) {
                try {
                    lock.wait(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Telegram's limits on sending, when enforced: an error answer, or null to go ahead. */
    private ObjectNode rateLimit(String chatId) {
        if (!rateLimits) return null;
        long now = System.nanoTime();
        boolean group = chatId.startsWith("-");
        synchronized (lock) {
            ArrayDeque<Long> sent = sentPerChat.computeIfAbsent(chatId, k -> new ArrayDeque<>());
            while (!sent.isEmpty() && now - sent.peekFirst() >= 60_000_000_000L) sent.pollFirst();
            long lastSecond = sent.stream().filter(t -> now - t < 1_000_000_000L).count();
            if (lastSecond >= 2 || (group && sent.size() >= 20)) {
                rateLimited.add(
                        new Rejection("sendmessage", 429, "Too Many Requests to chat " + chatId));
                ObjectNode error = error(429, "Too Many Requests: retry after 3");
                error.set("parameters", JSON.createObjectNode().put("retry_after", 3));
                return error;
            }
            sent.addLast(now);
            return null;
        }
    }

    private ObjectNode scripted(String method) {
        synchronized (lock) {
            ArrayDeque<ObjectNode> queue = scriptedErrors.get(method);
            return queue == null ? null : queue.poll();
        }
    }

    private ObjectNode answer(String method, ObjectNode p) throws Bad {
        return switch (method) {
            case "getme" -> ok(botUser());
            case "deletewebhook" -> {
                synchronized (lock) {
                    webhookUrl = null;
                    webhookSecret = null;
                }
                yield ok(JSON.getNodeFactory().booleanNode(true));
            }
            case "setwebhook" -> setWebhook(p);
            case "getupdates" -> getUpdates(p);
            case "sendmessage" -> sendMessage(p);
            case "editmessagetext" -> editMessageText(p);
            case "answercallbackquery" -> answerCallbackQuery(p);
            case "answerinlinequery" -> answerInlineQuery(p);
            case "setmycommands" -> setMyCommands(p);
            case "getchatmember" -> getChatMember(p);
            default -> throw new Bad(404, "Not Found: method not found");
        };
    }

    private ObjectNode setWebhook(ObjectNode p) throws Bad {
        String url = string(p, "url");
        if (url == null || url.isEmpty())
            throw new Bad(400, "Bad Request: bad webhook: URL is empty");
        URI uri = URI.create(url);
        boolean local = "127.0.0.1".equals(uri.getHost()) || "localhost".equals(uri.getHost());
        if (!"https".equals(uri.getScheme()) && !local)
            throw new Bad(
                    400, "Bad Request: bad webhook: An HTTPS URL must be provided for webhook");
        String secret = string(p, "secret_token");
        if (secret != null && !secret.matches("[A-Za-z0-9_-]{1,256}"))
            throw new Bad(
                    400, "Bad Request: bad webhook: secret token contains unallowed characters");
        synchronized (lock) {
            webhookUrl = url;
            webhookSecret = secret;
        }
        return ok(JSON.getNodeFactory().booleanNode(true));
    }

    private ObjectNode getUpdates(ObjectNode p) throws Bad {
        synchronized (lock) {
            if (webhookUrl != null)
                throw new Bad(
                        409,
                        "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
        }
        if (otherPoller)
            throw new Bad(
                    409,
                    "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running");
        long offset = p.path("offset").asLong(0);
        int limit = Math.max(1, Math.min(100, p.path("limit").asInt(100)));
        long timeoutMillis = p.path("timeout").asLong(0) * 1000;
        Set<String> allowed = new HashSet<>();
        p.path("allowed_updates").forEach(n -> allowed.add(n.asText()));
        long deadline =
                System.nanoTime() + Math.min(timeoutMillis, emptyPollHold.toMillis()) * 1_000_000;
        synchronized (lock) {
            while (true) {
                // Updates below the offset are confirmed: Telegram forgets them.
                updates.removeIf(u -> u.path("update_id").asLong() < offset);
                if (!allowed.isEmpty()) updates.removeIf(u -> !allowed.contains(kind(u)));
                lock.notifyAll();
                if (!updates.isEmpty()) {
                    ArrayNode result = JSON.createArrayNode();
                    updates.stream().limit(limit).forEach(u -> result.add(u.deepCopy()));
                    return ok(result);
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) return ok(JSON.createArrayNode());
                try {
                    lock.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return ok(JSON.createArrayNode());
                }
            }
        }
    }

    private ObjectNode sendMessage(ObjectNode p) throws Bad {
        String chatId = string(p, "chat_id");
        if (chatId == null || chatId.isEmpty()) throw new Bad(400, "Bad Request: chat_id is empty");
        ObjectNode limited = rateLimit(chatId);
        if (limited != null) return limited;
        if (!chatId.matches("-?\\d+|@[A-Za-z0-9_]{4,32}"))
            throw new Bad(400, "Bad Request: chat not found");
        String visible = checkedText(string(p, "text"), string(p, "parse_mode"), "message text");
        if (p.has("message_thread_id") && p.get("message_thread_id").asLong(0) <= 0)
            throw new Bad(400, "Bad Request: message thread not found");
        if (p.has("reply_parameters") && !p.get("reply_parameters").has("message_id"))
            throw new Bad(400, "Bad Request: reply parameters: message_id is required");
        checkKeyboard(p.get("reply_markup"));
        long chat = chatId.startsWith("@") ? -100L : Long.parseLong(chatId);
        ObjectNode message = JSON.createObjectNode();
        message.put("message_id", nextMessageId());
        message.put("date", System.currentTimeMillis() / 1000);
        message.set("from", botUser());
        message.set(
                "chat",
                chat(chat, chatTypes.getOrDefault(chat, chat > 0 ? "private" : "supergroup")));
        message.put("text", visible);
        if (p.has("message_thread_id")) {
            message.put("message_thread_id", p.get("message_thread_id").asInt());
            message.put("is_topic_message", true);
        }
        if (p.has("reply_markup")) message.set("reply_markup", p.get("reply_markup"));
        botMessages.put(
                chat + "/" + message.get("message_id").asInt(),
                visible + "\u0000" + p.path("reply_markup"));
        return ok(message);
    }

    private ObjectNode editMessageText(ObjectNode p) throws Bad {
        String chatId = string(p, "chat_id");
        int messageId = p.path("message_id").asInt(0);
        if (chatId == null || messageId <= 0)
            throw new Bad(400, "Bad Request: message identifier is not specified");
        String key = Long.parseLong(chatId) + "/" + messageId;
        String before = botMessages.get(key);
        if (before == null) throw new Bad(400, "Bad Request: message to edit not found");
        String visible = checkedText(string(p, "text"), string(p, "parse_mode"), "message text");
        checkKeyboard(p.get("reply_markup"));
        String after = visible + "\u0000" + p.path("reply_markup");
        if (after.equals(before)) {
            throw new Bad(
                    400,
                    "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message");
        }
        botMessages.put(key, after);
        ObjectNode message = JSON.createObjectNode();
        message.put("message_id", messageId);
        message.put("date", System.currentTimeMillis() / 1000);
        message.put("edit_date", System.currentTimeMillis() / 1000);
        message.set("from", botUser());
        message.set(
                "chat",
                chat(
                        Long.parseLong(chatId),
                        chatTypes.getOrDefault(Long.parseLong(chatId), "private")));
        message.put("text", visible);
        return ok(message);
    }

    private ObjectNode answerCallbackQuery(ObjectNode p) throws Bad {
        String id = string(p, "callback_query_id");
        synchronized (lock) {
            if (id == null || !openCallbacks.remove(id)) {
                throw new Bad(
                        400,
                        "Bad Request: query is too old and response timeout expired or query ID is invalid");
            }
        }
        String text = string(p, "text");
        if (text != null && text.length() > 200)
            throw new Bad(400, "Bad Request: MESSAGE_TOO_LONG");
        return ok(JSON.getNodeFactory().booleanNode(true));
    }

    private ObjectNode answerInlineQuery(ObjectNode p) throws Bad {
        String id = string(p, "inline_query_id");
        synchronized (lock) {
            if (id == null || !openInlineQueries.remove(id)) {
                throw new Bad(
                        400,
                        "Bad Request: query is too old and response timeout expired or query ID is invalid");
            }
        }
        JsonNode results = p.get("results");
        if (results == null || !results.isArray())
            throw new Bad(400, "Bad Request: results must be an array");
        JsonNode button = p.get("button");
        if (button != null && !button.isNull()) {
            if (button.path("text").asText("").isBlank())
                throw new Bad(400, "Bad Request: BUTTON_TEXT_EMPTY");
            boolean start = button.has("start_parameter");
            if (start == button.has("web_app"))
                throw new Bad(
                        400, "Bad Request: exactly one of start_parameter and web_app is needed");
            if (start && !button.get("start_parameter").asText().matches("[A-Za-z0-9_-]{1,64}"))
                throw new Bad(400, "Bad Request: START_PARAM_INVALID");
        }
        if (results.size() > 50) throw new Bad(400, "Bad Request: RESULTS_TOO_MUCH");
        Set<String> ids = new HashSet<>();
        for (JsonNode r : results) {
            String rid = r.path("id").asText("");
            int bytes = rid.getBytes(StandardCharsets.UTF_8).length;
            if (bytes < 1 || bytes > 64) throw new Bad(400, "Bad Request: RESULT_ID_INVALID");
            if (!ids.add(rid)) throw new Bad(400, "Bad Request: RESULT_ID_DUPLICATE");
            if (!"article".equals(r.path("type").asText()))
                throw new Bad(400, "Bad Request: unsupported result type in this fake");
            if (r.path("title").asText("").isBlank())
                throw new Bad(400, "Bad Request: RESULT_TITLE_EMPTY");
            JsonNode content = r.get("input_message_content");
            if (content == null)
                throw new Bad(400, "Bad Request: input_message_content is required");
            checkedText(
                    content.path("message_text").isMissingNode()
                            ? null
                            : content.path("message_text").asText(),
                    content.path("parse_mode").isMissingNode()
                            ? null
                            : content.path("parse_mode").asText(),
                    "inline message text");
            checkKeyboard(r.get("reply_markup"));
        }
        return ok(JSON.getNodeFactory().booleanNode(true));
    }

    private ObjectNode setMyCommands(ObjectNode p) throws Bad {
        JsonNode commands = p.get("commands");
        if (commands == null || !commands.isArray())
            throw new Bad(400, "Bad Request: commands must be an array");
        if (commands.size() > 100) throw new Bad(400, "Bad Request: too many commands");
        for (JsonNode c : commands) {
            if (!c.path("command").asText("").matches("[a-z0-9_]{1,32}"))
                throw new Bad(400, "Bad Request: BOT_COMMAND_INVALID");
            int d = c.path("description").asText("").length();
            if (d < 1 || d > 256)
                throw new Bad(400, "Bad Request: BOT_COMMAND_DESCRIPTION_INVALID");
        }
        return ok(JSON.getNodeFactory().booleanNode(true));
    }

    private ObjectNode getChatMember(ObjectNode p) throws Bad {
        String chatId = string(p, "chat_id");
        String userId = string(p, "user_id");
        if (chatId == null || userId == null)
            throw new Bad(400, "Bad Request: chat_id and user_id are required");
        String status = members.getOrDefault(chatId + "/" + userId, "member");
        ObjectNode member = JSON.createObjectNode().put("status", status);
        member.set(
                "user",
                JSON.createObjectNode()
                        .put("id", Long.parseLong(userId))
                        .put("is_bot", false)
                        .put("first_name", "User " + userId));
        if (status.equals("administrator"))
            member.put("can_be_edited", false).put("can_manage_chat", true);
        if (status.equals("creator")) member.put("is_anonymous", false);
        return ok(member);
    }

    /** The text Telegram would count, checked as Telegram checks it. */
    private String checkedText(String text, String parseMode, String what) throws Bad {
        if (text == null) throw new Bad(400, "Bad Request: " + what + " is empty");
        String visible;
        if (parseMode == null || parseMode.isEmpty()) {
            visible = text;
        } else if (parseMode.equalsIgnoreCase("HTML")) {
            try {
                visible = TelegramHtmlChecker.visibleText(text);
            } catch (TelegramHtmlChecker.Rejected e) {
                throw new Bad(400, e.getMessage());
            }
        } else {
            throw new Bad(400, "Bad Request: unsupported parse_mode in this fake: " + parseMode);
        }
        String counted = visible.strip();
        if (counted.isEmpty()) throw new Bad(400, "Bad Request: " + what + " is empty");
        // Stricter than counting code points: UTF-16 units, as entity offsets are counted.
        if (counted.length() > MAX_TEXT)
            throw new Bad(400, "Bad Request: " + what + " is too long");
        return visible;
    }

    private static void checkKeyboard(JsonNode markup) throws Bad {
        if (markup == null || markup.isNull()) return;
        if (markup.has("remove_keyboard")) {
            if (!markup.get("remove_keyboard").asBoolean(false))
                throw new Bad(400, "Bad Request: remove_keyboard must be true");
            return;
        }
        if (markup.has("keyboard")) {
            // A reply keyboard: buttons with a text and at most one request_* field.
            JsonNode rows = markup.get("keyboard");
            if (!rows.isArray() || rows.isEmpty())
                throw new Bad(400, "Bad Request: keyboard must be a non-empty array");
            for (JsonNode row : rows) {
                if (!row.isArray())
                    throw new Bad(400, "Bad Request: keyboard row must be an array");
                for (JsonNode b : row) {
                    if (b.path("text").asText("").isBlank())
                        throw new Bad(400, "Bad Request: BUTTON_TEXT_EMPTY");
                    if (b.has("request_location") && !b.get("request_location").isBoolean())
                        throw new Bad(400, "Bad Request: request_location must be a boolean");
                }
            }
            return;
        }
        JsonNode rows = markup.get("inline_keyboard");
        if (rows == null || !rows.isArray())
            throw new Bad(400, "Bad Request: inline keyboard expected");
        int buttons = 0;
        for (JsonNode row : rows) {
            if (!row.isArray()) throw new Bad(400, "Bad Request: keyboard row must be an array");
            for (JsonNode b : row) {
                buttons++;
                if (b.path("text").asText("").isBlank())
                    throw new Bad(400, "Bad Request: BUTTON_TEXT_EMPTY");
                int actions = 0;
                for (Iterator<String> f = b.fieldNames(); f.hasNext(); ) {
                    if (!f.next().equals("text")) actions++;
                }
                if (actions != 1)
                    throw new Bad(
                            400,
                            "Bad Request: can't parse inline keyboard button: exactly one optional field must be used");
                if (b.has("callback_data")) {
                    int bytes =
                            b.get("callback_data").asText().getBytes(StandardCharsets.UTF_8).length;
                    if (bytes < 1 || bytes > 64)
                        throw new Bad(400, "Bad Request: BUTTON_DATA_INVALID");
                }
            }
        }
        if (buttons > 100) throw new Bad(400, "Bad Request: too many buttons");
    }

    // ---- helpers
    // --------------------------------------------------------------------------------------------------

    private void remember(ObjectNode update) {
        JsonNode callback = update.get("callback_query");
        if (callback != null) openCallbacks.add(callback.path("id").asText());
        JsonNode inline = update.get("inline_query");
        if (inline != null) openInlineQueries.add(inline.path("id").asText());
        for (String field : List.of("message", "edited_message")) {
            JsonNode chat = update.path(field).path("chat");
            if (chat.has("id"))
                chatTypes.put(chat.get("id").asLong(), chat.path("type").asText("private"));
        }
        JsonNode callbackChat = update.path("callback_query").path("message").path("chat");
        if (callbackChat.has("id"))
            chatTypes.put(
                    callbackChat.get("id").asLong(), callbackChat.path("type").asText("private"));
    }

    /**
     * Registers a callback query id without an update, as if Telegram had sent one through a
     * webhook.
     */
    public void expectCallback(String id) {
        synchronized (lock) {
            openCallbacks.add(id);
        }
    }

    /**
     * Registers everything in an update that later calls refer to, for updates delivered by
     * webhook.
     */
    public void expect(ObjectNode update) {
        synchronized (lock) {
            remember(update);
        }
    }

    private static String kind(JsonNode update) {
        for (Iterator<String> f = update.fieldNames(); f.hasNext(); ) {
            String name = f.next();
            if (!name.equals("update_id")) return name;
        }
        return "";
    }

    public static ObjectNode botUser() {
        return JSON.createObjectNode()
                .put("id", BOT_ID)
                .put("is_bot", true)
                .put("first_name", "Ratbot")
                .put("username", BOT_USERNAME)
                .put("can_join_groups", true)
                .put("can_read_all_group_messages", false)
                .put("supports_inline_queries", true);
    }

    static ObjectNode chat(long id, String type) {
        ObjectNode chat = JSON.createObjectNode().put("id", id).put("type", type);
        if (type.equals("private")) chat.put("first_name", "User");
        else chat.put("title", "Rat owners");
        return chat;
    }

    private static ObjectNode ok(JsonNode result) {
        ObjectNode ok = JSON.createObjectNode().put("ok", true);
        ok.set("result", result);
        return ok;
    }

    private static ObjectNode error(int code, String description) {
        return JSON.createObjectNode()
                .put("ok", false)
                .put("error_code", code)
                .put("description", description);
    }

    private static void send(HttpExchange exchange, ObjectNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        int status = body.path("ok").asBoolean() ? 200 : body.path("error_code").asInt(500);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static String string(ObjectNode p, String field) {
        JsonNode n = p.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }

    /** The request's parameters from the query string and a JSON, form or multipart body. */
    private static ObjectNode parameters(HttpExchange exchange) throws IOException {
        ObjectNode params = JSON.createObjectNode();
        String query = exchange.getRequestURI().getRawQuery();
        if (query != null) form(query, params);
        byte[] body = exchange.getRequestBody().readAllBytes();
        String type =
                Optional.ofNullable(exchange.getRequestHeaders().getFirst("Content-Type"))
                        .orElse("")
                        .toLowerCase(Locale.ROOT);
        if (body.length > 0) {
            if (type.startsWith("application/json")) {
                JsonNode node = JSON.readTree(body);
                if (node != null && node.isObject()) params.setAll((ObjectNode) node);
            } else if (type.startsWith("multipart/form-data")) {
                String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
                multipart(
                        new String(body, StandardCharsets.UTF_8),
                        contentType
                                .substring(
                                        contentType.toLowerCase(Locale.ROOT).indexOf("boundary=")
                                                + 9)
                                .replace("\"", ""),
                        params);
            } else {
                form(new String(body, StandardCharsets.UTF_8), params);
            }
        }
        // Form and multipart values are strings; fields that Telegram reads as JSON are
        // JSON-serialized there.
        for (String field : JSON_FIELDS) {
            JsonNode v = params.get(field);
            if (v != null && v.isTextual()) {
                try {
                    params.set(field, JSON.readTree(v.asText()));
                } catch (IOException e) {
                    // leave it as text; the method's checks will reject it
                }
            }
        }
        return params;
    }

    private static void form(String encoded, ObjectNode params) {
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String key =
                    URLDecoder.decode(
                            eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value =
                    eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.put(key, value);
        }
    }

    private static void multipart(String body, String boundary, ObjectNode params) {
        for (String part : body.split("--" + java.util.regex.Pattern.quote(boundary))) {
            int headerEnd = part.indexOf("\r\n\r\n");
            if (headerEnd < 0) continue;
            String headers = part.substring(0, headerEnd);
            java.util.regex.Matcher name =
                    java.util.regex.Pattern.compile("name=\"([^\"]*)\"").matcher(headers);
            if (!name.find()) continue;
            String value = part.substring(headerEnd + 4);
            if (value.endsWith("\r\n")) value = value.substring(0, value.length() - 2);
            params.put(name.group(1), value);
        }
    }

    private static final class Bad extends Exception {
        final int code;

        Bad(int code, String description) {
            super(description);
            this.code = code;
        }
    }
}
