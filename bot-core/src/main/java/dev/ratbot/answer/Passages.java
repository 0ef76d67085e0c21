package dev.ratbot.answer;

import dev.ratbot.knowledge.Block;
import dev.ratbot.knowledge.Section;
import java.util.ArrayList;
import java.util.List;

/**
 * Shapes passages for display: at most about {@code max} characters, a list never parted from its
 * lead-in.
 */
final class Passages {
    private static final String ELLIPSIS = "\u2026";

    private Passages() {}

    /**
     * The best passage, and with it the runner-up when that is another passage of the same section
     * and both fit in one reply whole, in the guide's order. Two neighbouring paragraphs that both
     * speak to a post read as one piece of advice; choosing between them would drop half of it.
     * (Passages are numbered in the guide's order.)
     */
    static List<Block> together(
            int bestDoc,
            PassageIndex.Passage best,
            int runnerUpDoc,
            PassageIndex.Passage runnerUp,
            int max) {
        if (runnerUp.section() != best.section() || runnerUpDoc == bestDoc) return best.blocks();
        int length = -2;
        for (PassageIndex.Passage p : List.of(best, runnerUp))
            for (Block b : p.blocks()) length += b.plainText().length() + 2;
        if (length > max) return best.blocks();
        List<Block> out =
                new ArrayList<>(bestDoc < runnerUpDoc ? best.blocks() : runnerUp.blocks());
        out.addAll(bestDoc < runnerUpDoc ? runnerUp.blocks() : best.blocks());
        return out;
    }

    /**
     * Blocks that fit together: the first one shortened if need be, later ones only while they fit
     * whole.
     */
    static List<Block> fit(List<Block> blocks, int max) {
        List<Block> out = new ArrayList<>();
        int used = 0;
        for (Block b : blocks) {
            if (out.isEmpty()) {
                Block first = fit(b, max);
                out.add(first);
                used = first.plainText().length();
            } else if (used + 2 + b.plainText().length() <= max) {
                out.add(b);
                used += 2 + b.plainText().length();
            } else {
                break;
            }
        }
        return out;
    }

    /**
     * The block itself when short enough; otherwise a paragraph cut after a sentence or a list cut
     * after an item.
     */
    static Block fit(Block block, int max) {
        if (block.plainText().length() <= max) return block;
        return switch (block) {
            case Block.Paragraph p -> new Block.Paragraph(cut(p.text(), max));
            case Block.BulletList list -> fitList(list, max);
        };
    }

    private static Block fitList(Block.BulletList list, int max) {
        String leadIn =
                list.leadIn().length() > max / 2 ? cut(list.leadIn(), max / 2) : list.leadIn();
        int used = leadIn.length();
        List<String> items = new ArrayList<>();
        for (String item : list.items()) {
            int room = max - used - 3;
            if (room <= 0) break;
            if (item.length() > room) {
                if (items.isEmpty()) items.add(cut(item, room));
                break;
            }
            items.add(item);
            used += item.length() + 3;
        }
        if (items.isEmpty())
            return new Block.Paragraph(cut(leadIn.isEmpty() ? list.items().get(0) : leadIn, max));
        return new Block.BulletList(leadIn, items);
    }

    /**
     * Text cut to at most {@code max} characters, after the last sentence that fits, else the last
     * word.
     */
    static String cut(String text, int max) {
        if (text.length() <= max) return text;
        int limit = Math.max(1, max - ELLIPSIS.length());
        String head = text.substring(0, limit);
        int sentence =
                Math.max(
                        head.lastIndexOf(". "),
                        Math.max(head.lastIndexOf("! "), head.lastIndexOf("? ")));
        if (sentence >= limit / 2) return head.substring(0, sentence + 1);
        int space = head.lastIndexOf(' ');
        if (space >= limit / 2) head = head.substring(0, space);
        return head.stripTrailing() + ELLIPSIS;
    }

    /**
     * The opening of a section for browsing: its blocks from the top while they fit (at least one),
     * or, for a heading that only groups others, the opening of its first subsection.
     */
    static List<Block> opening(Section section, List<Section> all, int index, int max) {
        if (section.blocks().isEmpty()) {
            for (int s = index + 1; s < all.size(); s++) {
                Section next = all.get(s);
                if (next.path().size() <= section.path().size()) break;
                if (!next.blocks().isEmpty()) return opening(next, all, s, max);
            }
            return List.of(new Block.Paragraph(section.title()));
        }
        List<Block> blocks = new ArrayList<>();
        int used = 0;
        for (Block b : section.blocks()) {
            int length = b.plainText().length() + 2;
            if (!blocks.isEmpty() && used + length > max) break;
            blocks.add(blocks.isEmpty() ? fit(b, max) : b);
            used += blocks.get(blocks.size() - 1).plainText().length() + 2;
        }
        return blocks;
    }
}
