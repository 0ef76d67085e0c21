package dev.ratbot.console;

import dev.ratbot.feedback.ReplyKind;
import dev.ratbot.message.Platform;
import dev.ratbot.store.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the console reads from the store, read only: the overview's series, the questions the guide
 * lacks, and the subscriptions that are not active. Questions come without any platform user or
 * chat id (the answer log keeps none); subscriptions show a shortened chat id only.
 */
public final class ConsoleQueries {

    /** How many distinct questions "what the guide lacks" groups at most (the most asked). */
    static final int MAX_LACKING = 2000;

    private final Database db;
    private final Clock clock;

    public ConsoleQueries(Database db, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A chart: bucket start times (epoch seconds) and one named series of values per line. */
    public record Chart(String title, String unit, List<Long> times, Map<String, double[]> series) {
        public double total(String name) {
            double sum = 0;
            for (double v : series.getOrDefault(name, new double[0])) sum += v;
            return sum;
        }
    }

    /** Counts by platform and state, now. */
    public record SubscriberCount(String platform, String state, long count) {}

    /** The overview of a range: the charts, subscribers now, and tips due but not sent now. */
    public record Overview(
            Range range,
            List<Chart> charts,
            long questions,
            long answered,
            long up,
            long down,
            List<SubscriberCount> subscribers,
            long queueDepth) {}

    public Overview overview(Range range) {
        long bucket = range.bucket().toMillis();
        long end = (clock.millis() / bucket + 1) * bucket;
        long start = end - range.span().toMillis();
        int n = range.buckets();
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < n; i++) times.add((start + i * bucket) / 1000);

        Map<String, double[]> byPlatform = new LinkedHashMap<>();
        Map<String, double[]> byKind = new LinkedHashMap<>();
        for (ReplyKind k : ReplyKind.values()) byKind.put(kindLabel(k), new double[n]);
        Map<String, double[]> ratings = new LinkedHashMap<>();
        ratings.put("\uD83D\uDC4D helpful", new double[n]);
        ratings.put("\uD83D\uDC4E not helpful", new double[n]);
        double[] asked = new double[n];
        double[] answeredPerBucket = new double[n];
        long[] totals = new long[4];
        db.withConnection(
                c -> {
                    try (PreparedStatement ps =
                            c.prepareStatement(
                                    "SELECT (created_at - ?) / ? AS b, platform, kind, answered,"
                                            + " SUM(CASE WHEN helpful = ? THEN 1 ELSE 0 END), SUM(CASE WHEN helpful = ? THEN 1 ELSE 0 END), COUNT(*)"
                                            + " FROM answers WHERE created_at >= ? AND created_at < ? GROUP BY b, platform, kind, answered")) {
                        ps.setLong(1, start);
                        ps.setLong(2, bucket);
                        ps.setBoolean(3, true);
                        ps.setBoolean(4, false);
                        ps.setLong(5, start);
                        ps.setLong(6, end);
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                int b = (int) rs.getLong(1);
                                if (b < 0 || b >= n) continue;
                                long count = rs.getLong(7);
                                String platform = platformLabel(rs.getString(2));
                                byPlatform.computeIfAbsent(platform, p -> new double[n])[b] +=
                                        count;
                                ReplyKind kind = kindOf(rs.getString(3), rs.getBoolean(4));
                                byKind.get(kindLabel(kind))[b] += count;
                                asked[b] += count;
                                if (rs.getBoolean(4)) answeredPerBucket[b] += count;
                                ratings.get("\uD83D\uDC4D helpful")[b] += rs.getLong(5);
                                ratings.get("\uD83D\uDC4E not helpful")[b] += rs.getLong(6);
                                totals[0] += count;
                                if (rs.getBoolean(4)) totals[1] += count;
                                totals[2] += rs.getLong(5);
                                totals[3] += rs.getLong(6);
                            }
                        }
                    }
                    return null;
                });
        double[] share = new double[n];
        for (int i = 0; i < n; i++)
            share[i] =
                    asked[i] == 0
                            ? Double.NaN
                            : Math.round(1000 * answeredPerBucket[i] / asked[i]) / 10.0;

        Map<String, double[]> tips = new LinkedHashMap<>();
        tips.put("sent", new double[n]);
        tips.put("failed", new double[n]);
        db.withConnection(
                c -> {
                    try (PreparedStatement ps =
                            c.prepareStatement(
                                    "SELECT (finished_at - ?) / ? AS b, status, COUNT(*) FROM deliveries"
                                            + " WHERE finished_at >= ? AND finished_at < ? AND status IN ('SENT', 'FAILED', 'UNCONFIRMED') GROUP BY b, status")) {
                        ps.setLong(1, start);
                        ps.setLong(2, bucket);
                        ps.setLong(3, start);
                        ps.setLong(4, end);
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                int b = (int) rs.getLong(1);
                                if (b < 0 || b >= n) continue;
                                tips.get(rs.getString(2).equals("SENT") ? "sent" : "failed")[b] +=
                                        rs.getLong(3);
                            }
                        }
                    }
                    return null;
                });

        Map<String, double[]> shareSeries = new LinkedHashMap<>();
        shareSeries.put("answered %", share);
        List<Chart> charts =
                List.of(
                        new Chart("Questions by platform", "questions", times, byPlatform),
                        new Chart("Questions by kind of reply", "questions", times, byKind),
                        new Chart("Share answered", "%", times, shareSeries),
                        new Chart("Ratings", "ratings", times, ratings),
                        new Chart("Daily tips", "tips", times, tips));
        return new Overview(
                range,
                charts,
                totals[0],
                totals[1],
                totals[2],
                totals[3],
                subscribers(),
                queueDepth());
    }

    private List<SubscriberCount> subscribers() {
        return db.withConnection(
                c -> {
                    try (Statement s = c.createStatement();
                            ResultSet rs =
                                    s.executeQuery(
                                            "SELECT platform, status, stop_reason, COUNT(*) FROM subscriptions"
                                                    + " GROUP BY platform, status, stop_reason ORDER BY platform, status, stop_reason")) {
                        List<SubscriberCount> out = new ArrayList<>();
                        while (rs.next()) {
                            String state =
                                    switch (rs.getString(2)) {
                                        case "ACTIVE" -> "active";
                                        case "PAUSED" -> "paused (by the chat)";
                                        default ->
                                                "stopped: "
                                                        + Optional.ofNullable(rs.getString(3))
                                                                .orElse("no reason given");
                                    };
                            out.add(
                                    new SubscriberCount(
                                            platformLabel(rs.getString(1)), state, rs.getLong(4)));
                        }
                        return out;
                    }
                });
    }

    /**
     * Tips due and not yet sent: outbox rows waiting or in flight, and subscriptions due but not
     * yet scheduled.
     */
    public long queueDepth() {
        return db.withConnection(
                c -> {
                    try (PreparedStatement ps =
                            c.prepareStatement(
                                    "SELECT (SELECT count(*) FROM deliveries WHERE status IN ('PENDING', 'SENDING'))"
                                            + " + (SELECT count(*) FROM subscriptions WHERE next_due_at <= ?)")) {
                        ps.setLong(1, clock.millis());
                        try (ResultSet rs = ps.executeQuery()) {
                            return rs.next() ? rs.getLong(1) : 0L;
                        }
                    }
                });
    }

    /**
     * The distinct questions that were not covered or rated 👎, most asked first, at most {@link
     * #MAX_LACKING}.
     */
    public List<QuestionGrouper.Asked> lacking() {
        return db.withConnection(
                c -> {
                    try (PreparedStatement ps =
                            c.prepareStatement(
                                    "SELECT question_norm, COUNT(*) AS times, MIN(created_at), MAX(created_at) FROM answers"
                                            + " WHERE answered = ? OR helpful = ? GROUP BY question_norm ORDER BY times DESC, question_norm LIMIT ?")) {
                        ps.setBoolean(1, false);
                        ps.setBoolean(2, false);
                        ps.setInt(3, MAX_LACKING);
                        List<QuestionGrouper.Asked> out = new ArrayList<>();
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next())
                                out.add(
                                        new QuestionGrouper.Asked(
                                                rs.getString(1),
                                                rs.getLong(2),
                                                rs.getLong(3),
                                                rs.getLong(4)));
                        }
                        return out;
                    }
                });
    }

    /** A subscription that is paused or stopped, as the console lists it. */
    public record Inactive(
            long id,
            String platform,
            String chat,
            boolean group,
            String time,
            String zone,
            String status,
            String reason,
            long updatedAt) {}

    /** Paused and stopped subscriptions, most recently changed first. */
    public List<Inactive> inactiveSubscriptions(int limit) {
        return db.withConnection(
                c -> {
                    try (PreparedStatement ps =
                            c.prepareStatement(
                                    "SELECT id, platform, chat_id, is_group, local_time, zone, status, stop_reason, updated_at"
                                            + " FROM subscriptions WHERE status <> 'ACTIVE' ORDER BY updated_at DESC, id LIMIT ?")) {
                        ps.setInt(1, limit);
                        List<Inactive> out = new ArrayList<>();
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                String status = rs.getString(7);
                                String reason =
                                        status.equals("PAUSED")
                                                ? "paused by the chat (/pause)"
                                                : Optional.ofNullable(rs.getString(8)).orElse("");
                                out.add(
                                        new Inactive(
                                                rs.getLong(1),
                                                platformLabel(rs.getString(2)),
                                                shortChat(rs.getString(3)),
                                                rs.getBoolean(4),
                                                rs.getString(5),
                                                rs.getString(6),
                                                status.toLowerCase(java.util.Locale.ROOT),
                                                reason,
                                                rs.getLong(9)));
                            }
                        }
                        return out;
                    }
                });
    }

    /**
     * The last four characters of a chat id: enough to tell chats apart on the page, not to find
     * one.
     */
    static String shortChat(String chatId) {
        return chatId.length() <= 4
                ? "\u2026" + chatId
                : "\u2026" + chatId.substring(chatId.length() - 4);
    }

    static String kindLabel(ReplyKind kind) {
        return switch (kind) {
            case SURE -> "sure";
            case LIKELY -> "likely";
            case NONE -> "not covered";
            case HEALTH -> "health";
        };
    }

    private static ReplyKind kindOf(String stored, boolean answered) {
        if (stored != null) {
            try {
                return ReplyKind.valueOf(stored);
            } catch (IllegalArgumentException e) {
                // a kind a newer version wrote; fall back to what is certain
            }
        }
        return ReplyKind.of(answered);
    }

    private static String platformLabel(String stored) {
        try {
            return switch (Platform.valueOf(stored)) {
                case TELEGRAM -> "Telegram";
                case DISCORD -> "Discord";
                case CONSOLE -> "terminal";
            };
        } catch (IllegalArgumentException e) {
            return stored;
        }
    }
}
