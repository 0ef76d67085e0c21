package dev.ratbot.feedback;

import dev.ratbot.message.Platform;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Remembers questions and what the bot answered, so that users can rate answers (👍/👎) and the
 * operator's report can list what the pack is missing. Implementations: an in-memory twin and the
 * JDBC store, which pass the same contract tests. Questions are kept cleaned (no control
 * characters) and cut to {@link #MAX_QUESTION_CHARS}.
 */
public interface AnswerLog {

    int MAX_QUESTION_CHARS = 1000;

    /**
     * Records one question and its outcome; returns a short key (at most 16 ASCII characters) that
     * a later {@link #recordFeedback} names.
     */
    String recordAnswer(
            Platform platform, String question, Optional<String> sectionId, ReplyKind kind);

    /**
     * The same for a caller that only knows whether a passage was given (logged as sure or none).
     */
    default String recordAnswer(
            Platform platform, String question, Optional<String> sectionId, boolean answered) {
        return recordAnswer(platform, question, sectionId, ReplyKind.of(answered));
    }

    /**
     * Records a rating for an earlier answer; false when the key is unknown. A second rating
     * replaces the first.
     */
    boolean recordFeedback(String answerKey, boolean helpful);

    /**
     * One rating per rater and answer: records {@code raterId}'s 👍 or 👎, replacing that rater's
     * earlier one, and sets the answer's rating as {@link #recordFeedback} does. Returns the
     * answer's counts over all raters; empty when the key is unknown.
     */
    Optional<Tally> rate(String answerKey, String raterId, boolean helpful);

    /**
     * The questions the bot could not answer, most often asked first (ties by text), at most {@code
     * limit}. Questions that differ only in case, spacing or closing punctuation count as one; the
     * text shown is that folded form.
     */
    List<UnansweredQuestion> mostUnanswered(int limit);

    /**
     * The sections whose answers were rated 👎 most often (ties by section id), at most {@code
     * limit}; sections never rated 👎 are left out.
     */
    List<SectionRating> mostDownvoted(int limit);

    /**
     * Forgets the questions asked longer than {@code retention} ago by the log's clock, with their
     * ratings; returns how many questions. The operator's privacy promise: nothing users asked is
     * kept longer than the retention.
     */
    int pruneOlderThan(Duration retention);

    /** A question the pack could not answer and how often it was asked. */
    record UnansweredQuestion(String question, long times) {}

    /** How many raters found one answer helpful and how many did not. */
    record Tally(long up, long down) {}

    /** How an answered section was rated. */
    record SectionRating(String sectionId, long down, long up) {}
}
