package dev.ratbot.feedback;

import dev.ratbot.message.Platform;
import dev.ratbot.store.Database;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer log on SQLite or PostgreSQL (table {@code answers}, which this class alone writes).
 * Keys are 10 random lower-case letters and digits, so that one user cannot guess and rate
 * another's answer. Thread-safe.
 */
public final class JdbcAnswerLog implements AnswerLog {

    private static final char[] KEY_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final int KEY_LENGTH = 10;

    private final Database db;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public JdbcAnswerLog(Database db, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String recordAnswer(
            Platform platform, String question, Optional<String> sectionId, ReplyKind kind) {
        AskedQuestion asked = asked(platform, question, sectionId, kind);
        write(List.of(asked));
        return asked.key();
    }

    /**
     * A question stamped now under a new key and cleaned, to {@link #write} later; touches no
     * database.
     */
    public AskedQuestion asked(
            Platform platform, String question, Optional<String> sectionId, ReplyKind kind) {
        return new AskedQuestion(
                newKey(), platform, Questions.clean(question), sectionId, kind, clock.instant());
    }

    /** Writes questions asked earlier in one transaction: all of them, or none when it throws. */
    public void write(List<AskedQuestion> questions) {
        if (questions.isEmpty()) return;
        db.inTransaction(
                c -> {
                    try (PreparedStatement ps =
                            c.prepareStatement(
                                    "INSERT INTO answers (answer_key, platform, question, question_norm,"
                                            + " section_id, answered, kind, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                        for (AskedQuestion q : questions) {
                            String cleaned = Questions.clean(q.question());
                            ps.setString(1, q.key());
                            ps.setString(2, q.platform().name());
                            ps.setString(3, cleaned);
                            ps.setString(4, Questions.fold(cleaned));
                            ps.setString(5, q.sectionId().orElse(null));
                            ps.setBoolean(6, q.kind().answered());
                            ps.setString(7, q.kind().name());
                            ps.setLong(8, q.askedAt().toEpochMilli());
                            ps.addBatch();
                        }
                        return ps.executeBatch();
                    }
                });
    }

    @Override
    public boolean recordFeedback(String answerKey, boolean helpful) {
        if (answerKey == null || answerKey.isEmpty() || answerKey.length() > 16) return false;
        return db.withConnection(
                c -> {
                    try (PreparedStatement ps =
                            c.prepareStatement(
                                    "UPDATE answers SET helpful = ?, rated_at = ? WHERE answer_key = ?")) {
                        ps.setBoolean(1, helpful);
                        ps.setLong(2, clock.millis());
                        ps.setString(3, answerKey);
                        return ps.executeUpdate() > 0;
                    }
                });
    }

    @Override
    public Optional<Tally> rate(String answerKey, String raterId, boolean helpful) {
        if (answerKey == null || answerKey.isEmpty() || answerKey.length() > 16)
            return Optional.empty();
        String rater =
                raterId == null ? "" : raterId.length() > 64 ? raterId.substring(0, 64) : raterId;
        return db.inTransaction(
                c -> {
                    long now = clock.millis();
                    try (PreparedStatement ps =
                            c.prepareStatement(
                                    "UPDATE answers SET helpful = ?, rated_at = ? WHERE answer_key = ?")) {
                        ps.setBoolean(1, helpful);
                        ps.setLong(2, now);
                        ps.setString(3, answerKey);
                        if (ps.executeUpdate() == 0) return Optional.<Tally>empty();
                    }
                    try (PreparedStatement ps =
                            c.prepareStatement(
                                    "INSERT INTO answer_ratings (answer_key, rater, helpful, rated_at) VALUES (?, ?, ?, ?)"
                                            + " ON CONFLICT (answer_key, rater) DO UPDATE SET helpful = excluded.helpful, rated_at = excluded.rated_at")) {
                        ps.setString(1, answerKey);
                        ps.setString(2, rater);
                        ps.setBoolean(3, helpful);
                        ps.setLong(4, now);
                        ps.executeUpdate();
                    }
                    try (PreparedStatement ps =
                            c.prepareStatement(
                                    "SELECT COALESCE(SUM(CASE WHEN helpful THEN 1 ELSE 0 END), 0),"
                                            + " COUNT(*) FROM answer_ratings WHERE answer_key = ?")) {
                        ps.setString(1, answerKey);
                        try (ResultSet rs = ps.executeQuery()) {
                            rs.next();
                            long up = rs.getLong(1);
                            return Optional.of(new Tally(up, rs.getLong(2) - up));
                        }
                    }
                });
    }

    @Override
    public List<UnansweredQuestion> mostUnanswered(int limit) {
        String sql =
                "SELECT question_norm, COUNT(*) AS times FROM answers WHERE answered = ? GROUP BY question_norm"
                        + " ORDER BY times DESC, question_norm LIMIT ?";
        return db.withConnection(
                c -> {
                    try (PreparedStatement ps = c.prepareStatement(sql)) {
                        ps.setBoolean(1, false);
                        ps.setInt(2, Math.max(0, limit));
                        List<UnansweredQuestion> out = new ArrayList<>();
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next())
                                out.add(new UnansweredQuestion(rs.getString(1), rs.getLong(2)));
                        }
                        return out;
                    }
                });
    }

    @Override
    public List<SectionRating> mostDownvoted(int limit) {
        String sql =
                "SELECT section_id, SUM(CASE WHEN helpful = ? THEN 1 ELSE 0 END) AS down,"
                        + " SUM(CASE WHEN helpful = ? THEN 1 ELSE 0 END) AS up FROM answers"
                        + " WHERE helpful IS NOT NULL AND section_id IS NOT NULL GROUP BY section_id"
                        + " HAVING SUM(CASE WHEN helpful = ? THEN 1 ELSE 0 END) > 0 ORDER BY down DESC, section_id LIMIT ?";
        return db.withConnection(
                c -> {
                    try (PreparedStatement ps = c.prepareStatement(sql)) {
                        ps.setBoolean(1, false);
                        ps.setBoolean(2, true);
                        ps.setBoolean(3, false);
                        ps.setInt(4, Math.max(0, limit));
                        List<SectionRating> out = new ArrayList<>();
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next())
                                out.add(
                                        new SectionRating(
                                                rs.getString(1), rs.getLong(2), rs.getLong(3)));
                        }
                        return out;
                    }
                });
    }

    @Override
    public int pruneOlderThan(Duration retention) {
        long cutoff = clock.millis() - retention.toMillis();
        return db.inTransaction(
                c -> {
                    // Ratings name their rater, so they go with their answer.
                    try (PreparedStatement ps =
                            c.prepareStatement(
                                    "DELETE FROM answer_ratings WHERE answer_key IN"
                                            + " (SELECT answer_key FROM answers WHERE created_at < ?)")) {
                        ps.setLong(1, cutoff);
                        ps.executeUpdate();
                    }
                    try (PreparedStatement ps =
                            c.prepareStatement("DELETE FROM answers WHERE created_at < ?")) {
                        ps.setLong(1, cutoff);
                        return ps.executeUpdate();
                    }
                });
    }

    private String newKey() {
        // 36^10 keys: a collision with the unique index is too unlikely to retry for.
        char[] key = new char[KEY_LENGTH];
        for (int i = 0; i < key.length; i++) key[i] = KEY_CHARS[random.nextInt(KEY_CHARS.length)];
        return new String(key);
    }
}
