package dev.ratbot.telegram;

import java.util.ArrayList;
import java.util.List;

/**
 * Packs pieces into as few HTML messages as fit the platform's length limit. It splits between
 * pieces first (on paragraph boundaries), and a piece longer than a whole message at line breaks,
 * then at spaces, then anywhere but inside a surrogate pair. Splitting works on plain text before
 * escaping, so a cut never falls inside a tag or an entity, and every message is balanced HTML on
 * its own.
 */
final class HtmlMessageSplitter {

    private static final String SEPARATOR = "\n\n";

    private final int maxChars;

    /**
     * @param maxChars the longest text one message may show, counted after entity parsing in UTF-16
     *     units
     */
    HtmlMessageSplitter(int maxChars) {
        if (maxChars < 16)
            throw new IllegalArgumentException("message limit too small: " + maxChars);
        this.maxChars = maxChars;
    }

    /** The messages, in order; empty when no piece has any text. */
    List<String> split(List<Piece> pieces) {
        List<String> messages = new ArrayList<>();
        StringBuilder html = new StringBuilder();
        int visible = 0;
        for (Piece piece : fitting(pieces)) {
            int needed = (visible == 0 ? 0 : SEPARATOR.length()) + piece.visibleLength();
            if (visible > 0 && visible + needed > maxChars) {
                messages.add(html.toString());
                html.setLength(0);
                visible = 0;
                needed = piece.visibleLength();
            }
            if (visible > 0) html.append(SEPARATOR);
            html.append(piece.html());
            visible += needed;
        }
        if (visible > 0) messages.add(html.toString());
        return messages;
    }

    /**
     * The pieces with blank ones dropped and over-long ones cut into parts that each fit a message.
     */
    private List<Piece> fitting(List<Piece> pieces) {
        List<Piece> out = new ArrayList<>();
        for (Piece piece : pieces) {
            if (piece.isBlank()) continue;
            String rest = piece.plain();
            while (rest.length() > maxChars) {
                int cut = cutPoint(rest);
                String head = rest.substring(0, cut).strip();
                if (!head.isEmpty()) out.add(piece.withText(head));
                rest = rest.substring(cut).strip();
            }
            if (!rest.isEmpty()) out.add(piece.withText(rest));
        }
        return out;
    }

    private int cutPoint(String text) {
        int lineBreak = text.lastIndexOf('\n', maxChars);
        if (lineBreak > 0) return lineBreak;
        for (int i = maxChars; i > 0; i--) {
            if (Character.isWhitespace(text.charAt(i))) return i;
        }
        int cut = maxChars;
        // A hard cut must not leave half of an emoji (or any astral character) at either end.
        if (Character.isHighSurrogate(text.charAt(cut - 1))
                && Character.isLowSurrogate(text.charAt(cut))) cut--;
        return cut;
    }
}
