package dev.ratbot.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.ratbot.discord.fake.FakeDiscord;
import dev.ratbot.message.Reply;
import dev.ratbot.message.SendResult;
import dev.ratbot.testing.ConversationFixture;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The bot token travels in every request's Authorization header: a REST answer that redirects must
 * never make the client repeat the request, token and all, to another host. "api" redirects
 * everything to "elsewhere", which records whatever reaches it.
 */
class NoRedirectsTest {

    private final List<String> apiRequests = new CopyOnWriteArrayList<>();
    private final List<String> elsewhereRequests = new CopyOnWriteArrayList<>();
    private HttpServer api;
    private HttpServer elsewhere;

    @BeforeEach
    void start() throws IOException {
        elsewhere = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        elsewhere.createContext(
                "/",
                exchange -> {
                    elsewhereRequests.add(
                            exchange.getRequestMethod()
                                    + " "
                                    + exchange.getRequestURI().getPath()
                                    + " "
                                    + exchange.getRequestHeaders().getFirst("Authorization"));
                    answer(exchange, 200, "{}");
                });
        elsewhere.start();
        api = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        api.createContext(
                "/",
                exchange -> {
                    apiRequests.add(
                            exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
                    exchange.getResponseHeaders()
                            .set(
                                    "Location",
                                    "http://127.0.0.1:"
                                            + elsewhere.getAddress().getPort()
                                            + exchange.getRequestURI().getPath());
                    answer(exchange, 307, "");
                });
        api.start();
    }

    @AfterEach
    void stop() {
        api.stop(0);
        elsewhere.stop(0);
    }

    @Test
    void neitherStartingNorSendingFollowsARedirectToAnotherHost() {
        DiscordSettings settings =
                DiscordSettings.of(
                                FakeDiscord.TOKEN,
                                URI.create(
                                        "http://127.0.0.1:"
                                                + api.getAddress().getPort()
                                                + "/api/v10"))
                        .withSendTimeout(Duration.ofSeconds(3));
        SendResult sent =
                new DiscordMessageSender(
                                DiscordClients.create(settings),
                                new ReplyRenderer(),
                                settings.sendTimeout())
                        .send(
                                DiscordPlaces.serverChannel(
                                        1146100000000000001L, FakeDiscord.GUILD_ID),
                                Reply.text(Reply.Kind.TIP, "Offer a treat."));
        assertFalse(sent instanceof SendResult.Delivered, "a redirect is not a delivery: " + sent);

        ConversationFixture core = new ConversationFixture();
        try (DiscordAdapter adapter =
                new DiscordAdapter(
                        settings,
                        core.conversation,
                        ConversationFixture.engine(),
                        core.subscriptions,
                        core.answerLog)) {
            assertThrows(DiscordStartException.class, adapter::start);
        }

        assertEquals(List.of(), elsewhereRequests, "requests followed a redirect to another host");
        assertTrue(
                apiRequests.stream().anyMatch(r -> r.endsWith("/messages")),
                apiRequests.toString());
        assertTrue(
                apiRequests.stream()
                        .anyMatch(
                                r ->
                                        r.contains("/oauth2/applications/")
                                                || r.contains("/applications/")),
                apiRequests.toString());
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) exchange.getResponseBody().write(bytes);
        }
    }
}
