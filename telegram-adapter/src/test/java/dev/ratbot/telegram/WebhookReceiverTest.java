package dev.ratbot.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ratbot.telegram.WebhookReceiver.Outcome;
import dev.ratbot.telegram.fake.Updates;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * What the webhook's requests come to, without the HTTP server that carries them (the launcher's,
 * tested there).
 */
class WebhookReceiverTest {

    private static final String SECRET = "hook_secret-123";
    private final ObjectMapper json = new ObjectMapper();
    private final List<Update> received = new CopyOnWriteArrayList<>();
    private final AtomicBoolean full = new AtomicBoolean();
    private WebhookReceiver receiver;

    @BeforeEach
    void open() {
        receiver = new WebhookReceiver(SECRET, json);
        receiver.sink(
                u -> {
                    if (full.get()) return Outcome.BUSY;
                    received.add(u);
                    return Outcome.TAKEN;
                });
    }

    @Test
    void onlyTheExactSecretIsAuthorized() {
        assertTrue(receiver.authorized(SECRET));
        assertFalse(receiver.authorized("hook_secret-124"));
        assertFalse(receiver.authorized(SECRET + "x"));
        assertFalse(receiver.authorized(""));
        assertFalse(receiver.authorized(null));
    }

    @Test
    void anUpdateIsTakenIn() throws Exception {
        assertEquals(Outcome.TAKEN, receiver.take(update()));
        assertEquals("how do I hold my rat?", received.getFirst().getMessage().getText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", "{not json", "[]", "{}", "\"text\"", ""})
    void aBodyThatIsNotAnUpdateIsIgnoredSoThatTelegramDoesNotSendItAgain(String body) {
        assertEquals(Outcome.IGNORED, receiver.take(body.getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of(), received);
    }

    @Test
    void whenTheQueueIsFullOrTheAdapterStoppedTelegramIsAskedToComeBackLater() throws Exception {
        full.set(true);
        assertEquals(Outcome.BUSY, receiver.take(update()));
        full.set(false);
        receiver.sink(null);
        assertFalse(receiver.open());
        assertEquals(Outcome.BUSY, receiver.take(update()));
        assertEquals(List.of(), received);
    }

    private byte[] update() throws Exception {
        return json.writeValueAsBytes(
                Updates.privateText(42, "how do I hold my rat?").put("update_id", 1));
    }
}
