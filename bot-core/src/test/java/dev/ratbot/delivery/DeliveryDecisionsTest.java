package dev.ratbot.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ratbot.delivery.DeliveryDecisions.AfterSend;
import dev.ratbot.delivery.DeliveryDecisions.SubscriptionChange;
import dev.ratbot.delivery.DeliveryDecisions.WhenClaimed;
import dev.ratbot.delivery.DeliveryDecisions.WhenDue;
import dev.ratbot.message.Address;
import dev.ratbot.message.Platform;
import dev.ratbot.message.SendResult;
import dev.ratbot.subscription.PauseReason;
import dev.ratbot.subscription.SubscriptionStatus;
import dev.ratbot.tips.TipPicker;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The pipeline's decisions as tables, without a database or a clock. */
class DeliveryDecisionsTest {

    private static final Instant NOW = Instant.parse("2026-05-01T09:00:00Z");
    private static final Duration GRACE = Duration.ofHours(3);
    private static final TipPicker ONE_TIP =
            (id, cycle, given) -> Optional.of(new TipPicker.Pick("t1", cycle));
    private static final TipPicker NO_TIPS = (id, cycle, given) -> Optional.empty();

    @ParameterizedTest(name = "due {1} in {0}, seen at {2}: {3} {4}")
    @CsvSource(
            delimiter = '|',
            value = {
                // zone            | due                   | now                   | decision |
                // reason                                          | next due
                "UTC               | 2026-05-01T09:00:00Z  | 2026-05-01T09:00:00Z  | SEND     |                                                 | 2026-05-02T09:00:00Z",
                "UTC               | 2026-05-01T09:00:00Z  | 2026-05-01T11:59:00Z  | SEND     |                                                 | 2026-05-02T09:00:00Z",
                "UTC               | 2026-05-01T09:00:00Z  | 2026-05-01T12:00:00Z  | SEND     |                                                 | 2026-05-02T09:00:00Z",
                "UTC               | 2026-05-01T09:00:00Z  | 2026-05-01T12:01:00Z  | SKIP     | missed by 181 min, more than the grace of 180 min | 2026-05-02T09:00:00Z",
                "UTC               | 2026-05-01T09:00:00Z  | 2026-05-08T10:00:00Z  | SKIP     | missed by 10140 min, more than the grace of 180 min | 2026-05-08T09:00:00Z",
                "UTC               | 2026-05-01T09:00:00Z  | 2026-05-08T13:00:00Z  | SKIP     | missed by 10320 min, more than the grace of 180 min | 2026-05-09T09:00:00Z",
                "America/New_York  | 2026-03-07T07:30:00Z  | 2026-03-07T07:30:00Z  | SEND     |                                                 | 2026-03-08T07:00:00Z",
            })
    void aDueTipIsSentWithinTheGraceAndSkippedBeyondItWithoutAFlood(
            ZoneId zone,
            Instant due,
            Instant now,
            String decision,
            String reason,
            Instant nextDue) {
        LocalTime at = due.atZone(zone).toLocalTime();
        DueSubscription subscription = new DueSubscription(7, at, zone, due, 2, "TELEGRAM");
        LocalDate day = due.atZone(zone).toLocalDate();
        WhenDue expected =
                decision.equals("SEND")
                        ? new WhenDue.Send(day, new TipPicker.Pick("t1", 2), nextDue)
                        : new WhenDue.Skip(day, reason, nextDue);
        assertEquals(
                expected, DeliveryDecisions.whenDue(subscription, now, GRACE, ONE_TIP, Set.of()));
    }

    @Test
    void aDueTipWithNoTipsToGiveIsSkippedAndTheDayMovesOn() {
        DueSubscription subscription =
                new DueSubscription(7, LocalTime.of(9, 0), ZoneId.of("UTC"), NOW, 0, "TELEGRAM");
        assertEquals(
                new WhenDue.Skip(
                        LocalDate.of(2026, 5, 1),
                        "no tips in the catalogue",
                        NOW.plus(Duration.ofDays(1))),
                DeliveryDecisions.whenDue(subscription, NOW, GRACE, NO_TIPS, Set.of()));
    }

