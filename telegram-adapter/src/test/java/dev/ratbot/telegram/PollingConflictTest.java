package dev.ratbot.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratbot.telegram.fake.FakeBotApi;
import dev.ratbot.telegram.fake.Updates;
import dev.ratbot.testing.ConversationFixture;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The 409 storm: another process polls the same token, so Telegram refuses every getUpdates of
 * ours. The adapter says so in one log line (then at most one a minute), is not taking updates
 * meanwhile, and carries on when it ends.
 */
class PollingConflictTest {

    private static final String TOKEN = TelegramMessageSenderTest.TOKEN;
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void aConflictIsOneLogLineAndNotTakingUpdatesUntilItEnds() throws Exception {
        ConversationFixture fixture = new ConversationFixture();
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try (FakeBotApi api = new FakeBotApi(TOKEN);
                TelegramAdapter adapter =
                        TelegramAdapter.builder(
                                        TelegramSettings.longPolling(TOKEN, api.url()),
                                        fixture.conversation,
                                        ConversationFixture.engine())
                                .pollRetry(Duration.ofMillis(50))
                                .build()) {
            api.otherPoller(true);
            adapter.start();
            api.awaitCount("getUpdates", 40, WAIT);
            Optional<String> problem = adapter.notTakingUpdatesBecause();
            assertTrue(
                    problem.orElse("")
                            .startsWith(
                                    "another process polls this bot token (Telegram answers 409 Conflict)"),
                    problem.toString());

            api.otherPoller(false);
            api.enqueue(Updates.privateText(77, "/help"));
            api.await("sendMessage", c -> "77".equals(c.text("chat_id")), WAIT);
            assertEquals(Optional.empty(), adapter.notTakingUpdatesBecause());
        } finally {
            System.setErr(original);
        }
        List<String> lines = captured.toString(StandardCharsets.UTF_8).lines().toList();
        // (These tests log at WARN and above; the line saying that polling works again is INFO.)
        List<String> conflict = lines.stream().filter(l -> l.contains("Conflict")).toList();
        assertEquals(
                1, conflict.size(), "40 refused polls, one line:\n" + String.join("\n", lines));
        assertTrue(
                conflict.getFirst().contains("WARN")
                        && conflict.getFirst().contains("another process polls this bot token"),
                conflict.getFirst());
        assertTrue(
                lines.stream().noneMatch(l -> l.startsWith("\tat ") || l.contains("BotSession")),
                String.join("\n", lines));
    }
}
