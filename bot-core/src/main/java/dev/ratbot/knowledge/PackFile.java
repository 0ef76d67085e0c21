package dev.ratbot.knowledge;

import java.util.List;
import java.util.Optional;

/**
 * One Markdown file of a pack after parsing, before sections get their ids and paths.
 *
 * @param name the file name as reported in errors
 * @param attribution the file's front-matter attribution, if it declares one
 * @param headings its headings in order, each with the blocks directly under it
 * @param tips the tips of a {@code kind: tips} file, empty otherwise
 */
record PackFile(
        String name, Optional<Attribution> attribution, List<Heading> headings, List<String> tips) {

    /**
     * A heading: level 1–6, text, an operator-given id if any, the line it is on, and its blocks.
     */
    record Heading(
            int level,
            String title,
            Optional<String> explicitId,
            int line,
            List<Block> blocks,
            boolean faq) {}
}
