package dev.ratbot.feedback;

import dev.ratbot.message.Platform;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A question as it was asked, not yet written: the key its reply's rating buttons already carry,
 * the question {@linkplain AnswerLog cleaned and cut}, and when it was asked (so a question written
 * late keeps its time).
 */
public record AskedQuestion(
        String key,
        Platform platform,
        String question,
        Optional<String> sectionId,
        ReplyKind kind,
        Instant askedAt) {
    public AskedQuestion {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(sectionId, "sectionId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(askedAt, "askedAt");
    }
}
