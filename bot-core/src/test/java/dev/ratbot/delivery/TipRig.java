package dev.ratbot.delivery;

import dev.ratbot.answer.SectionRef;
import dev.ratbot.knowledge.Attribution;
import dev.ratbot.message.Address;
import dev.ratbot.message.MessageSender;
import dev.ratbot.message.Platform;
import dev.ratbot.store.Database;
import dev.ratbot.subscription.JdbcSubscriptionStore;
import dev.ratbot.testing.MutableClock;
import dev.ratbot.tips.CatalogueTips;
import dev.ratbot.tips.Tip;
import dev.ratbot.tips.TipCatalogue;
import dev.ratbot.tips.TipRotation;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * The daily-tip machinery wired as the app wires it, on a real database and a settable clock, with
 * {@link RecordingSender}s in place of the platforms. {@link #runUntil} steps the clock, ticking
 * the scheduler and draining the worker at each step.
 */
public final class TipRig implements AutoCloseable {

    /** Five real tips in two sections, walked by the real rotation. */
    public static final List<Tip> TIP_LIST =
            List.of(
                    Tip.of(
                            "Offer a treat from your open hand so your rats learn that hands bring good things.",
                            new SectionRef("treats", "Treats")),
                    Tip.of(
                            "Sit by the cage and talk softly for a few minutes every day.",
                            new SectionRef("first-days", "The First Days")),
                    Tip.of(
                            "Let your rats climb onto your lap instead of grabbing them.",
                            new SectionRef("first-days", "The First Days")),
                    Tip.of(
                            "Yogurt drops are a favourite, but keep them small and rare.",
                            new SectionRef("treats", "Treats")),
                    Tip.of(
                            "Rats bond faster in pairs: a lonely rat is a shy rat.",
                            new SectionRef("first-days", "The First Days")));

    public static final CatalogueTips TIPS =
            new CatalogueTips(
                    new TipRotation(TipCatalogue.of(TIP_LIST)),
                    new Attribution(
                            "How to Bond with Your Rats",
                            "Joshua Paulson",
                            "Quality Cage Crafters"));

    public final Database db;
    public final MutableClock clock;
    public final JdbcSubscriptionStore store;
    public final TipScheduler scheduler;
    public final DeliveryWorker worker;
    public final Pacer pacer;
    public final Map<Platform, RecordingSender> senders = new TreeMap<>();

    public TipRig(
            Database db,
            MutableClock clock,
            ScheduleSettings schedule,
            DeliverySettings delivery,
            Pacer pacer,
            List<RecordingSender> senders) {
        this.db = db;
        this.clock = clock;
        this.pacer = pacer;
        this.store = new JdbcSubscriptionStore(db, clock);
        this.scheduler = new TipScheduler(db, clock, schedule, TIPS);
        for (RecordingSender s : senders) this.senders.put(s.platform(), s);
        this.worker =
                new DeliveryWorker(
                        db,
                        List.<MessageSender>copyOf(senders),
                        pacer,
                        new Backoff(
                                Duration.ofSeconds(10),
                                Duration.ofMinutes(5),
                                4,
                                new SplittableRandom(7)),
                        TIPS,
                        clock,
                        delivery);
    }

    /** A rig with unpaced Telegram and Discord senders and default settings. */
    public static TipRig standard(Database db, MutableClock clock) {
        return new TipRig(
                db,
                clock,
                ScheduleSettings.defaults(),
                DeliverySettings.defaults("test").withConcurrency(1),
                Pacer.unpaced(clock),
                List.of(
                        RecordingSender.unlimited(Platform.TELEGRAM, clock),
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

    /**
     * Steps the clock by {@code step} until {@code end}, ticking and draining at each instant (the
     * first one too).
     */
    public void runUntil(Instant end, Duration step) {
        while (!clock.instant().isAfter(end)) {
            step();
            clock.advance(step);
        }
    }

    /** Delivery rows of one subscription: local date → status. */
    public Map<String, String> deliveries(long subscriptionId) {
        return db.withConnection(
                c -> {
                    try (PreparedStatement ps =
                            c.prepareStatement(
                                    "SELECT local_date, status FROM deliveries WHERE subscription_id = ?")) {
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
        return db.withConnection(
                c -> {
                    try (PreparedStatement ps =
                            c.prepareStatement(
                                    "SELECT reason FROM deliveries WHERE subscription_id = ? AND local_date = ?")) {
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
        return db.withConnection(
                c -> {
                    Map<String, Long> out = new TreeMap<>();
                    try (var st = c.createStatement();
                            ResultSet rs =
                                    st.executeQuery(
                                            "SELECT status, COUNT(*) FROM deliveries GROUP BY status")) {
                        while (rs.next()) out.put(rs.getString(1), rs.getLong(2));
                    }
                    return out;
                });
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
