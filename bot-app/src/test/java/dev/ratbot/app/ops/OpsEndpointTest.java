package dev.ratbot.app.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratbot.answer.LuceneAnswerEngine;
import dev.ratbot.app.config.Setting;
import dev.ratbot.app.http.Limits;
import dev.ratbot.app.http.Listener;
import dev.ratbot.app.http.Site;
import dev.ratbot.app.http.WebServer;
import dev.ratbot.conversation.Conversation;
import dev.ratbot.conversation.Incoming;
import dev.ratbot.conversation.Rights;
import dev.ratbot.feedback.InMemoryAnswerLog;
import dev.ratbot.knowledge.KnowledgePackLoader;
import dev.ratbot.message.Address;
import dev.ratbot.message.MessageSender;
import dev.ratbot.message.Platform;
import dev.ratbot.message.PlatformLimits;
import dev.ratbot.message.Reply;
import dev.ratbot.message.SendResult;
import dev.ratbot.subscription.InMemorySubscriptionStore;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The operations endpoint over the launcher's HTTP server. */
class OpsEndpointTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private RatbotMetrics metrics;
    private OpsEndpoint ops;
    private WebServer web;
    private int port;

    @BeforeEach
    void start() {
        metrics = new RatbotMetrics("test-1");
        ops =
                new OpsEndpoint(
                        metrics.registry(),
                        new Redactor(List.of("s3cret-token-value")),
                        Duration.ofMillis(300));
        web = WebServer.builder().ops(opsOn(0), ops).build().start();
        ops.markStarted();
        port = web.port(Site.OPS);
    }

    @AfterEach
    void stop() {
        web.close();
        ops.close();
    }

    private static Listener opsOn(int port) {
        return new Listener(
                Site.OPS,
                "127.0.0.1",
                port,
                Setting.RATBOT_OPS_BIND,
                Setting.RATBOT_OPS_PORT,
                Limits.DEFAULT);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthzAnswersWhileRunningAndNotWhileStopping() throws Exception {
        HttpResponse<String> ok = get("/healthz");
        assertEquals(200, ok.statusCode());
        assertEquals("ok\n", ok.body());
        ops.markStopping();
        assertEquals(503, get("/healthz").statusCode());
        assertEquals(503, get("/readyz").statusCode());
    }

    @Test
    void notReadyUntilEveryPartIsStarted() throws Exception {
        OpsEndpoint starting = new OpsEndpoint(metrics.registry(), new Redactor(List.of()));
        starting.addCheck(
                ReadinessCheck.of("database", () -> ReadinessCheck.Status.ready("sqlite")));
        assertEquals(503, starting.answer("GET", "/readyz").status());
        assertEquals(
                "starting: not every part is started yet\ndatabase: ok (sqlite)\n",
                starting.answer("GET", "/readyz").body());
        starting.markStarted();
        assertEquals(200, starting.answer("GET", "/readyz").status());
        starting.close();
    }

    @Test
    void readyzListsEveryCheckAndFailsWhenOneFails() throws Exception {
        ops.addCheck(ReadinessCheck.of("database", () -> ReadinessCheck.Status.ready("sqlite")));
        HttpResponse<String> ready = get("/readyz");
        assertEquals(200, ready.statusCode());
        assertEquals("database: ok (sqlite)\n", ready.body());

        ops.addCheck(
                ReadinessCheck.of(
                        "telegram", () -> ReadinessCheck.Status.notReady("not connected yet")));
        HttpResponse<String> notReady = get("/readyz");
        assertEquals(503, notReady.statusCode());
        assertTrue(
                notReady.body().contains("telegram: NOT READY (not connected yet)"),
                notReady.body());
    }

    @Test
    void aCheckThatNamesASecretShowsItBlanked() throws Exception {
        ops.addCheck(
                ReadinessCheck.of(
                        "telegram", () -> ReadinessCheck.Status.notReady("refused s3cret-token")));
        assertTrue(
                get("/readyz").body().contains("telegram: NOT READY (refused <redacted>)"),
                get("/readyz").body());
    }

    @Test
    void aThrowingOrHangingCheckCountsAsNotReady() throws Exception {
        ops.addCheck(
                ReadinessCheck.of(
                        "broken",
                        () -> {
                            throw new IllegalStateException("boom");
                        }));
        CountDownLatch never = new CountDownLatch(1);
        ops.addCheck(
                ReadinessCheck.of(
                        "slow",
                        () -> {
                            try {
                                never.await();
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                            return ReadinessCheck.Status.ready("late");
                        }));
        HttpResponse<String> response = get("/readyz");
        assertEquals(503, response.statusCode());
        assertTrue(
                response.body().contains("broken: NOT READY (check failed: IllegalStateException)"),
                response.body());
        assertTrue(
                response.body().contains("slow: NOT READY (no answer within 300 ms)"),
                response.body());
    }

    @Test
    void unknownPathsAndMethods() throws Exception {
        assertEquals(404, get("/admin").statusCode());
        HttpResponse<String> post =
                http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz"))
                                .POST(HttpRequest.BodyPublishers.ofString("x"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(405, post.statusCode());
        HttpResponse<String> head =
                http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, head.statusCode());
        assertEquals("", head.body());
    }

    @Test
    void metricsCountQuestionsAnsweredShareAndLatencyFromTheRealConversation() throws Exception {
        Conversation conversation =
                new Conversation(
                        new MeteredAnswerEngine(
                                LuceneAnswerEngine.build(KnowledgePackLoader.loadDefault()),
                                metrics),
                        address -> Optional.empty(),
                        new InMemorySubscriptionStore(),
                        new MeteredAnswerLog(new InMemoryAnswerLog(), metrics),
                        Clock.systemUTC());
        Address chat = Address.direct(Platform.TELEGRAM, "42");
        Reply answered =
                conversation
                        .handle(
                                new Incoming(
                                        chat, "u1", "How do I bond with my rats?", Rights.OWNER))
                        .orElseThrow();
        conversation.handle(
                new Incoming(chat, "u1", "What is the capital of France?", Rights.OWNER));
        conversation.handle(
                new Incoming(
                        Address.direct(Platform.DISCORD, "7"),
                        "u2",
                        "how do I bond with a shy rat",
                        Rights.OWNER));
        conversation.handle(
                new Incoming(
                        chat,
                        "u1",
                        "/feedback " + answered.feedbackKey().orElseThrow() + " down",
                        Rights.OWNER));

        HttpResponse<String> response = get("/metrics");
        assertEquals(200, response.statusCode());
        assertTrue(
                response.headers()
                        .firstValue("Content-Type")
                        .orElseThrow()
                        .startsWith("text/plain"));
        String body = response.body();
        assertEquals(
                1.0,
                sample(body, "ratbot_questions_total{answered=\"true\",platform=\"telegram\"}"));
        assertEquals(
                1.0,
                sample(body, "ratbot_questions_total{answered=\"false\",platform=\"telegram\"}"));
        assertEquals(
                1.0,
                sample(body, "ratbot_questions_total{answered=\"true\",platform=\"discord\"}"));
        assertEquals(2.0 / 3.0, sample(body, "ratbot_questions_answered_ratio"), 1e-9);
        assertEquals(3.0, sample(body, "ratbot_answer_latency_seconds_count"));
        assertTrue(sample(body, "ratbot_answer_latency_seconds_sum") > 0);
        assertEquals(1.0, sample(body, "ratbot_feedback_total{helpful=\"false\"}"));
        assertEquals(1.0, sample(body, "ratbot_info{instance_id=\"test-1\"}"));
        assertTrue(body.contains("jvm_memory_used_bytes"));
    }

    @Test
    void metricsCountDeliveriesByOutcome() throws Exception {
        Deque<SendResult> script = new ArrayDeque<>();
        script.add(new SendResult.Delivered());
        script.add(new SendResult.Delivered());
        script.add(new SendResult.RetryAfter(Duration.ofSeconds(7)));
        script.add(new SendResult.Transient("timeout"));
        script.add(new SendResult.Permanent("blocked by the user"));
        script.add(new SendResult.Moved(Address.group(Platform.TELEGRAM, "-1002")));
        MessageSender sender = new MeteredMessageSender(new ScriptedSender(script), metrics);
        metrics.queueDepth(() -> 12);
        while (!script.isEmpty())
            sender.send(Address.direct(Platform.TELEGRAM, "1"), Reply.text(Reply.Kind.TIP, "tip"));
        assertThrows(
                IllegalStateException.class,
                () ->
                        sender.send(
                                Address.direct(Platform.TELEGRAM, "1"),
                                Reply.text(Reply.Kind.TIP, "tip")));

        String body = get("/metrics").body();
        assertEquals(2.0, sample(body, "ratbot_tips_sent_total{platform=\"telegram\"}"));
        for (String reason :
                new String[] {"retry_after", "transient", "permanent", "moved", "error"}) {
            assertEquals(
                    1.0,
                    sample(
                            body,
                            "ratbot_delivery_failures_total{platform=\"telegram\",reason=\""
                                    + reason
                                    + "\"}"),
                    reason);
        }
        assertEquals(
                7.0,
                sample(body, "ratbot_delivery_retry_after_seconds_sum{platform=\"telegram\"}"));
        assertEquals(
                1.0,
                sample(body, "ratbot_delivery_retry_after_seconds_count{platform=\"telegram\"}"));
        assertEquals(
                6.0, sample(body, "ratbot_delivery_send_seconds_count{platform=\"telegram\"}"));
        assertEquals(12.0, sample(body, "ratbot_delivery_queue_depth"));
    }

    @Test
    void bugsCaughtAtAnEdgeAreCountedByEdge() throws Exception {
        metrics.bugs().caught("conversation", new IllegalStateException("a bug"));
        metrics.bugs().caught("conversation", new IllegalStateException("another"));
        metrics.bugs().caught("telegram", new IllegalStateException("a third"));
        String body = get("/metrics").body();
        assertEquals(2.0, sample(body, "ratbot_bugs_total{edge=\"conversation\"}"));
        assertEquals(1.0, sample(body, "ratbot_bugs_total{edge=\"telegram\"}"));
    }

    /** The value of one sample line of the Prometheus text format; fails when it is missing. */
    static double sample(String body, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(body);
        assertTrue(m.find(), series + " missing in:\n" + body);
        return Double.parseDouble(m.group(1));
    }

    /** A sender of our own port that answers from a script, then throws when it runs out. */
    private record ScriptedSender(Deque<SendResult> script) implements MessageSender {
        @Override
        public Platform platform() {
            return Platform.TELEGRAM;
        }

        @Override
        public PlatformLimits limits() {
            return new PlatformLimits(4096, 30, Duration.ofSeconds(1), 20);
        }

        @Override
        public SendResult send(Address to, Reply reply) {
            if (script.isEmpty()) throw new IllegalStateException("no more results");
            return script.poll();
        }
    }
}
