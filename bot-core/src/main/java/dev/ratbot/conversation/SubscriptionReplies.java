package dev.ratbot.conversation;

import dev.ratbot.message.Address;
import dev.ratbot.message.Choice;
import dev.ratbot.message.Reply;
import dev.ratbot.subscription.DeliveryTimes;
import dev.ratbot.subscription.ParseResult;
import dev.ratbot.subscription.PauseReason;
import dev.ratbot.subscription.SubscribeArguments;
import dev.ratbot.subscription.Subscription;
import dev.ratbot.subscription.SubscriptionDefaults;
import dev.ratbot.subscription.SubscriptionStatus;
import dev.ratbot.subscription.SubscriptionStore;
import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * /subscribe, /unsubscribe, /pause, /resume and /settings: the daily-tip subscription of the chat.
 */
final class SubscriptionReplies {

    /** Times offered as buttons after /subscribe. */
    static final List<LocalTime> OFFERED_TIMES =
            List.of(
                    LocalTime.of(7, 0),
                    LocalTime.of(9, 0),
                    LocalTime.of(12, 0),
                    LocalTime.of(18, 0),
                    LocalTime.of(21, 0));

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("EEEE d MMMM 'at' HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private final SubscriptionStore store;
    private final Clock clock;
    private final SubscriptionDefaults defaults;

    SubscriptionReplies(SubscriptionStore store, Clock clock, SubscriptionDefaults defaults) {
        this.store = store;
        this.clock = clock;
        this.defaults = defaults;
    }

    Reply subscribe(Incoming in, Command.Subscribe command) {
        if (!mayChange(in)) return notAdmin();
        Optional<Subscription> existing =
                store.find(in.address()).filter(s -> s.status() != SubscriptionStatus.STOPPED);
        LocalTime time = existing.map(Subscription::localTime).orElse(defaults.time());
        ZoneId zone = existing.map(Subscription::zone).orElse(defaults.zone());

        ParseResult<SubscribeArguments> parsed =
                SubscribeArguments.parse(command.time(), command.zone());
        if (parsed instanceof ParseResult.Refused<SubscribeArguments> refused)
            return error(refused.hint());
        SubscribeArguments arguments = parsed.value();
        time = arguments.time().orElse(time);
        zone = arguments.zone().orElse(zone);
        Subscription saved = store.subscribe(in.address(), time, zone, in.userId());
        String first =
                existing.isPresent()
                        ? "Updated: you'll get a bonding tip every day at "
                        : "Subscribed! You'll get a bonding tip every day at ";
        Reply reply =
                Reply.text(
                        Reply.Kind.SETTINGS,
                        first
                                + HH_MM.format(saved.localTime())
                                + " ("
                                + saved.zone().getId()
                                + ").",
                        "Next tip: " + WHEN.format(nextDelivery(saved)) + ".",
                        "To change the time or zone: " + names(in).subscribeExample() + ".");
        if (command.time().isEmpty()) reply = reply.withChoices(timeChoices(saved.zone()));
        return reply;
    }

    Reply unsubscribe(Incoming in) {
        if (!mayChange(in)) return notAdmin();
        Optional<Subscription> active =
                store.find(in.address()).filter(s -> s.status() != SubscriptionStatus.STOPPED);
        if (active.isEmpty())
            return Reply.text(
                    Reply.Kind.SETTINGS,
                    "There is no daily tip here to stop. "
                            + names(in).subscribe()
                            + " starts one.");
        store.stop(in.address(), "unsubscribed");
        return Reply.text(
                Reply.Kind.SETTINGS,
                "Done: no more daily tips here. "
                        + names(in).subscribe()
                        + " brings them back any time.");
    }

    Reply pause(Incoming in, boolean paused) {
        if (!mayChange(in)) return notAdmin();
        Optional<Subscription> updated = store.setPaused(in.address(), paused);
        if (updated.isEmpty())
            return Reply.text(
                    Reply.Kind.SETTINGS,
                    "There is no daily tip here yet. " + names(in).subscribe() + " starts one.");
        return paused
                ? Reply.text(
                        Reply.Kind.SETTINGS,
                        "Paused. Your settings are kept; "
                                + names(in).resume()
                                + " starts the tips again.")
                : Reply.text(
                        Reply.Kind.SETTINGS,
                        "Resumed! Next tip: "
                                + WHEN.format(nextDelivery(updated.get()))
                                + " ("
                                + updated.get().zone().getId()
                                + ").");
    }

    Reply settings(Incoming in) {
        Optional<Subscription> found = store.find(in.address());
        if (found.isEmpty()) {
            return Reply.text(
                    Reply.Kind.SETTINGS,
                    "No daily tip here yet. "
                            + names(in).subscribe()
                            + " gets one every day at "
                            + HH_MM.format(defaults.time())
                            + " "
                            + defaults.zone().getId()
                            + "; "
                            + names(in).subscribeExample()
                            + " picks your own time and zone.");
        }
        Subscription s = found.get();
        String schedule =
                "Daily tip at " + HH_MM.format(s.localTime()) + " (" + s.zone().getId() + ").";
        return switch (s.status()) {
            case ACTIVE ->
                    Reply.text(
                            Reply.Kind.SETTINGS,
                            schedule,
                            "Next tip: " + WHEN.format(nextDelivery(s)) + ".");
            case PAUSED ->
                    s.pauseReason().isEmpty()
                            ? Reply.text(
                                    Reply.Kind.SETTINGS,
                                    schedule,
                                    "Paused: " + names(in).resume() + " to start again.")
                            : pausedByTheBot(s, s.pauseReason().get(), schedule);
            case STOPPED ->
                    Reply.text(
                            Reply.Kind.SETTINGS,
                            "The daily tip here is stopped"
                                    + s.stopReason().map(r -> " (" + r + ")").orElse("")
                                    + ". "
                                    + names(in).subscribe()
                                    + " starts it again.");
        };
    }

    /** Why the bot paused the tips, what it will do about it, and how to start them again. */
    private Reply pausedByTheBot(Subscription s, PauseReason reason, String schedule) {
        String resume = CommandNames.of(s.address()).resume();
        String who = s.address().group() ? "An administrator can send " + resume : "Send " + resume;
        String paused = "Paused by the bot: " + reason.text() + ".";
        return reason.retriedDaily()
                ? Reply.text(
                        Reply.Kind.SETTINGS,
                        schedule,
                        paused,
                        "I'll try again on "
                                + WHEN.format(nextDelivery(s))
                                + "; if it goes through, the tips carry on by themselves. "
                                + who
                                + " to resume now.")
                : Reply.text(
                        Reply.Kind.SETTINGS, schedule, paused, who + " to start the tips again.");
    }

    private ZonedDateTime nextDelivery(Subscription s) {
        return DeliveryTimes.nextDelivery(s, clock.instant());
    }

    private static List<Choice> timeChoices(ZoneId zone) {
        return OFFERED_TIMES.stream()
                .map(
                        t ->
                                new Choice(
                                        HH_MM.format(t),
                                        "/subscribe " + HH_MM.format(t) + " " + zone.getId()))
                .toList();
    }

    private static CommandNames names(Incoming in) {
        return CommandNames.of(in.address());
    }

    private static boolean mayChange(Incoming in) {
        Address a = in.address();
        return !a.group() || in.rights().canManageSettings();
    }

    private static Reply notAdmin() {
        return error("Only an administrator of this chat can change its daily tip.");
    }

    private static Reply error(String text) {
        return Reply.text(Reply.Kind.ERROR, text);
    }
}
