package dev.ratbot.app.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratbot.app.config.Setting;
import dev.ratbot.app.config.StartupException;
import dev.ratbot.app.ops.OpsEndpoint;
import dev.ratbot.app.ops.RatbotMetrics;
import dev.ratbot.app.ops.Redactor;
import dev.ratbot.telegram.TelegramAdapter;
import dev.ratbot.telegram.TelegramSettings;
import dev.ratbot.telegram.WebhookReceiver;
import dev.ratbot.testing.ConversationFixture;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The launcher's one HTTP server against clients that misbehave: sites that see only their own
 * routes, one-line start failures that name the setting, and slow, stalling or crowding clients
 * that cost nothing for long.
 */
class WebServerTest {

    private static final String TOKEN = "7000001:AAfakeTokenForTests_only-0123456789";
    private static final String SECRET = "wh_Secret-0123456789";

    /** Short limits, so that the timeouts show within a test's time. */
    private static final Limits QUICK =
            new Limits(Duration.ofMillis(800), Duration.ofMillis(800), Duration.ofSeconds(10), 500);

    /**
     * Generous: the first request of a JVM loads classes (Jackson reading an update takes a while
     * cold).
     */
    private static final Duration ANSWER = Duration.ofSeconds(10);

    private final OpsEndpoint ops =
            new OpsEndpoint(new RatbotMetrics("web-test").registry(), new Redactor(List.of()));
    private final List<AutoCloseable> closing = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : closing.reversed()) c.close();
        ops.close();
    }

    private static Listener ops(int port, Limits limits) {
        return new Listener(
                Site.OPS,
                "127.0.0.1",
                port,
                Setting.RATBOT_OPS_BIND,
                Setting.RATBOT_OPS_PORT,
                limits);
    }

    private static Listener webhook(int port, Limits limits) {
        return new Listener(
                Site.WEBHOOK,
                "127.0.0.1",
                port,
                Setting.TELEGRAM_WEBHOOK_BIND,
                Setting.TELEGRAM_WEBHOOK_PORT,
                limits);
    }

    /**
     * A webhook receiver of an adapter that is not started: it checks secrets and parses, and is
     * busy.
     */
    private WebhookReceiver receiver() {
        ConversationFixture fixture = new ConversationFixture();
        TelegramAdapter adapter =
                new TelegramAdapter(
                        TelegramSettings.webhook(
                                TOKEN,
                                URI.create("http://127.0.0.1:9"),
                                URI.create("https://bot.example.org/hook"),
                                SECRET),
                        fixture.conversation,
                        ConversationFixture.engine());
        closing.add(adapter);
        return adapter.webhook().orElseThrow();
    }

    private WebServer start(WebServer.Builder builder) {
        WebServer web = builder.build().start();
        closing.add(web);
        return web;
    }

    private RawClient client(int port) throws IOException {
        RawClient c = new RawClient(port);
        closing.add(c);
        return c;
    }

    @Test
    void eachSiteAnswersOnlyItsOwnRoutes() throws Exception {
        WebServer web =
                start(
                        WebServer.builder()
                                .ops(ops(0, QUICK), ops)
                                .webhook(webhook(0, QUICK), receiver()));
        int opsPort = web.port(Site.OPS), hookPort = web.port(Site.WEBHOOK);
        assertEquals("HTTP/1.1 200 OK", client(opsPort).send(get("/healthz")).statusLine(ANSWER));
        assertEquals(
                "HTTP/1.1 401 Unauthorized",
                client(hookPort).send(get("/healthz")).statusLine(ANSWER),
                "the webhook's port knows no /healthz and asks for the secret first");
        assertEquals(
                "HTTP/1.1 405 Method Not Allowed",
                client(opsPort).send(post("/hook", SECRET, "{}")).statusLine(ANSWER),
                "the ops port takes no webhook posts");
        assertEquals(
                "HTTP/1.1 404 Not Found",
                client(opsPort).send(get("/login")).statusLine(ANSWER),
                "no console pages on the ops port");
    }

    @Test
    void theWebhookChecksTheSecretBeforeItReadsTheBody() throws Exception {
        WebServer web =
                start(
                        WebServer.builder()
                                .ops(ops(0, QUICK), ops)
                                .webhook(webhook(0, Limits.DEFAULT), receiver()));
        int port = web.port(Site.WEBHOOK);
        // A body announced and never sent: a wrong secret is answered at once all the same.
        assertEquals(
                "HTTP/1.1 401 Unauthorized",
                client(port)
                        .send(
                                "POST /hook HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n"
                                        + WebhookReceiver.SECRET_HEADER
                                        + ": wrong\r\n\r\n")
                        .statusLine(ANSWER));
        assertEquals(
                "HTTP/1.1 401 Unauthorized",
                client(port).send(post("/hook", null, "{}")).statusLine(ANSWER));
        assertEquals(
                "HTTP/1.1 405 Method Not Allowed",
                client(port).send(get("/hook", SECRET)).statusLine(ANSWER));
        assertEquals(
                "HTTP/1.1 413 Payload Too Large",
                client(port)
                        .send(
                                "POST /hook HTTP/1.1\r\nHost: x\r\nContent-Length: 2000000\r\n"
                                        + WebhookReceiver.SECRET_HEADER
                                        + ": "
                                        + SECRET
                                        + "\r\n\r\n")
                        .statusLine(ANSWER));
    }

    @Test
    void aBodyThatIsNotAnUpdateIsAnswered200SoThatTelegramDoesNotResendIt() throws Exception {
        WebServer web =
                start(
                        WebServer.builder()
                                .ops(ops(0, QUICK), ops)
                                .webhook(webhook(0, Limits.DEFAULT), receiver()));
        int port = web.port(Site.WEBHOOK);
        assertEquals(
                "HTTP/1.1 200 OK",
                client(port).send(post("/hook", SECRET, "null")).statusLine(ANSWER));
        assertEquals(
                "HTTP/1.1 200 OK",
                client(port).send(post("/hook", SECRET, "{not json")).statusLine(ANSWER));
        // A real update while the adapter is not taking any: Telegram is to come back later.
        assertEquals(
                "HTTP/1.1 503 Service Unavailable",
                client(port)
                        .send(
                                post(
                                        "/hook",
                                        SECRET,
                                        "{\"update_id\":1,\"message\":{\"message_id\":1,\"date\":1,\"chat\":{\"id\":5,\"type\":\"private\"},\"text\":\"/help\"}}"))
                        .statusLine(ANSWER));
    }

    @Test
    void clientsThatSendTheHeadOrTheBodyTooSlowlyAreDisconnectedWhileOthersAreServed()
            throws Exception {
        WebServer web =
                start(
                        WebServer.builder()
                                .ops(ops(0, QUICK), ops)
                                .webhook(webhook(0, QUICK), receiver()));
        List<RawClient> slow = new ArrayList<>();
        for (int i = 0; i < 20; i++)
            slow.add(client(web.port(Site.OPS)).send("GET /healthz HTTP/1.1\r\nX-Slow: "));
        RawClient slowBody =
                client(web.port(Site.WEBHOOK))
                        .send(
                                "POST /hook HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n"
                                        + WebhookReceiver.SECRET_HEADER
                                        + ": "
                                        + SECRET
                                        + "\r\n\r\n{");
        Thread trickler =
                Thread.ofVirtual()
                        .start(
                                () -> {
                                    for (int n = 0;
                                            n < 40 && !Thread.currentThread().isInterrupted();
                                            n++) {
                                        for (RawClient c : slow) c.trickle('a');
                                        slowBody.trickle(' ');
                                        try {
                                            Thread.sleep(100);
                                        } catch (InterruptedException e) {
                                            return;
                                        }
                                    }
                                });
        try {
            assertEquals(
                    "HTTP/1.1 200 OK",
                    client(web.port(Site.OPS)).send(get("/healthz")).statusLine(ANSWER),
                    "served meanwhile");
            for (RawClient c : slow)
                assertTrue(
                        c.closedByServer(Duration.ofSeconds(3)),
                        "a head still trickling in after the header timeout");
            assertTrue(
                    slowBody.closedByServer(Duration.ofSeconds(3)),
                    "a body still trickling in after the body timeout");
        } finally {
            trickler.interrupt();
        }
    }

    @Test
    void anAnswerSlowerThanTheBodyTimeoutIsNotCutWhenTheRequestHasNoBody() throws Exception {
        ops.addCheck(
                dev.ratbot.app.ops.ReadinessCheck.of(
                        "slow",
                        () -> {
                            try {
                                Thread.sleep(QUICK.bodyTimeout().multipliedBy(2).toMillis());
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                            return dev.ratbot.app.ops.ReadinessCheck.Status.ready("late");
                        }));
        ops.markStarted();
        WebServer web = start(WebServer.builder().ops(ops(0, QUICK), ops));
        assertEquals(
                "HTTP/1.1 200 OK",
                client(web.port(Site.OPS)).send(get("/readyz")).statusLine(Duration.ofSeconds(5)));
    }

    @Test
    void aFullSiteIsNotReadyAndServesAgainOnceStalledConnectionsAreDropped() throws Exception {
        WebServer web = start(WebServer.builder().ops(ops(0, QUICK.withMaxConnections(4)), ops));
        int port = web.port(Site.OPS);
        assertEquals(Optional.empty(), web.unanswered(Site.OPS, Duration.ofMillis(500)));
        for (int i = 0; i < 4; i++) client(port);
        Thread.sleep(100);
        assertTrue(
                web.unanswered(Site.OPS, Duration.ofMillis(300)).isPresent(),
                "four stalled connections fill the site");
        assertEquals(
                "HTTP/1.1 200 OK",
                client(port).send(get("/healthz")).statusLine(Duration.ofSeconds(3)),
                "answered once the stalled ones are dropped at the header timeout");
    }

    @Test
    void anAddressInUseNamesThePortSettingOfItsSite() throws Exception {
        try (ServerSocket taken =
                new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            StartupException ops =
                    assertThrows(
                            StartupException.class,
                            () ->
                                    WebServer.builder()
                                            .ops(ops(port, QUICK), this.ops)
                                            .build()
                                            .start());
            assertTrue(
                    ops.getMessage()
                            .startsWith(
                                    "RATBOT_OPS_PORT="
                                            + port
                                            + ": cannot listen on 127.0.0.1:"
                                            + port
                                            + " ("),
                    ops.getMessage());
            assertTrue(
                    ops.getMessage().endsWith("); choose another port or stop what uses it"),
                    ops.getMessage());
            StartupException hook =
                    assertThrows(
                            StartupException.class,
                            () ->
                                    WebServer.builder()
                                            .ops(ops(0, QUICK), this.ops)
                                            .webhook(webhook(port, QUICK), receiver())
                                            .build()
                                            .start());
            assertTrue(
                    hook.getMessage()
                            .startsWith(
                                    "TELEGRAM_WEBHOOK_PORT="
                                            + port
                                            + ": cannot listen on 127.0.0.1:"
                                            + port),
                    hook.getMessage());
        }
        int free = freePort();
        StartupException same =
                assertThrows(
                        StartupException.class,
                        () ->
                                WebServer.builder()
                                        .ops(ops(free, QUICK), ops)
                                        .webhook(webhook(free, QUICK), receiver())
                                        .build()
                                        .start());
        assertTrue(
                same.getMessage().startsWith("TELEGRAM_WEBHOOK_PORT=" + free + ": cannot listen"),
                same.getMessage());
    }

    @Test
    void anAddressThisMachineDoesNotHaveNamesTheBindSetting() {
        // 192.0.2.0/24 is reserved for documentation: no machine has it.
        Listener elsewhere =
                new Listener(
                        Site.OPS,
                        "192.0.2.10",
                        0,
                        Setting.RATBOT_OPS_BIND,
                        Setting.RATBOT_OPS_PORT,
                        QUICK);
        StartupException e =
                assertThrows(
                        StartupException.class,
                        () -> WebServer.builder().ops(elsewhere, ops).build().start());
        assertTrue(
                e.getMessage()
                        .startsWith("RATBOT_OPS_BIND=192.0.2.10: cannot listen on this address ("),
                e.getMessage());
        assertFalse(e.getMessage().contains("RATBOT_OPS_PORT"), e.getMessage());
    }

    private static String get(String path) {
        return "GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
    }

    private static String get(String path, String secret) {
        return "GET "
                + path
                + " HTTP/1.1\r\nHost: x\r\n"
                + WebhookReceiver.SECRET_HEADER
                + ": "
                + secret
                + "\r\nConnection: close\r\n\r\n";
    }

    private static String post(String path, String secret, String body) {
        return "POST "
                + path
                + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: "
                + body.length()
                + "\r\n"
                + (secret == null ? "" : WebhookReceiver.SECRET_HEADER + ": " + secret + "\r\n")
                + "Connection: close\r\n\r\n"
                + body;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
