package dev.ratbot.feedback;

import dev.ratbot.platform.Platform;
import java.util.Optional;

/**
 * Remembers questions and what the bot answered, so that users can rate answers (👍/👎) and the operator's
 * report can list what the pack is missing. Implementations: an in-memory twin and the JDBC store.
 */
public interface AnswerLog {

    /**
     * Records one question and its outcome; returns a short key (at most 16 ASCII characters) that a later
     * {@link #recordFeedback} names.
     */
    String recordAnswer(Platform platform, String question, Optional<String> sectionId, boolean answered);

    /** Records a rating for an earlier answer; false when the key is unknown. A second rating replaces the first. */
    boolean recordFeedback(String answerKey, boolean helpful);
}
