package dev.ratbot.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratbot.telegram.fake.FakeBotApi;
import dev.ratbot.telegram.fake.Updates;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of the polling process in the middle of a batch of 1,000 queued updates, then a
 * restart on the same SQLite file: every update is answered exactly once, as counted by the fake
 * Bot API. The kill comes while replies are in flight (the fake holds its answers), so the updates
 * taken but unanswered at the kill are in the count.
 */
class KillMidBatchTest {

    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir Path dir;
    private FakeBotApi api;
    private Process running;

    @AfterEach
    void stop() {
        if (running != null) running.destroyForcibly();
        if (api != null) api.close();
    }

    @Test
    void everyOneOfAThousandUpdatesIsAnsweredExactlyOnceAcrossAKillAndARestart() throws Exception {
        api = new FakeBotApi(TelegramMessageSenderTest.TOKEN);
        int total = 1000;
        // 1,000 chats of one question each, and ten chats that send ten commands each: both lanes
        // and order matter.
        for (int i = 1; i <= 900; i++) api.enqueue(Updates.privateText(10_000 + i, "/help"));
        for (int k = 0; k < 10; k++) {
            for (int c = 1; c <= 10; c++) api.enqueue(Updates.privateText(20_000 + c, "/tip"));
        }
        Path db = dir.resolve("ratbot.db");

        running = start(db, "first");
        api.awaitCount("sendMessage", 300, WAIT);
        api.hold("sendMessage");
        Thread.sleep(1000); // every busy lane reaches its send and waits for the held answer
        int countedAtKill = api.calls("sendMessage").size();
        running.destroyForcibly()
                .waitFor(10, TimeUnit.SECONDS); // SIGKILL: no shutdown hook, no goodbye
        api.release("sendMessage");
        assertTrue(countedAtKill < total, "the kill came mid-batch: " + countedAtKill);

        running = start(db, "second");
        awaitAnswers(total);
        Thread.sleep(1500); // anything answered twice would arrive now
        List<String> chats = api.calls("sendMessage").stream().map(c -> c.text("chat_id")).toList();
        Map<String, Long> perChat =
                chats.stream()
                        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertEquals(910, perChat.size(), "every chat was answered");
        Map<Long, Long> howOften =
                perChat.entrySet().stream()
                        .filter(e -> Long.parseLong(e.getKey()) < 20_000)
                        .collect(Collectors.groupingBy(Map.Entry::getValue, Collectors.counting()));
        assertEquals(Map.of(1L, 900L), howOften, "each single question exactly once");
        for (int c = 1; c <= 10; c++)
            assertEquals(10L, perChat.get(Integer.toString(20_000 + c)), "chat " + c);
        assertEquals(total, chats.size());
        assertEquals(List.of(), api.rejections());
    }

    /**
     * Waits for that many sends; fails with the count (not the fake's whole call list) when they do
     * not come.
     */
    private void awaitAnswers(int count) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (api.calls("sendMessage").size() < count) {
            if (System.nanoTime() > deadline)
                throw new AssertionError(
                        "only "
                                + api.calls("sendMessage").size()
                                + " of "
                                + count
                                + " answers arrived");
            Thread.sleep(100);
        }
    }

    private Process start(Path db, String name) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb =
                new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        PollingProcess.class.getName(),
                        api.url().toString(),
                        db.toString(),
                        name);
        pb.redirectError(
                new File(
                        System.getProperty("ratbot.killtest.logs", dir.toString()), name + ".err"));
        Process p = pb.start();
        BufferedReader out =
                new BufferedReader(
                        new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String line;
        while ((line = out.readLine()) != null && !line.equals("polling")) {
            if (System.nanoTime() > deadline) break;
        }
        if (!"polling".equals(line)) throw new AssertionError(name + " did not start");
        return p;
    }
}
