package dev.ratbot.app.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.ratbot.app.config.StartupException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PlatformStarterTest {

    private static final Duration QUICK = Duration.ofMillis(10), LONGEST = Duration.ofMillis(40);
    private final AtomicInteger attempts = new AtomicInteger();

    /** Fails with {@code failure} for the first {@code failing} attempts, then starts. */
    private PlatformStarter starter(int failing, RuntimeException failure) {
        return new PlatformStarter(
                "Telegram",
                () -> {
                    if (attempts.incrementAndGet() <= failing) throw failure;
                },
                e -> !(e instanceof StartupException),
                QUICK,
                LONGEST);
    }

    @Test
    void unreachableAtStartIsTriedAgainUntilItStartsAndNotReadyMeanwhile() throws Exception {
        try (PlatformStarter starter =
                starter(5, new IllegalStateException("cannot reach the Telegram Bot API"))) {
            starter.start();
            assertTrue(
                    starter.problem().orElseThrow().startsWith("not started, trying again in "),
                    starter.problem().toString());
            awaitStarted(starter);
            assertEquals(6, attempts.get());
        }
    }

    @Test
    void aRefusalAtStartIsAConfigurationErrorAndNotTriedAgain() throws Exception {
        try (PlatformStarter starter =
                starter(
                        1,
                        new StartupException(
                                "Telegram refused the bot token (401): check TELEGRAM_BOT_TOKEN"))) {
            StartupException e = assertThrows(StartupException.class, starter::start);
            assertEquals(
                    "Telegram refused the bot token (401): check TELEGRAM_BOT_TOKEN",
                    e.getMessage());
            Thread.sleep(100);
            assertEquals(1, attempts.get());
        }
    }

    @Test
    void aRefusalOnARetryStopsRetryingAndSaysWhy() throws Exception {
        AtomicInteger tries = new AtomicInteger();
        try (PlatformStarter starter =
                new PlatformStarter(
                        "Discord",
                        () -> {
                            if (tries.incrementAndGet() < 3)
                                throw new IllegalStateException("no answer");
                            throw new StartupException(
                                    "Discord answered HTTP 401 (check DISCORD_BOT_TOKEN)");
                        },
                        e -> !(e instanceof StartupException),
                        QUICK,
                        LONGEST)) {
            starter.start();
            long end = System.nanoTime() + 5_000_000_000L;
            while (!starter.problem().orElse("").startsWith("Discord answered HTTP 401")
                    && System.nanoTime() < end) Thread.sleep(5);
            assertEquals(
                    Optional.of("Discord answered HTTP 401 (check DISCORD_BOT_TOKEN)"),
                    starter.problem());
            Thread.sleep(100);
            assertEquals(3, tries.get(), "no attempt after the refusal");
        }
    }

    @Test
    void cancellingStopsTheRetries() throws Exception {
        try (PlatformStarter starter =
                starter(Integer.MAX_VALUE, new IllegalStateException("no answer"))) {
            starter.start();
            starter.cancel();
            int after = attempts.get();
            Thread.sleep(150);
            assertEquals(after, attempts.get());
            assertEquals(Optional.of("not started"), starter.problem());
        }
    }

    private static void awaitStarted(PlatformStarter starter) throws InterruptedException {
        long end = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < end) {
            if (starter.problem().isEmpty()) return;
            Thread.sleep(5);
        }
        fail("not started: " + starter.problem());
    }
}
