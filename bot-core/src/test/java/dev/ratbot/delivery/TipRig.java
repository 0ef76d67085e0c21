package dev.ratbot.delivery;

import dev.ratbot.conversation.Reply;
import dev.ratbot.platform.Address;
import dev.ratbot.platform.MessageSender;
import dev.ratbot.platform.Platform;
import dev.ratbot.schedule.ScheduleSettings;
import dev.ratbot.schedule.TipPicker;
import dev.ratbot.schedule.TipScheduler;
import dev.ratbot.store.Database;
import dev.ratbot.subscription.JdbcSubscriptionStore;
import dev.ratbot.testing.MutableClock;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * The daily-tip machinery wired as the app wires it, on a real database and a settable clock, with
 * {@link RecordingSender}s in place of the platforms. {@link #runUntil} steps the clock, ticking the scheduler and
 * draining the worker at each step.
 */
public final class TipRig implements AutoCloseable {

    public static final List<String> TIPS = List.of("t-a", "t-b", "t-c", "t-d", "t-e");

    public final Database db;
    public final MutableClock clock;
    public final JdbcSubscriptionStore store;
    public final TipScheduler scheduler;
    public final DeliveryWorker worker;
    public final Pacer pacer;
    public final Map<Platform, RecordingSender> senders = new TreeMap<>();

    public TipRig(Database db, MutableClock clock, ScheduleSettings schedule, DeliverySettings delivery, Pacer pacer,
                  List<RecordingSender> senders) {
        this.db = db;
        this.clock = clock;
        this.pacer = pacer;
        this.store = new JdbcSubscriptionStore(db, clock);
        this.scheduler = new TipScheduler(db, clock, schedule, TipRig::pick);
        for (RecordingSender s : senders) this.senders.put(s.platform(), s);
        this.worker = new DeliveryWorker(db, List.<MessageSender>copyOf(senders), pacer,
                new Backoff(Duration.ofSeconds(10), Duration.ofMinutes(5), 4, new SplittableRandom(7)),
                TipRig::render, clock, delivery);
    }

    /** A rig with unpaced Telegram and Discord senders and default settings. */
    public static TipRig standard(Database db, MutableClock clock) {
        return new TipRig(db, clock, ScheduleSettings.defaults(), DeliverySettings.defaults("test").withConcurrency(1),
                Pacer.unpaced(clock), List.of(RecordingSender.unlimited(Platform.TELEGRAM, clock),
                        RecordingSender.unlimited(Platform.DISCORD, clock)));
    }

    public RecordingSender sender(Platform p) {
        return senders.get(p);
    }

    /** Every send so far on every platform, in time order. */
    public List<RecordingSender.Sent> allSent() {
        List<RecordingSender.Sent> all = new ArrayList<>();
        senders.values().forEach(s -> all.addAll(s.sent()));
        all.sort(java.util.Comparator.comparing(RecordingSender.Sent::at));
        return all;
    }

    /** One scheduler tick and worker drain at the current time. */
    public void step() {
        scheduler.tick();
        worker.drain();
    }

    /** Steps the clock by {@code step} until {@code end}, ticking and draining at each instant (the first one too). */
    public void runUntil(Instant end, Duration step) {
        while (!clock.instant().isAfter(end)) {
            step();
            clock.advance(step);
        }
    }

    /** Delivery rows of one subscription: local date → status. */
    public Map<String, String> deliveries(long subscriptionId) {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT local_date, status FROM deliveries WHERE subscription_id = ?")) {
                ps.setLong(1, subscriptionId);
                Map<String, String> out = new TreeMap<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.put(rs.getString(1), rs.getString(2));
                }
                return out;
            }
        });
    }

    /** The reason recorded on one delivery row. */
    public String reason(long subscriptionId, String localDate) {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT reason FROM deliveries WHERE subscription_id = ? AND local_date = ?")) {
                ps.setLong(1, subscriptionId);
                ps.setString(2, localDate);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
    }

    /** How many delivery rows have each status. */
    public Map<String, Long> statusCounts() {
        return db.withConnection(c -> {
            Map<String, Long> out = new TreeMap<>();
            try (var st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT status, COUNT(*) FROM deliveries GROUP BY status")) {
                while (rs.next()) out.put(rs.getString(1), rs.getLong(2));
            }
            return out;
        });
    }

    /** Walks {@link #TIPS} in order, one pass per cycle. */
    static Optional<TipPicker.Pick> pick(long subscriptionId, long cycle, java.util.Set<String> given) {
        for (String t : TIPS) {
            if (!given.contains(t)) return Optional.of(new TipPicker.Pick(t, cycle));
        }
        return Optional.of(new TipPicker.Pick(TIPS.get(0), cycle + 1));
    }

    static Optional<Reply> render(String tipId) {
        return TIPS.contains(tipId) ? Optional.of(Reply.text(Reply.Kind.TIP, "Tip " + tipId)) : Optional.empty();
    }

    public static Address telegram(String chat) {
        return Address.direct(Platform.TELEGRAM, chat);
    }

    @Override
    public void close() {
        worker.close();
        scheduler.close();
        db.close();
    }
}
