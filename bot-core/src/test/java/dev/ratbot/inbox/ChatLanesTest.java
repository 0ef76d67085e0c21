package dev.ratbot.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ChatLanesTest {

    @Test
    void oneChatsWorkRunsOneAtATimeInOrderWhileChatsRunInParallel() throws Exception {
        Map<String, List<Integer>> seen = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> busy = new ConcurrentHashMap<>();
        AtomicInteger overlapsWithinAChat = new AtomicInteger();
        AtomicInteger mostChatsAtOnce = new AtomicInteger();
        AtomicInteger chatsNow = new AtomicInteger();
        try (ChatLanes lanes = new ChatLanes("test", 8, 10_000)) {
            for (int i = 0; i < 400; i++) {
                String chat = "chat-" + (i % 8);
                int n = i;
                assertTrue(
                        lanes.offer(
                                chat,
                                () -> {
                                    if (busy.computeIfAbsent(chat, c -> new AtomicInteger())
                                                    .incrementAndGet()
                                            > 1) overlapsWithinAChat.incrementAndGet();
                                    mostChatsAtOnce.accumulateAndGet(
                                            chatsNow.incrementAndGet(), Math::max);
                                    sleep(1);
                                    seen.computeIfAbsent(
                                                    chat,
                                                    c ->
                                                            Collections.synchronizedList(
                                                                    new ArrayList<>()))
                                            .add(n);
                                    chatsNow.decrementAndGet();
                                    busy.get(chat).decrementAndGet();
                                }));
            }
            assertTrue(lanes.awaitIdle(Duration.ofSeconds(30)));
        }
        assertEquals(0, overlapsWithinAChat.get());
        assertTrue(mostChatsAtOnce.get() > 1, "chats ran in parallel: " + mostChatsAtOnce.get());
        assertEquals(8, seen.size());
        List<Integer> chat3 = seen.get("chat-3");
        assertEquals(50, chat3.size());
        for (int k = 0; k < 50; k++) assertEquals(3 + 8 * k, chat3.get(k));
    }

    @Test
    void aSlowChatDoesNotHoldUpAnother() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch otherDone = new CountDownLatch(1);
        try (ChatLanes lanes = new ChatLanes("test", 2, 100)) {
            lanes.offer("slow", () -> await(release));
            lanes.offer("fast", otherDone::countDown);
            assertTrue(otherDone.await(5, TimeUnit.SECONDS));
            release.countDown();
        }
    }

    @Test
    void theQueueIsBoundedAndWaitingSubmitsResumeWhenThereIsRoom() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (ChatLanes lanes = new ChatLanes("test", 1, 2)) {
            CountDownLatch started = new CountDownLatch(1);
            assertTrue(
                    lanes.offer(
                            "a",
                            () -> {
                                started.countDown();
                                await(release);
                            }));
            assertTrue(started.await(5, TimeUnit.SECONDS));
            assertEquals(1, lanes.pending());
            assertFalse(lanes.full());
            assertTrue(lanes.offer("a", () -> {}));
            assertTrue(lanes.offer("b", () -> {}));
            assertTrue(lanes.full());
            assertFalse(lanes.offer("c", () -> {}));
            AtomicInteger ran = new AtomicInteger();
            Thread submitter =
                    Thread.ofVirtual()
                            .start(
                                    () -> {
                                        try {
                                            lanes.submitWaiting("c", ran::incrementAndGet);
                                        } catch (InterruptedException e) {
                                            Thread.currentThread().interrupt();
                                        }
                                    });
            Thread.sleep(100);
            assertEquals(0, ran.get());
            release.countDown();
            submitter.join(5000);
            assertTrue(lanes.awaitIdle(Duration.ofSeconds(5)));
            assertEquals(1, ran.get());
        }
    }

    @Test
    void closingLetsRunningWorkFinishAndDropsWhatHasNotStartedAfterTheGrace() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger ran = new AtomicInteger();
        ChatLanes lanes = new ChatLanes("test", 4, 100);
        lanes.offer(
                "a",
                () -> {
                    started.countDown();
                    await(release);
                    ran.incrementAndGet();
                });
        for (int i = 0; i < 5; i++) lanes.offer("a", ran::incrementAndGet);
        assertTrue(started.await(5, TimeUnit.SECONDS));
        Thread.ofVirtual()
                .start(
                        () -> {
                            sleep(300);
                            release.countDown();
                        });
        int dropped = lanes.close(Duration.ofMillis(100));
        assertEquals(5, dropped);
        assertFalse(lanes.offer("a", ran::incrementAndGet));
        release.countDown();
        Thread.sleep(400);
        assertEquals(1, ran.get());
    }

    @Test
    void failingWorkIsLoggedAndTheLaneCarriesOn() throws Exception {
        AtomicInteger ran = new AtomicInteger();
        try (ChatLanes lanes = new ChatLanes("test", 1, 10)) {
            lanes.offer(
                    "a",
                    () -> {
                        throw new IllegalStateException("boom");
                    });
            lanes.offer("a", ran::incrementAndGet);
            assertTrue(lanes.awaitIdle(Duration.ofSeconds(5)));
        }
        assertEquals(1, ran.get());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
