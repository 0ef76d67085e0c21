package dev.ratbot.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratbot.feedback.AnswerLog.SectionRating;
import dev.ratbot.feedback.AnswerLog.UnansweredQuestion;
import dev.ratbot.message.Platform;
import dev.ratbot.testing.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What every {@link AnswerLog} must do; the in-memory twin, SQLite and PostgreSQL run these same
 * tests.
 */
public abstract class AnswerLogContract {

    /** A new, empty log on {@code clock} (called once per test). */
    protected abstract AnswerLog log(Clock clock);

    private AnswerLog log() {
        return log(Clock.systemUTC());
    }

    @Test
    void keysAreShortAsciiAndDistinct() {
        AnswerLog log = log();
        String a =
                log.recordAnswer(
                        Platform.TELEGRAM, "how do I hold my rat", Optional.of("handling"), true);
        String b =
                log.recordAnswer(
                        Platform.TELEGRAM, "how do I hold my rat", Optional.of("handling"), true);
        assertNotEquals(a, b);
        for (String k : List.of(a, b)) {
            assertTrue(
                    k.length() <= 16
                            && !k.isEmpty()
                            && k.chars().allMatch(ch -> ch > 32 && ch < 127),
                    k);
        }
    }

    @Test
    void feedbackNeedsAKnownKeyAndTheLastRatingCounts() {
        AnswerLog log = log();
        String key = log.recordAnswer(Platform.DISCORD, "treats?", Optional.of("treats"), true);
        assertTrue(log.recordFeedback(key, true));
        assertTrue(log.recordFeedback(key, false));
        assertEquals(List.of(new SectionRating("treats", 1, 0)), log.mostDownvoted(10));
        assertFalse(log.recordFeedback("nope", true));
        assertFalse(log.recordFeedback("", true));
        assertFalse(log.recordFeedback("x".repeat(200), true));
    }

    @Test
    void eachRaterCountsOnceAndALaterClickChangesTheirRating() {
        AnswerLog log = log();
        String key = log.recordAnswer(Platform.DISCORD, "treats?", Optional.of("treats"), true);
        assertEquals(Optional.of(new AnswerLog.Tally(1, 0)), log.rate(key, "ann", true));
        assertEquals(Optional.of(new AnswerLog.Tally(1, 0)), log.rate(key, "ann", true));
        assertEquals(Optional.of(new AnswerLog.Tally(2, 0)), log.rate(key, "bob", true));
        assertEquals(Optional.of(new AnswerLog.Tally(1, 1)), log.rate(key, "ann", false));
        assertEquals(
                List.of(new SectionRating("treats", 1, 0)),
                log.mostDownvoted(10),
                "the answer keeps the latest rating");
        assertEquals(Optional.empty(), log.rate("nope", "ann", true));
        String other = log.recordAnswer(Platform.DISCORD, "cages?", Optional.of("cages"), true);
        assertEquals(
                Optional.of(new AnswerLog.Tally(0, 1)),
                log.rate(other, "ann", false),
                "counts are per answer");
    }

    @Test
    void unansweredQuestionsAreGroupedAndCounted() {
        AnswerLog log = log();
        log.recordAnswer(Platform.TELEGRAM, "Can rats eat chocolate?", Optional.empty(), false);
        log.recordAnswer(Platform.DISCORD, "can rats  eat chocolate", Optional.empty(), false);
        log.recordAnswer(Platform.TELEGRAM, "CAN RATS EAT CHOCOLATE ??", Optional.empty(), false);
        log.recordAnswer(Platform.TELEGRAM, "do rats swim", Optional.empty(), false);
        log.recordAnswer(Platform.TELEGRAM, "bathing my rat", Optional.empty(), false);
        log.recordAnswer(Platform.TELEGRAM, "how do I bond", Optional.of("bonding"), true);
        assertEquals(
                List.of(
                        new UnansweredQuestion("can rats eat chocolate", 3),
                        new UnansweredQuestion("bathing my rat", 1),
                        new UnansweredQuestion("do rats swim", 1)),
                log.mostUnanswered(10));
        assertEquals(1, log.mostUnanswered(1).size());
        assertEquals(List.of(), log.mostUnanswered(0));
    }