    @Test
    void thePickerIsAskedForThisSubscriptionsOwnWalkAndWhatItWasAlreadyGiven() {
        List<String> asked = new ArrayList<>();
        TipPicker recording =
                (id, cycle, given) -> {
                    asked.add(id + "/" + cycle + "/" + given);
                    return Optional.of(new TipPicker.Pick("t9", cycle + 1));
                };
        DueSubscription subscription =
                new DueSubscription(42, LocalTime.of(9, 0), ZoneId.of("UTC"), NOW, 3, "DISCORD");
        WhenDue decision =
                DeliveryDecisions.whenDue(subscription, NOW, GRACE, recording, Set.of("t4"));
        assertEquals(List.of("42/3/[t4]"), asked);
        assertEquals(
                new WhenDue.Send(
                        LocalDate.of(2026, 5, 1),
                        new TipPicker.Pick("t9", 4),
                        NOW.plus(Duration.ofDays(1))),
                decision);
    }

    @ParameterizedTest(name = "{0} (retried daily: {1}), {2} late: {3}")
    @CsvSource({
        "ACTIVE,  false, PT0S,     OFFER",
        "ACTIVE,  false, PT3H,     OFFER",
        "ACTIVE,  false, PT3H0.001S, EXPIRE",
        "PAUSED,  true,  PT0S,     OFFER",
        "PAUSED,  true,  PT4H,     EXPIRE",
        "PAUSED,  false, PT0S,     CANCEL",
        "PAUSED,  false, PT4H,     CANCEL",
        "STOPPED, false, PT0S,     CANCEL",
        "STOPPED, true,  PT0S,     CANCEL",
    })
    void aClaimedTipIsOfferedToThePacerCancelledOrExpired(
            SubscriptionStatus status, boolean retriedDaily, Duration late, WhenClaimed expected) {
        assertEquals(
                expected,
                DeliveryDecisions.whenClaimed(status, retriedDaily, NOW.minus(late), NOW, GRACE));
    }

    /**
     * Backoff with base 10 s doubling to 5 min, four attempts in all, and jitter pinned to its
     * lowest: half the ceiling.
     */
    private static final Backoff BACKOFF =
            new Backoff(Duration.ofSeconds(10), Duration.ofMinutes(5), 4, () -> 0L);

    private static final Address CHAT = Address.group(Platform.TELEGRAM, "-100");

    @ParameterizedTest(name = "{0} after {1} attempts: {2} {3}")
    @CsvSource(
            delimiter = '|',
            value = {
                // outcome                                  | attempts | step            | attempts
                // after | reason                                       | subscription
                "Delivered                                  | 0        | FINISH SENT     | 0              |                                              | RESUME",
                "Delivered                                  | 2        | FINISH SENT     | 2              |                                              | RESUME",
                "RetryAfter PT2S                            | 0        | RETRY PT2S      | 1              | rate limited: retry after PT2S               | -",
                "Transient 502 Bad Gateway                  | 0        | RETRY PT5S      | 1              | 502 Bad Gateway                              | -",
                "Transient 502 Bad Gateway                  | 1        | RETRY PT10S     | 2              | 502 Bad Gateway                              | -",
                "Transient connection reset                 | 2        | RETRY PT20S     | 3              | connection reset                             | -",
                "Transient connection reset                 | 3        | FINISH FAILED   | 4              | gave up after 4 attempts: connection reset   | -",
                "Permanent Forbidden: bot was blocked       | 0        | FINISH FAILED   | 1              | Forbidden: bot was blocked                   | STOP",
                "Refused the topic is closed                | 1        | FINISH FAILED   | 2              | refused: the topic is closed                 | PAUSE the topic is closed",
                "Released                                   | 2        | RETRY PT0S      | 2              | released at shutdown                         | -",
                "NoTip t9                                   | 0        | FINISH FAILED   | 1              | tip t9 is no longer in the catalogue         | -",
            })
    void aSendResultMeansRetryFinishPauseOrStop(
            String outcome,
            int attempts,
            String step,
            int attemptsAfter,
            String reason,
            String subscription) {
        ClaimedDelivery d =
                new ClaimedDelivery(1, 7, CHAT, "t1", attempts, NOW, NOW.plusSeconds(300));
        String[] s = step.split(" ");
        AfterSend expected =
                s[0].equals("RETRY")
                        ? new AfterSend.Retry(NOW.plus(Duration.parse(s[1])), attemptsAfter, reason)
                        : new AfterSend.Finish(
                                DeliveryStatus.valueOf(s[1]),
                                attemptsAfter,
                                reason,
                                change(subscription, reason));
        assertEquals(expected, DeliveryDecisions.afterSend(d, outcome(outcome), NOW, BACKOFF));
    }

