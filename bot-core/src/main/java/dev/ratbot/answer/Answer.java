package dev.ratbot.answer;

import dev.ratbot.knowledge.Attribution;
import dev.ratbot.knowledge.Block;
import java.util.List;
import java.util.Optional;

/**
 * What the engine says to a question. When {@link #answered()} (the verdict is {@link Verdict#SURE}
 * or {@link Verdict#LIKELY}), {@code blocks} hold the passage (at most about 700 characters, a list
 * kept with its lead-in), {@code section} names where it comes from and {@code attribution} credits
 * the pack. Otherwise blocks are empty and {@code related} suggests sections the user could read
 * instead.
 *
 * @param score the engine's confidence in [0, 1] that the passage answers the question
 * @param verdict which of the kinds of reply this is
 */
public record Answer(
        String question,
        Verdict verdict,
        List<Block> blocks,
        Optional<SectionRef> section,
        Optional<Attribution> attribution,
        double score,
        List<SectionRef> related) {

    /** The kinds of reply the engine decides between. */
    public enum Verdict {
        /** The passage answers the question. */
        SURE,
        /**
         * The passage is the guide's closest advice; said as such, with the next sections offered.
         */
        LIKELY,
        /** The guide does not cover the question. */
        NOT_COVERED,
        /**
         * Illness or injury: the guide does not cover health; a vet who treats rats should see the
         * rat.
         */
        HEALTH,
        /** Greetings, thanks, a nod or an emoji: a short friendly word, never the refusal. */
        SMALL_TALK;

        /** {@code sure}, {@code likely} or {@code none}, as {@code ask --json} says it. */
        public String confidence() {
            return switch (this) {
                case SURE -> "sure";
                case LIKELY -> "likely";
                case NOT_COVERED, HEALTH, SMALL_TALK -> "none";
            };
        }
    }

    public Answer {
        blocks = List.copyOf(blocks);
        related = List.copyOf(related);
    }

    /** The same answer to the same text asked in other words (its cleaned text was the same). */
    Answer askedAs(String other) {
        return new Answer(other, verdict, blocks, section, attribution, score, related);
    }

    /** The same answer offering other sections. */
    public Answer withRelated(List<SectionRef> others) {
        return new Answer(question, verdict, blocks, section, attribution, score, others);
    }

    /** The same answer credited to someone else (operators who wrote the passage). */
    public Answer creditedTo(Attribution by) {
        return new Answer(question, verdict, blocks, section, Optional.of(by), score, related);
    }

    /**
     * The same verdict and confidence, showing another answer's passage (a section the question's
     * section stands for).
     */
    public Answer showing(Answer other) {
        return new Answer(
                question, verdict, other.blocks, other.section, other.attribution, score, related);
    }

    /** Whether a passage is given (sure or likely). */
    public boolean answered() {
        return verdict == Verdict.SURE || verdict == Verdict.LIKELY;
    }

    /** The passage as plain text, blocks separated by blank lines; empty when not answered. */
    public String text() {
        StringBuilder out = new StringBuilder();
        for (Block b : blocks) {
            if (!out.isEmpty()) out.append("\n\n");
            out.append(b.plainText());
        }
        return out.toString();
    }
}
