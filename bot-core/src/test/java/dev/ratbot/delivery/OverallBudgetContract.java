package dev.ratbot.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratbot.message.Platform;
import dev.ratbot.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What every {@link OverallBudget} must do; the local budget and the PostgreSQL-shared one run
 * these same tests.
 */
abstract class OverallBudgetContract {

    final MutableClock clock = MutableClock.at("2026-03-08T06:59:00Z");

    /**
     * Where this test's budgets come from (called once per test; a shared source starts from an
     * empty table).
     */
    protected abstract OverallBudget.Source source();

    @Test
    void aTokenIsGrantedThenTheNextWaitsOneSpacing() {
        OverallBudget budget = source().budget(Platform.TELEGRAM, 30, clock);
        assertEquals(Optional.empty(), budget.tryTake());
        Optional<Duration> wait = budget.tryTake();
        assertTrue(wait.isPresent(), "a second token at the same instant");
        assertTrue(
                wait.get().compareTo(Duration.ofMillis(33)) > 0
                        && wait.get().compareTo(Duration.ofMillis(34)) < 0,
                "wait " + wait.get());
        clock.advance(wait.get().minusNanos(1));
        assertTrue(budget.tryTake().isPresent(), "granted before the wait it gave");
        clock.advance(Duration.ofNanos(1));
        assertEquals(Optional.empty(), budget.tryTake());
    }

    @Test
    void aCallerThatComesBackWhenToldGetsExactlyTheRateAndNoWindowMore() {
        OverallBudget budget = source().budget(Platform.DISCORD, 50, clock);
        List<Instant> granted = new ArrayList<>();
        Instant end = clock.instant().plusSeconds(3);
        while (clock.instant().isBefore(end)) {
            Optional<Duration> wait = budget.tryTake();
            if (wait.isEmpty()) granted.add(clock.instant());
            else clock.advance(wait.get());
        }
        assertEquals(3 * 50, granted.size());
        assertEquals(50, PacerTest.maxInAnyWindow(granted, Duration.ofSeconds(1)));
    }

    @Test
    void refusalsTakeNothing() {
        OverallBudget budget = source().budget(Platform.TELEGRAM, 10, clock);
        assertEquals(Optional.empty(), budget.tryTake());
        for (int i = 0; i < 20; i++) assertTrue(budget.tryTake().isPresent());
        clock.advance(Duration.ofMillis(100));
        assertEquals(Optional.empty(), budget.tryTake());
        assertTrue(budget.tryTake().isPresent());
    }

    @Test
    void aLongIdleTimeSavesNoBurst() {
        OverallBudget budget = source().budget(Platform.TELEGRAM, 30, clock);
        clock.advance(Duration.ofMinutes(10));
        assertEquals(Optional.empty(), budget.tryTake());
        assertTrue(
                budget.tryTake().isPresent(),
                "a burst after idling would break the one-second window");
    }

    @Test
    void platformsHaveTheirOwnBudgets() {
        OverallBudget.Source source = source();
        OverallBudget telegram = source.budget(Platform.TELEGRAM, 30, clock);
        OverallBudget discord = source.budget(Platform.DISCORD, 50, clock);
        assertEquals(Optional.empty(), telegram.tryTake());
        assertEquals(Optional.empty(), discord.tryTake());
        assertTrue(telegram.tryTake().isPresent());
        assertTrue(discord.tryTake().isPresent());
    }
}
