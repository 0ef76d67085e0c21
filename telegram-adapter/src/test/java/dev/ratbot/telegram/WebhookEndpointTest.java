package dev.ratbot.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ratbot.telegram.fake.Updates;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.objects.Update;

class WebhookEndpointTest {

    private static final String SECRET = "hook_secret-123";
    private final ObjectMapper json = new ObjectMapper();
    private final List<Update> received = new CopyOnWriteArrayList<>();
    private final AtomicBoolean full = new AtomicBoolean();
    private final HttpClient http = HttpClient.newHttpClient();
    private WebhookEndpoint endpoint;
    private URI url;

    @BeforeEach
    void start() throws Exception {
        endpoint = new WebhookEndpoint(new InetSocketAddress("127.0.0.1", 0), SECRET, json, u -> !full.get() && received.add(u));
        endpoint.start();
        url = URI.create("http://127.0.0.1:" + endpoint.address().getPort() + "/telegram");
    }

    @AfterEach
    void stop() {
        endpoint.close();
    }

    @Test
    void theRightSecretGetsTheUpdateIn() throws Exception {
        assertEquals(200, post(SECRET, update()));
        assertEquals(1, received.size());
        assertEquals("how do I hold my rat?", received.get(0).getMessage().getText());
    }

    @Test
    void aWrongOrMissingSecretIsRefusedAndNothingHappens() throws Exception {
        assertEquals(401, post("hook_secret-124", update()));
        assertEquals(401, post(SECRET + "x", update()));
        assertEquals(401, post("", update()));
        assertEquals(401, post(null, update()));
        assertEquals(401, post(null, "not even json"));
        assertEquals(List.of(), received);
    }

    @Test
    void onlyPostsWithAnUpdateAreTaken() throws Exception {
        HttpResponse<String> get = http.send(HttpRequest.newBuilder(url).header(WebhookEndpoint.SECRET_HEADER, SECRET).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(405, get.statusCode());
        assertEquals(400, post(SECRET, "{not json"));
        assertEquals(List.of(), received);
    }

    @Test
    void whenTheQueueIsFullTelegramIsAskedToComeBackLater() throws Exception {
        full.set(true);
        assertEquals(503, post(SECRET, update()));
    }

    @Test
    void anOversizedBodyIsRefused() throws Exception {
        assertEquals(413, post(SECRET, "{\"update_id\":1,\"x\":\"" + "a".repeat(WebhookEndpoint.MAX_BODY_BYTES) + "\"}"));
        assertEquals(List.of(), received);
    }

    private String update() throws Exception {
        return json.writeValueAsString(Updates.privateText(42, "how do I hold my rat?").put("update_id", 1));
    }

    private int post(String secret, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (secret != null) request.header(WebhookEndpoint.SECRET_HEADER, secret);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }
}