    @Test
    void sectionsAreRankedByThumbsDown() {
        AnswerLog log = log();
        rate(log, "cages", false, false, true);
        rate(log, "food", false, false, false, true, true);
        rate(log, "play", true, true);
        rate(log, "aaa", false, false, false);
        log.recordAnswer(Platform.TELEGRAM, "unrated", Optional.of("food"), true);
        assertEquals(
                List.of(
                        new SectionRating("aaa", 3, 0),
                        new SectionRating("food", 3, 2),
                        new SectionRating("cages", 2, 1)),
                log.mostDownvoted(10));
    }

    @Test
    void hostileTextIsKeptCleanAndBounded() {
        AnswerLog log = log();
        String nul = "why\u0000 does my rat\u0007 bite?\n<b>@everyone</b> *x* title:foo~ 🐀 ネズミ";
        log.recordAnswer(Platform.TELEGRAM, nul, Optional.empty(), false);
        log.recordAnswer(Platform.TELEGRAM, "🐀".repeat(60_000), Optional.empty(), false);
        log.recordAnswer(Platform.TELEGRAM, "", Optional.empty(), false);
        List<UnansweredQuestion> top = log.mostUnanswered(10);
        assertEquals(3, top.size());
        assertTrue(
                top.stream()
                        .anyMatch(
                                q ->
                                        q.question()
                                                .equals(
                                                        "why does my rat bite? <b>@everyone</b> *x* title:foo~ 🐀 ネズミ")),
                top.toString());
        assertTrue(
                top.stream().allMatch(q -> q.question().length() <= AnswerLog.MAX_QUESTION_CHARS),
                "bounded");
        assertTrue(
                top.stream()
                        .noneMatch(q -> q.question().chars().anyMatch(Character::isISOControl)));
    }

    @Test
    void questionsOlderThanTheRetentionAreForgottenWithTheirRatings() {
        MutableClock clock = MutableClock.at("2026-01-01T10:00:00Z");
        AnswerLog log = log(clock);
        log.recordAnswer(Platform.TELEGRAM, "how long do rats live", Optional.empty(), false);
        String rated =
                log.recordAnswer(Platform.DISCORD, "about treats", Optional.of("treats"), true);
        assertEquals(Optional.of(new AnswerLog.Tally(0, 1)), log.rate(rated, "ann", false));
        clock.advance(Duration.ofDays(60));
        String recent =
                log.recordAnswer(Platform.TELEGRAM, "can rats eat cheese", Optional.empty(), false);
        clock.advance(Duration.ofDays(31));

        assertEquals(2, log.pruneOlderThan(Duration.ofDays(90)));
        assertEquals(
                List.of(new UnansweredQuestion("can rats eat cheese", 1)), log.mostUnanswered(10));
        assertEquals(List.of(), log.mostDownvoted(10), "the pruned answer's rating went with it");
        assertEquals(
                Optional.empty(),
                log.rate(rated, "bob", true),
                "a pruned answer can no longer be rated");
        assertTrue(log.recordFeedback(recent, true), "the recent one stays rateable");
        assertEquals(0, log.pruneOlderThan(Duration.ofDays(90)), "nothing more is old enough");
    }

    /** A question exactly as old as the retention is kept; a millisecond older, it goes. */
    @ParameterizedTest
    @CsvSource({"PT0S, 0", "PT0.001S, 1", "P1D, 1"})
    void theRetentionIsInclusive(Duration pastRetention, int pruned) {
        MutableClock clock = MutableClock.at("2026-01-01T10:00:00Z");
        AnswerLog log = log(clock);
        log.recordAnswer(Platform.TELEGRAM, "do rats swim", Optional.empty(), false);
        clock.advance(Duration.ofDays(90).plus(pastRetention));
        assertEquals(pruned, log.pruneOlderThan(Duration.ofDays(90)));
        assertEquals(1 - pruned, log.mostUnanswered(10).size());
    }

    private static void rate(AnswerLog log, String section, boolean... ratings) {
        for (boolean helpful : ratings) {
            String key =
                    log.recordAnswer(
                            Platform.TELEGRAM, "about " + section, Optional.of(section), true);
            assertTrue(log.recordFeedback(key, helpful));
        }
    }
}
