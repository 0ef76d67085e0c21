package dev.ratbot.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratbot.message.Address;
import dev.ratbot.message.MessageSender;
import dev.ratbot.message.Platform;
import dev.ratbot.message.PlatformLimits;
import dev.ratbot.message.Reply;
import dev.ratbot.message.SendResult;
import dev.ratbot.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PacerTest {

    static final PlatformLimits TELEGRAM = new PlatformLimits(4096, 30, Duration.ofSeconds(1), 20);
    static final PlatformLimits DISCORD = new PlatformLimits(2000, 50, Duration.ofMillis(200), 0);

    final MutableClock clock = MutableClock.at("2026-03-08T06:59:00Z");
    final Pacer pacer =
            new Pacer(Map.of(Platform.TELEGRAM, TELEGRAM, Platform.DISCORD, DISCORD), clock);

    @Test
    void noOneSecondWindowCarriesMoreThanThirtySendsAndThePaceStaysNearThirty() {
        // Many distinct chats, so only the overall limit binds; the sender polls at random moments
        // and also
        // comes back exactly when told to, which is when an off-by-one in the buckets would show.
        SplittableRandom random = new SplittableRandom(42);
        List<Instant> permitted = new ArrayList<>();
        Instant end = clock.instant().plusSeconds(20);
        int chat = 0;
        while (clock.instant().isBefore(end)) {
            Optional<Duration> wait =
                    pacer.tryAcquire(Address.direct(Platform.TELEGRAM, "c" + chat));
            if (wait.isEmpty()) {
                permitted.add(clock.instant());
                chat++;
            } else if (random.nextBoolean()) {
                clock.advance(wait.get());
            } else {
                clock.advance(Duration.ofNanos(random.nextLong(1, 20_000_000)));
            }
        }
        assertEquals(30, maxInAnyWindow(permitted, Duration.ofSeconds(1)));
        // Polls that overshoot a wait lose a little time; the pace must still be close to the
        // limit.
        assertTrue(permitted.size() >= 20 * 27, "only " + permitted.size() + " sends in 20 s");
    }

    @Test
    void aRetryAfterForOneChatSlowsThatChatOnlyAndEveryThreadInIt() {
        Address busy = Address.group(Platform.TELEGRAM, "-100");
        Address topicOfBusy =
                new Address(Platform.TELEGRAM, "-100", Optional.of("7"), Optional.empty(), true);
        Address other = Address.group(Platform.TELEGRAM, "-200");
        pacer.pause(busy, Duration.ofSeconds(9));
        assertEquals(Optional.of(Duration.ofSeconds(9)), pacer.tryAcquire(busy));
        assertEquals(Optional.of(Duration.ofSeconds(9)), pacer.tryAcquire(topicOfBusy));
        assertEquals(Optional.empty(), pacer.tryAcquire(other));
        assertEquals(Duration.ZERO, pacer.pausedFor(Platform.TELEGRAM));
        clock.advance(Duration.ofSeconds(9));
        assertEquals(Optional.empty(), pacer.tryAcquire(busy));
    }

    @Test
    void aSenderThatComesBackWhenToldSendsAtTheFullRate() {
        List<Instant> permitted = new ArrayList<>();
        Instant end = clock.instant().plusSeconds(20);
        int chat = 0;
        while (clock.instant().isBefore(end)) {
            Optional<Duration> wait =
                    pacer.tryAcquire(Address.direct(Platform.TELEGRAM, "c" + chat));
            if (wait.isEmpty()) {
                permitted.add(clock.instant());
                chat++;
            } else {
                clock.advance(wait.get());
            }
        }
        assertEquals(20 * 30, permitted.size());
        assertEquals(30, maxInAnyWindow(permitted, Duration.ofSeconds(1)));
    }

    @Test
    void aBurstAtOneInstantGetsOneSendAndAWaitForTheRest() {
        assertTrue(pacer.tryAcquire(Address.direct(Platform.TELEGRAM, "a")).isEmpty());
        Optional<Duration> wait = pacer.tryAcquire(Address.direct(Platform.TELEGRAM, "b"));
        assertTrue(wait.isPresent());
        assertTrue(
                wait.get().compareTo(Duration.ofMillis(33)) > 0
                        && wait.get().compareTo(Duration.ofMillis(34)) < 0,
                "wait " + wait.get());
        clock.advance(wait.get());
        assertTrue(pacer.tryAcquire(Address.direct(Platform.TELEGRAM, "b")).isEmpty());
    }

    @Test
    void aRefusalSaysWhetherEveryChatOfThePlatformWaitsOrOnlyThatOne() {
        Address a = Address.direct(Platform.TELEGRAM, "a");
        Address b = Address.direct(Platform.TELEGRAM, "b");
        assertEquals(Optional.empty(), pacer.take(a));
        // The overall budget has no second permit at this instant: every chat waits for it.
        Pacer.Refusal spent = pacer.take(b).orElseThrow();
        assertTrue(spent.wholePlatform());
        assertEquals(pacer.tryAcquire(b), Optional.of(spent.after()));
        clock.advance(spent.after());
        // Chat a's own limit (one a second) still holds, for it alone; b goes.
        assertEquals(
                Optional.of(new Pacer.Refusal(Duration.ofSeconds(1).minus(spent.after()), false)),
                pacer.take(a));
        assertEquals(Optional.empty(), pacer.take(b));
        pacer.pause(Platform.TELEGRAM, Duration.ofSeconds(5));
        assertEquals(
                Optional.of(new Pacer.Refusal(Duration.ofSeconds(5), true)),
                pacer.take(Address.direct(Platform.TELEGRAM, "c")));
    }

    @Test
    void aRetryAfterOfTwoSecondsLetsNothingThroughForTwoSeconds() {
        Instant pausedAt = clock.instant();
        pacer.pause(Platform.TELEGRAM, Duration.ofSeconds(2));
        List<Instant> permitted = new ArrayList<>();
        int chat = 0;
        while (clock.instant().isBefore(pausedAt.plusSeconds(3))) {
            Optional<Duration> wait =
                    pacer.tryAcquire(Address.direct(Platform.TELEGRAM, "c" + chat));
            if (wait.isEmpty()) {
                permitted.add(clock.instant());
                chat++;
            } else {
                // Never waits longer than the pause: a pacer that overstated its wait would also
                // pass.
                assertTrue(
                        !clock.instant().plus(wait.get()).isAfter(pausedAt.plusSeconds(2))
                                || !clock.instant().isBefore(pausedAt.plusSeconds(2)),
                        "wait past the pause: " + wait.get());
            }
            clock.advanceMillis(7);
        }
        assertFalse(permitted.isEmpty());
        assertTrue(
                permitted.stream().noneMatch(t -> t.isBefore(pausedAt.plusSeconds(2))),
                "sent during the pause");
        assertTrue(
                permitted.get(0).isBefore(pausedAt.plusSeconds(2).plusMillis(8)),
                "resumed late: " + permitted.get(0));
    }

    @Test
    void theWaitDuringAPauseIsWhatRemainsOfIt() {
        pacer.pause(Platform.TELEGRAM, Duration.ofSeconds(2));
        clock.advanceMillis(500);
        assertEquals(
                Optional.of(Duration.ofMillis(1500)),
                pacer.tryAcquire(Address.direct(Platform.TELEGRAM, "a")));
        assertEquals(Duration.ofMillis(1500), pacer.pausedFor(Platform.TELEGRAM));
        clock.advanceMillis(1500);
        assertEquals(Duration.ZERO, pacer.pausedFor(Platform.TELEGRAM));
        assertTrue(pacer.tryAcquire(Address.direct(Platform.TELEGRAM, "a")).isEmpty());
    }

    @Test
    void aShorterLaterPauseDoesNotCutAnEarlierLongerOneShort() {
        pacer.pause(Platform.TELEGRAM, Duration.ofSeconds(10));
        pacer.pause(Platform.TELEGRAM, Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(5));
        assertEquals(
                Optional.of(Duration.ofSeconds(5)),
                pacer.tryAcquire(Address.direct(Platform.TELEGRAM, "a")));
    }

    @Test
    void aPauseOnOnePlatformLeavesTheOtherSending() {
        pacer.pause(Platform.TELEGRAM, Duration.ofSeconds(30));
        assertTrue(pacer.tryAcquire(Address.direct(Platform.DISCORD, "channel")).isEmpty());
        assertTrue(pacer.tryAcquire(Address.direct(Platform.TELEGRAM, "chat")).isPresent());
    }

    @Test
    void oneChatGetsAtMostOneMessagePerSecond() {
        Address chat = Address.direct(Platform.TELEGRAM, "42");
        List<Instant> permitted = new ArrayList<>();
        for (int step = 0; step < 10_000; step++) {
            if (pacer.tryAcquire(chat).isEmpty()) permitted.add(clock.instant());
            clock.advanceMillis(1);
        }
        assertEquals(1, maxInAnyWindow(permitted, Duration.ofSeconds(1)));
        assertEquals(10, permitted.size());
    }

    @Test
    void aGroupGetsAtMostTwentyMessagesPerMinute() {
        Address group = Address.group(Platform.TELEGRAM, "-100123");
        List<Instant> permitted = new ArrayList<>();
        for (int step = 0; step < 3 * 60 * 10; step++) {
            if (pacer.tryAcquire(group).isEmpty()) permitted.add(clock.instant());
            clock.advanceMillis(100);
        }
        assertEquals(20, maxInAnyWindow(permitted, Duration.ofMinutes(1)));
        assertEquals(60, permitted.size());
    }

    @Test
    void theGroupLimitIsNotAppliedToDirectChats() {
        List<Instant> permitted = new ArrayList<>();
        for (int step = 0; step < 60 * 10; step++) {
            if (pacer.tryAcquire(Address.direct(Platform.TELEGRAM, "7")).isEmpty())
                permitted.add(clock.instant());
            clock.advanceMillis(100);
        }
        assertEquals(60, permitted.size());
    }

    @Test
    void aChatThatMustWaitDoesNotUseUpTheOverallAllowance() {
        Address busy = Address.direct(Platform.TELEGRAM, "busy");
        assertTrue(pacer.tryAcquire(busy).isEmpty());
        clock.advanceMillis(40);
        for (int i = 0; i < 5; i++) assertTrue(pacer.tryAcquire(busy).isPresent());
        assertTrue(pacer.tryAcquire(Address.direct(Platform.TELEGRAM, "other")).isEmpty());
    }

    @Test
    void theWaitForABusyChatIsTheLongestOfItsLimits() {
        Address group = Address.group(Platform.TELEGRAM, "-100");
        assertTrue(pacer.tryAcquire(group).isEmpty());
        // Per chat: 1 s; per group: 60 s / 20 = 3 s; overall: 1/30 s. The group limit decides.
        assertEquals(Optional.of(Duration.ofSeconds(3)), pacer.tryAcquire(group));
    }

    @Test
    void aThreadSharesItsChatsLimit() {
        Address chat = Address.direct(Platform.TELEGRAM, "-100555");
        Address topic =
                new Address(
                        Platform.TELEGRAM, "-100555", Optional.of("17"), Optional.empty(), false);
        assertTrue(pacer.tryAcquire(chat).isEmpty());
        clock.advanceMillis(100);
        assertTrue(pacer.tryAcquire(topic).isPresent());
    }

    @Test
    void idleChatsAreForgottenSoMemoryDoesNotGrowWithEveryChatEverPaced() {
        for (int i = 0; i < 10_000; i++) {
            Optional<Duration> wait;
            while ((wait = pacer.tryAcquire(Address.group(Platform.TELEGRAM, "g" + i))).isPresent())
                clock.advance(wait.get());
        }
        // At 30 sends/s, only the chats of the last few seconds can still be within their limits.
        assertTrue(
                pacer.trackedChats(Platform.TELEGRAM) < 400,
                "tracked " + pacer.trackedChats(Platform.TELEGRAM));
    }

    @Test
    void aForgottenChatIsStillPacedCorrectly() {
        Address group = Address.group(Platform.TELEGRAM, "-1");
        List<Instant> permitted = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(7);
        for (int step = 0; step < 20_000; step++) {
            Address to =
                    random.nextInt(10) == 0 ? group : Address.group(Platform.TELEGRAM, "x" + step);
            if (pacer.tryAcquire(to).isEmpty() && to.equals(group)) permitted.add(clock.instant());
            clock.advanceMillis(random.nextInt(1, 60));
        }
        int max = maxInAnyWindow(permitted, Duration.ofMinutes(1));
        assertTrue(max <= 20 && max >= 15, "max in a minute " + max);
    }

    @Test
    void limitsOfZeroAreNotEnforced() {
        Pacer open =
                new Pacer(
                        Map.of(Platform.CONSOLE, new PlatformLimits(1000, 0, Duration.ZERO, 0)),
                        clock);
        for (int i = 0; i < 1000; i++)
            assertTrue(open.tryAcquire(Address.group(Platform.CONSOLE, "same")).isEmpty());
    }

    @Test
    void anUnpacedPacerLetsEverythingThroughButStillHonoursAPause() {
        Pacer unpaced = Pacer.unpaced(clock);
        for (int i = 0; i < 1000; i++)
            assertTrue(unpaced.tryAcquire(Address.direct(Platform.TELEGRAM, "1")).isEmpty());
        unpaced.pause(Platform.DISCORD, Duration.ofSeconds(2));
        assertEquals(
                Optional.of(Duration.ofSeconds(2)),
                unpaced.tryAcquire(Address.direct(Platform.DISCORD, "1")));
        assertTrue(unpaced.tryAcquire(Address.direct(Platform.TELEGRAM, "1")).isEmpty());
    }

    @Test
    void aPlatformWithoutDeclaredLimitsIsAProgrammingError() {
        Pacer telegramOnly = new Pacer(Map.of(Platform.TELEGRAM, TELEGRAM), clock);
        assertThrows(
                IllegalArgumentException.class,
                () -> telegramOnly.tryAcquire(Address.direct(Platform.DISCORD, "1")));
    }

    @Test
    void aPacerForSendersUsesTheLimitsEachDeclares() {
        Pacer fromSenders =
                Pacer.forSenders(
                        List.of(
                                new DeclaringSender(
                                        Platform.DISCORD,
                                        new PlatformLimits(2000, 50, Duration.ofSeconds(5), 0))),
                        clock);
        Address channel = Address.direct(Platform.DISCORD, "c");
        assertTrue(fromSenders.tryAcquire(channel).isEmpty());
        assertEquals(Optional.of(Duration.ofSeconds(5)), fromSenders.tryAcquire(channel));
    }

    @Test
    void aHugeRetryAfterPausesWithoutOverflowing() {
        pacer.pause(Platform.TELEGRAM, Duration.ofSeconds(Long.MAX_VALUE));
        clock.advance(Duration.ofDays(365));
        assertTrue(pacer.tryAcquire(Address.direct(Platform.TELEGRAM, "1")).isPresent());
    }

    /** The most timestamps (sorted) that fall in any half-open window {@code [t, t + length)}. */
    static int maxInAnyWindow(List<Instant> times, Duration length) {
        int max = 0;
        int first = 0;
        for (int last = 0; last < times.size(); last++) {
            while (!times.get(first).plus(length).isAfter(times.get(last))) first++;
            max = Math.max(max, last - first + 1);
        }
        return max;
    }

    private record DeclaringSender(Platform platform, PlatformLimits limits)
            implements MessageSender {
        @Override
        public SendResult send(Address to, Reply reply) {
            return new SendResult.Delivered();
        }
    }
}
