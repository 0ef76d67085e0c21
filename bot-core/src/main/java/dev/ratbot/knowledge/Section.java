package dev.ratbot.knowledge;

import java.util.List;

/**
 * One heading of a pack and the blocks directly under it.
 *
 * @param id a stable slug, unique in the pack, at most 40 ASCII characters (it travels in button
 *     data)
 * @param path the heading titles from the outermost to this one, e.g. ["Advanced Bonding
 *     Techniques", "Training and Tricks"]
 * @param blocks the paragraphs and lists under this heading, in order; may be empty for a heading
 *     that only groups others
 * @param faq whether the heading is a frequently asked question (its title is a question)
 */
public record Section(String id, List<String> path, List<Block> blocks, boolean faq) {
    public Section {
        path = List.copyOf(path);
        blocks = List.copyOf(blocks);
        if (path.isEmpty()) throw new IllegalArgumentException("section without a title");
    }

    /** The section's own heading text. */
    public String title() {
        return path.get(path.size() - 1);
    }
}
