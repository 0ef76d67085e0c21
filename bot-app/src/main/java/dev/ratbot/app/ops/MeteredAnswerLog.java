package dev.ratbot.app.ops;

import dev.ratbot.feedback.AnswerLog;
import dev.ratbot.feedback.ReplyKind;
import dev.ratbot.message.Platform;
import java.util.List;
import java.util.Optional;

/**
 * An {@link AnswerLog} that counts questions (by platform, answered or not) and ratings into {@link
 * RatbotMetrics}, then records them in the log it wraps. The conversation logs every question it
 * answers, so this sees them all.
 */
public final class MeteredAnswerLog implements AnswerLog {

    private final AnswerLog log;
    private final RatbotMetrics metrics;

    public MeteredAnswerLog(AnswerLog log, RatbotMetrics metrics) {
        this.log = log;
        this.metrics = metrics;
    }

    @Override
    public String recordAnswer(
            Platform platform, String question, Optional<String> sectionId, ReplyKind kind) {
        boolean answered = kind.answered();
        metrics.question(platform, answered);
        return log.recordAnswer(platform, question, sectionId, kind);
    }

    @Override
    public boolean recordFeedback(String answerKey, boolean helpful) {
        boolean known = log.recordFeedback(answerKey, helpful);
        if (known) metrics.feedback(helpful);
        return known;
    }

    @Override
    public Optional<Tally> rate(String answerKey, String raterId, boolean helpful) {
        Optional<Tally> tally = log.rate(answerKey, raterId, helpful);
        if (tally.isPresent()) metrics.feedback(helpful);
        return tally;
    }

    @Override
    public List<UnansweredQuestion> mostUnanswered(int limit) {
        return log.mostUnanswered(limit);
    }

    @Override
    public List<SectionRating> mostDownvoted(int limit) {
        return log.mostDownvoted(limit);
    }

    @Override
    public int pruneOlderThan(java.time.Duration retention) {
        return log.pruneOlderThan(retention);
    }
}