    @Test
    void aMovedChatIsFollowedAsAnotherAttempt() {
        ClaimedDelivery d = new ClaimedDelivery(1, 7, CHAT, "t1", 1, NOW, NOW.plusSeconds(300));
        Address to = CHAT.movedTo("-100999");
        assertEquals(
                new AfterSend.Follow(to, 2),
                DeliveryDecisions.afterSend(
                        d, new Outcome.Sent(new SendResult.Moved(to)), NOW, BACKOFF));
    }

    @ParameterizedTest(name = "new chat taken: {0}, move {1} of at most {2}: {3}")
    @CsvSource(
            delimiter = '|',
            value = {
                "false | 1 | 3 | RETRY     | the chat moved to -100999                                 | -",
                "false | 3 | 3 | RETRY     | the chat moved to -100999                                 | -",
                "false | 4 | 3 | FAILED    | the chat moved 4 times                                    | -",
                "true  | 1 | 3 | CANCELLED | moved to chat -100999, which has its own subscription     | STOP",
                "true  | 4 | 3 | CANCELLED | moved to chat -100999, which has its own subscription     | STOP",
            })
    void aMovedChatIsFollowedUnlessItHasItsOwnSubscriptionOrKeepsMoving(
            boolean taken,
            int moves,
            int maxMoves,
            String step,
            String reason,
            String subscription) {
        AfterSend.Follow move = new AfterSend.Follow(CHAT.movedTo("-100999"), moves);
        AfterSend expected =
                step.equals("RETRY")
                        ? new AfterSend.Retry(NOW, moves, reason)
                        : new AfterSend.Finish(
                                DeliveryStatus.valueOf(step),
                                moves,
                                reason,
                                change(subscription, reason));
        assertEquals(expected, DeliveryDecisions.afterMove(move, taken, NOW, maxMoves));
    }

    @Test
    void theStatesThatTakeATipAreNamedOnceForSql() {
        assertEquals(
                "('PENDING', 'SENDING', 'SENT', 'UNCONFIRMED')",
                DeliveryStatus.sqlList(DeliveryStatus.TIP_TAKEN));
        assertEquals("('PENDING', 'SENDING')", DeliveryStatus.sqlList(DeliveryStatus.UNSETTLED));
    }

    private static SubscriptionChange change(String text, String reason) {
        if (text.equals("-")) return new SubscriptionChange.Unchanged();
        if (text.equals("RESUME")) return new SubscriptionChange.ResumeIfPausedByBot();
        if (text.equals("STOP")) return new SubscriptionChange.Stop(reason);
        return new SubscriptionChange.Pause(
                PauseReason.cannotPost(text.substring("PAUSE ".length())));
    }

    private static Outcome outcome(String text) {
        int space = text.indexOf(' ');
        String kind = space < 0 ? text : text.substring(0, space);
        String detail = space < 0 ? "" : text.substring(space + 1);
        return switch (kind) {
            case "Released" -> new Outcome.Released();
            case "NoTip" -> new Outcome.NoTip(detail);
            case "Delivered" -> new Outcome.Sent(new SendResult.Delivered());
            case "RetryAfter" ->
                    new Outcome.Sent(new SendResult.RetryAfter(Duration.parse(detail)));
            case "Transient" -> new Outcome.Sent(new SendResult.Transient(detail));
            case "Permanent" -> new Outcome.Sent(new SendResult.Permanent(detail));
            case "Refused" -> new Outcome.Sent(new SendResult.Refused(detail));
            default -> throw new IllegalArgumentException(text);
        };
    }
}
