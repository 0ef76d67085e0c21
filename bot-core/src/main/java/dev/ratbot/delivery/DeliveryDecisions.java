package dev.ratbot.delivery;

import dev.ratbot.message.Address;
import dev.ratbot.message.SendResult;
import dev.ratbot.subscription.DeliveryTimes;
import dev.ratbot.subscription.PauseReason;
import dev.ratbot.subscription.SubscriptionStatus;
import dev.ratbot.tips.TipPicker;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/**
 * Every decision of the daily-tip pipeline, as pure functions of their inputs, so that each reads
 * as a table and is tested without a database; {@link DeliveryStore} only carries them out.
 *
 * <ul>
 *   <li>{@link #whenDue}: a due subscription gets a PENDING row with the next tip, or a SKIPPED
 *       one;
 *   <li>{@link #whenClaimed}: a PENDING row is offered to the pacer, cancelled or expired;
 *   <li>{@link #afterSend} and {@link #afterMove}: a platform's answer means retry, finish (and
 *       maybe stop, pause or resume the subscription), or follow a moved chat.
 * </ul>
 */
final class DeliveryDecisions {

    private DeliveryDecisions() {}

    // ---- due → send or skip
    // ----------------------------------------------------------------------------------

    /**
     * What the scheduler does with one due subscription; either way it moves on to {@link
     * #nextDue()}.
     */
    sealed interface WhenDue {

        /** The local date of the due occurrence. */
        LocalDate day();

        /** The subscription's next occurrence after this one. */
        Instant nextDue();

        /** Queue {@code pick} as a PENDING delivery for {@code day}. */
        record Send(LocalDate day, TipPicker.Pick pick, Instant nextDue) implements WhenDue {}

        /** Record {@code day} as SKIPPED with {@code reason}; nothing is sent. */
        record Skip(LocalDate day, String reason, Instant nextDue) implements WhenDue {}
    }

