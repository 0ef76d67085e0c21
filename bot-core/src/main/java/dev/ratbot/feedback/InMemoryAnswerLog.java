package dev.ratbot.feedback;

import dev.ratbot.message.Platform;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The in-memory twin of the JDBC answer log; keeps the most recent entries only, so memory stays
 * bounded.
 */
public final class InMemoryAnswerLog implements AnswerLog {

    /** One logged question. {@code helpful} is empty until rated. */
    public record Entry(
            Platform platform,
            String question,
            Optional<String> sectionId,
            boolean answered,
            Optional<Boolean> helpful,
            Instant askedAt) {}

    private static final int KEEP = 10_000;
    private final Clock clock;
    private long next;

    /** Per answer key, each rater's latest rating. */
    private final Map<String, Map<String, Boolean>> ratings = new HashMap<>();

    private final Map<String, Entry> entries =
            new LinkedHashMap<>(16, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(
                        Map.Entry<String, InMemoryAnswerLog.Entry> eldest) {
                    if (size() <= KEEP) return false;
                    ratings.remove(eldest.getKey());
                    return true;
                }
            };

    /** A log on the system clock. */
    public InMemoryAnswerLog() {
        this(Clock.systemUTC());
    }

    /** A log whose questions are stamped, and pruned, by {@code clock}. */
    public InMemoryAnswerLog(Clock clock) {
        this.clock = java.util.Objects.requireNonNull(clock, "clock");
    }

    @Override
    public synchronized String recordAnswer(
            Platform platform, String question, Optional<String> sectionId, ReplyKind kind) {
        boolean answered = kind.answered();
        String key = Long.toString(++next, 36);
        entries.put(
                key,
                new Entry(
                        platform,
                        Questions.clean(question),
                        sectionId,
                        answered,
                        Optional.empty(),
                        clock.instant()));
        return key;
    }

    @Override
    public synchronized boolean recordFeedback(String answerKey, boolean helpful) {
        Entry e = entries.get(answerKey);
        if (e == null) return false;
        entries.put(
                answerKey,
                new Entry(
                        e.platform(),
                        e.question(),
                        e.sectionId(),
                        e.answered(),
                        Optional.of(helpful),
                        e.askedAt()));
        return true;
    }

    @Override
    public synchronized Optional<Tally> rate(String answerKey, String raterId, boolean helpful) {
        if (!recordFeedback(answerKey, helpful)) return Optional.empty();
        Map<String, Boolean> raters = ratings.computeIfAbsent(answerKey, k -> new HashMap<>());
        raters.put(raterId == null ? "" : raterId, helpful);
        long up = raters.values().stream().filter(b -> b).count();
        return Optional.of(new Tally(up, raters.size() - up));
    }

    @Override
    public synchronized List<UnansweredQuestion> mostUnanswered(int limit) {
        Map<String, Long> counts = new HashMap<>();
        for (Entry e : entries.values()) {
            if (!e.answered()) counts.merge(Questions.fold(e.question()), 1L, Long::sum);
        }
        return counts.entrySet().stream()
                .map(c -> new UnansweredQuestion(c.getKey(), c.getValue()))
                .sorted(
                        Comparator.comparingLong(UnansweredQuestion::times)
                                .reversed()
                                .thenComparing(UnansweredQuestion::question))
                .limit(Math.max(0, limit))
                .toList();
    }

    @Override
    public synchronized List<SectionRating> mostDownvoted(int limit) {
        Map<String, long[]> bySection = new HashMap<>();
        for (Entry e : entries.values()) {
            if (e.sectionId().isEmpty() || e.helpful().isEmpty()) continue;
            long[] c = bySection.computeIfAbsent(e.sectionId().get(), k -> new long[2]);
            c[e.helpful().get() ? 1 : 0]++;
        }
        return bySection.entrySet().stream()
                .filter(s -> s.getValue()[0] > 0)
                .map(s -> new SectionRating(s.getKey(), s.getValue()[0], s.getValue()[1]))
                .sorted(
                        Comparator.comparingLong(SectionRating::down)
                                .reversed()
                                .thenComparing(SectionRating::sectionId))
                .limit(Math.max(0, limit))
                .toList();
    }

    @Override
    public synchronized int pruneOlderThan(Duration retention) {
        Instant cutoff = clock.instant().minus(retention);
        int pruned = 0;
        for (var it = entries.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Entry> e = it.next();
            if (e.getValue().askedAt().isBefore(cutoff)) {
                it.remove();
                ratings.remove(e.getKey());
                pruned++;
            }
        }
        return pruned;
    }

    public synchronized Optional<Entry> entry(String key) {
        return Optional.ofNullable(entries.get(key));
    }
}
