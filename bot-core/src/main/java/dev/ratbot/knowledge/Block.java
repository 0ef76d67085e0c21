package dev.ratbot.knowledge;

import java.util.List;

/**
 * A unit of a section's text that is kept whole in answers: a paragraph, or a bullet list together
 * with the sentence that leads into it. Text is plain (no markup); adapters escape and render it.
 */
public sealed interface Block {

    /** The block as plain text, lists as "lead-in" followed by "• item" lines. */
    String plainText();

    /** A paragraph of prose. */
    record Paragraph(String text) implements Block {
        public Paragraph {
            if (text == null || text.isBlank())
                throw new IllegalArgumentException("empty paragraph");
        }

        @Override
        public String plainText() {
            return text;
        }
    }

    /**
     * A bullet list; {@code leadIn} is the sentence before it ("Signs of a shy rat:"), possibly
     * empty.
     */
    record BulletList(String leadIn, List<String> items) implements Block {
        public BulletList {
            leadIn = leadIn == null ? "" : leadIn;
            items = List.copyOf(items);
            if (items.isEmpty()) throw new IllegalArgumentException("empty list");
        }

        @Override
        public String plainText() {
            StringBuilder out = new StringBuilder(leadIn);
            for (String item : items) {
                if (!out.isEmpty()) out.append('\n');
                out.append("\u2022 ").append(item);
            }
            return out.toString();
        }
    }
}