    /**
     * A tip due more than {@code grace} ago (the bot was down) is skipped and the subscription
     * jumps to its first occurrence still within grace: never a flood of old tips. Otherwise it
     * gets the next tip of its own walk through the catalogue, or is skipped when there are no tips
     * at all.
     *
     * @param tipsGiven the tips already given (or on their way) in the subscription's current pass
     */
    static WhenDue whenDue(
            DueSubscription due,
            Instant now,
            Duration grace,
            TipPicker tips,
            Set<String> tipsGiven) {
        LocalDate day = due.day();
        Instant following =
                DeliveryTimes.firstAfterDate(due.localTime(), due.zone(), day).toInstant();
        Instant oldestAllowed = now.minus(grace);
        if (due.dueAt().isBefore(oldestAllowed)) {
            Instant catchUp =
                    DeliveryTimes.firstAtOrAfter(due.localTime(), due.zone(), oldestAllowed)
                            .toInstant();
            String reason =
                    "missed by "
                            + Duration.between(due.dueAt(), now).toMinutes()
                            + " min, more than the grace of "
                            + grace.toMinutes()
                            + " min";
            return new WhenDue.Skip(day, reason, later(following, catchUp));
        }
        Optional<TipPicker.Pick> pick = tips.next(due.id(), due.cycle(), tipsGiven);
        return pick.<WhenDue>map(p -> new WhenDue.Send(day, p, following))
                .orElseGet(() -> new WhenDue.Skip(day, "no tips in the catalogue", following));
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    // ---- claimed → offer, cancel or expire
    // -------------------------------------------------------------------

    /** What a claim does with a due PENDING row. */
    enum WhenClaimed {
        /** Ask the pacer; send now if it allows, else put the row back until its next permit. */
        OFFER,
        /** The subscription was paused or stopped after the tip was queued: CANCELLED. */
        CANCEL,
        /** Later than the grace: EXPIRED. */
        EXPIRE
    }

    /**
     * Active subscriptions get their tip, and so do those the bot paused for a fixable reason (the
     * daily retry whose success resumes them); a tip that could not go out within the grace
     * expires.
     */
    static WhenClaimed whenClaimed(
            SubscriptionStatus subscription,
            boolean pauseRetried,
            Instant dueAt,
            Instant now,
            Duration grace) {
        boolean sendable =
                switch (subscription) {
                    case ACTIVE -> true;
                    case PAUSED -> pauseRetried;
                    case STOPPED -> false;
                };
        if (!sendable) return WhenClaimed.CANCEL;
        if (dueAt.isBefore(now.minus(grace))) return WhenClaimed.EXPIRE;
        return WhenClaimed.OFFER;
    }

    // ---- send result → retry, finish, pause, stop
    // ------------------------------------------------------------

    /** What becomes of a claimed delivery once its send is over. */
    sealed interface AfterSend {

        /** Back to PENDING, to be claimed again from {@code at}. */
        record Retry(Instant at, int attempts, String reason) implements AfterSend {}

        /** Settled for good in {@code status}, and what that means for its subscription. */
        record Finish(
                DeliveryStatus status, int attempts, String reason, SubscriptionChange subscription)
                implements AfterSend {}

        /**
         * The chat moved to {@code to}: decided by {@link #afterMove} once the store knows whether
         * {@code to} is taken.
         */
        record Follow(Address to, int moves) implements AfterSend {}
    }

    /** What a delivery's end does to its subscription. */
    sealed interface SubscriptionChange {

        /** Nothing. */
        record Unchanged() implements SubscriptionChange {}

        /** STOPPED with {@code reason} (unless already stopped): the chat is gone for good. */
        record Stop(String reason) implements SubscriptionChange {}

        /**
         * PAUSED with {@code reason}, still tried daily, unless the user paused it or it stopped
         * meanwhile: the chat refuses for now.
         */
        record Pause(PauseReason reason) implements SubscriptionChange {}

        /**
         * A tip went through: if the bot had paused it for a fixable reason, it was fixed, so
         * ACTIVE again.
         */
        record ResumeIfPausedByBot() implements SubscriptionChange {}
    }

    private static final SubscriptionChange UNCHANGED = new SubscriptionChange.Unchanged();

    /**
     * The outbox's state table: what a send's {@link Outcome} means for the delivery {@code d}.
     *
     * @param backoff the delays between transient failures, and when to give up
     */
    static AfterSend afterSend(ClaimedDelivery d, Outcome outcome, Instant now, Backoff backoff) {
        int failed = d.attempts() + 1;
        return switch (outcome) {
            case Outcome.Released r ->
                    new AfterSend.Retry(now, d.attempts(), "released at shutdown");
            case Outcome.NoTip n ->
                    new AfterSend.Finish(
                            DeliveryStatus.FAILED,
                            failed,
                            "tip " + n.tipId() + " is no longer in the catalogue",
                            UNCHANGED);
            case Outcome.Sent s ->
                    switch (s.result()) {
                        case SendResult.Delivered ok ->
                                new AfterSend.Finish(
                                        DeliveryStatus.SENT,
                                        d.attempts(),
                                        null,
                                        new SubscriptionChange.ResumeIfPausedByBot());
                        case SendResult.RetryAfter ra ->
                                new AfterSend.Retry(
                                        now.plus(ra.after()),
                                        failed,
                                        "rate limited: retry after " + ra.after());
                        case SendResult.Transient t ->
                                backoff.delayAfter(failed)
                                        .<AfterSend>map(
                                                delay ->
                                                        new AfterSend.Retry(
                                                                now.plus(delay),
                                                                failed,
                                                                t.reason()))
                                        .orElseGet(
                                                () ->
                                                        new AfterSend.Finish(
                                                                DeliveryStatus.FAILED,
                                                                failed,
                                                                "gave up after "
                                                                        + failed
                                                                        + " attempts: "
                                                                        + t.reason(),
                                                                UNCHANGED));
                        case SendResult.Permanent p ->
                                new AfterSend.Finish(
                                        DeliveryStatus.FAILED,
                                        failed,
                                        p.reason(),
                                        new SubscriptionChange.Stop(p.reason()));
                        case SendResult.Refused r ->
                                new AfterSend.Finish(
                                        DeliveryStatus.FAILED,
                                        failed,
                                        "refused: " + r.reason(),
                                        new SubscriptionChange.Pause(
                                                PauseReason.cannotPost(r.reason())));
                        case SendResult.Moved m -> new AfterSend.Follow(m.newAddress(), failed);
                    };
        };
    }

    /**
     * A moved chat: when the new chat has a subscription of its own, this one stops (one tip a day
     * per chat); otherwise the subscription follows the chat (the store updates its address) and
     * the tip is sent there at once, unless the chat has moved more than {@code maxMoves} times for
     * this one tip.
     */
    static AfterSend afterMove(
            AfterSend.Follow move,
            boolean newChatHasItsOwnSubscription,
            Instant now,
            int maxMoves) {
        String chat = move.to().chatId();
        if (newChatHasItsOwnSubscription) {
            String why = "moved to chat " + chat + ", which has its own subscription";
            return new AfterSend.Finish(
                    DeliveryStatus.CANCELLED, move.moves(), why, new SubscriptionChange.Stop(why));
        }
        if (move.moves() > maxMoves) {
            return new AfterSend.Finish(
                    DeliveryStatus.FAILED,
                    move.moves(),
                    "the chat moved " + move.moves() + " times",
                    UNCHANGED);
        }
        return new AfterSend.Retry(now, move.moves(), "the chat moved to " + chat);
    }
}
