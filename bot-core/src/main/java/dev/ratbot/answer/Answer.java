package dev.ratbot.answer;

import dev.ratbot.knowledge.Attribution;
import dev.ratbot.knowledge.Block;
import java.util.List;
import java.util.Optional;

/**
 * What the engine says to a question. When {@code answered} is true, {@code blocks} hold the passage
 * (at most about 700 characters, a list kept with its lead-in), {@code section} names where it comes from and
 * {@code attribution} credits the pack. When false, the guide does not cover the question: blocks are empty,
 * and {@code related} suggests sections the user could ask about instead.
 *
 * @param score  the engine's confidence in [0, 1]; the engine answers only above its threshold
 */
public record Answer(
        String question,
        boolean answered,
        List<Block> blocks,
        Optional<SectionRef> section,
        Optional<Attribution> attribution,
        double score,
        List<SectionRef> related) {

    public Answer {
        blocks = List.copyOf(blocks);
        related = List.copyOf(related);
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
