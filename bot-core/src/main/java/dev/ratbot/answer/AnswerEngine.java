package dev.ratbot.answer;

import java.util.List;
import java.util.Optional;

/**
 * Finds the passage of a knowledge pack that answers a question, or says that the pack does not
 * cover it. Implementations are thread-safe, handle any input string (empty, huge, control
 * characters, query syntax) and answer in bounded time. They catch nothing to stay quiet: an
 * exception is a bug, reported by the edge that asked (see {@code dev.ratbot.fault.Bugs}), so a
 * test sees it instead of a polite refusal.
 */
public interface AnswerEngine {

    /** Answers a free-text question. */
    Answer answer(String question);

    /** The opening passage of a section, as an answer, e.g. when a user taps a related topic. */
    Optional<Answer> section(String sectionId);

    /** Every section a user can browse, in pack order. */
    List<SectionRef> topics();

    /**
     * Up to {@code max} completions for what a user is typing (section titles and FAQ questions),
     * best first; fast enough for autocomplete.
     */
    List<String> suggest(String prefix, int max);
}
