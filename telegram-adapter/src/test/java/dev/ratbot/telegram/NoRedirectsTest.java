package dev.ratbot.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.ratbot.message.Address;
import dev.ratbot.message.Platform;
import dev.ratbot.message.Reply;
import dev.ratbot.message.SendResult;
import dev.ratbot.testing.ConversationFixture;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The token travels in every request path ({@code /bot<token>/method}): a Bot API server that
 * answers with a redirect must never make the client carry that path to another host. "api" answers
 * getMe and the start-up calls, and redirects getUpdates and sendMessage to "elsewhere", which
 * records whatever reaches it.
 */
class NoRedirectsTest {

    private static final String TOKEN = TelegramMessageSenderTest.TOKEN;
    private final List<String> apiPaths = new CopyOnWriteArrayList<>();
    private final List<String> elsewherePaths = new CopyOnWriteArrayList<>();
    private HttpServer api;
    private HttpServer elsewhere;
    private TelegramAdapter adapter;

    @BeforeEach
    void start() throws IOException {
        elsewhere = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        elsewhere.createContext(
                "/",
                exchange -> {
                    elsewherePaths.add(exchange.getRequestURI().getPath());
                    answer(exchange, 200, "{\"ok\":true,\"result\":[]}");
                });
        elsewhere.start();
        api = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        api.createContext(
                "/",
                exchange -> {
                    String path = exchange.getRequestURI().getPath();
                    apiPaths.add(path);
                    String method =
                            path.substring(path.lastIndexOf('/') + 1)
                                    .toLowerCase(java.util.Locale.ROOT);
                    if (method.equals("getme")) {
                        answer(
                                exchange,
                                200,
                                "{\"ok\":true,\"result\":{\"id\":7000001,\"is_bot\":true,\"first_name\":\"Rat\",\"username\":\"rat_bot\"}}");
                    } else if (method.equals("getupdates") || method.equals("sendmessage")) {
                        exchange.getResponseHeaders()
                                .set(
                                        "Location",
                                        "http://127.0.0.1:"
                                                + elsewhere.getAddress().getPort()
                                                + path);
                        answer(exchange, 307, "");
                    } else {
                        answer(exchange, 200, "{\"ok\":true,\"result\":true}");
                    }
                });
        api.start();
    }

    @AfterEach
    void stop() {
        if (adapter != null) adapter.close();
        api.stop(0);
        elsewhere.stop(0);
    }

    @Test
    void neitherPollingNorSendingFollowsARedirectToAnotherHost() throws Exception {
        URI url = URI.create("http://127.0.0.1:" + api.getAddress().getPort());
        ConversationFixture fixture = new ConversationFixture();
        adapter =
                new TelegramAdapter(
                        TelegramSettings.longPolling(TOKEN, url),
                        fixture.conversation,
                        ConversationFixture.engine());
        adapter.start();

        SendResult sent =
                adapter.sender()
                        .send(
                                Address.direct(Platform.TELEGRAM, "42"),
                                Reply.text(Reply.Kind.TIP, "Offer a treat."));
        assertInstanceOf(SendResult.Transient.class, sent, "a redirect is not a delivery: " + sent);
        awaitPolls(url, 2);

        assertEquals(List.of(), elsewherePaths, "requests followed a redirect to another host");
        assertTrue(
                apiPaths.stream()
                        .anyMatch(p -> p.equalsIgnoreCase("/bot" + TOKEN + "/sendMessage")),
                apiPaths.toString());
    }

    /** By the second poll the first one's redirect would have been followed already. */
    private void awaitPolls(URI url, int polls) throws InterruptedException {
        long end = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < end) {
            if (apiPaths.stream()
                            .filter(
                                    p ->
                                            p.toLowerCase(java.util.Locale.ROOT)
                                                    .endsWith("/getupdates"))
                            .count()
                    >= polls) return;
            Thread.sleep(20);
        }
        fail("fewer than " + polls + " polls reached " + url + ": " + apiPaths);
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) exchange.getResponseBody().write(bytes);
        }
    }
}
