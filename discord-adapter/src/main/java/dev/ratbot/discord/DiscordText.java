package dev.ratbot.discord;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns plain text into Discord markdown that shows exactly that text, and cuts text to Discord's
 * limits without breaking an escape, a surrogate pair or (where possible) a paragraph.
 */
final class DiscordText {

    /**
     * Characters that start markdown anywhere in a line (emphasis, code, spoilers, masked links,
     * mentions).
     */
    private static final String ALWAYS_ESCAPED = "\\*_~`|<>[]";

    private static final char ELLIPSIS = '\u2026';
    private static final String ZERO_WIDTH_SPACE = "\u200B";

    private DiscordText() {}

    /**
     * Escapes {@code plain} so that Discord renders it literally: emphasis, code, spoilers, links,
     * headings, block quotes and list markers lose their meaning, and
     * {@code @everyone}/{@code @here} are broken with a zero-width space so they could not ping
     * even where allowed mentions were forgotten.
     */
    static String escape(String plain) {
        if (plain == null || plain.isEmpty()) return "";
        StringBuilder out = new StringBuilder(plain.length() + 16);
        boolean lineStart = true;
        for (int i = 0; i < plain.length(); i++) {
            char c = plain.charAt(i);
            if (c == '\r') continue;
            if (c == '\n') {
                out.append('\n');
                lineStart = true;
                continue;
            }
            if (lineStart && (c == ' ' || c == '\t')) {
                out.append(c);
                continue;
            }
            if (ALWAYS_ESCAPED.indexOf(c) >= 0
                    || (lineStart && (c == '#' || c == '-' || c == '+'))) {
                out.append('\\').append(c);
            } else if (lineStart && Character.isDigit(c)) {
                // "1. text" would become an ordered list: escape the dot after the leading number.
                int j = i;
                while (j < plain.length() && Character.isDigit(plain.charAt(j))) j++;
                out.append(plain, i, j);
                if (j < plain.length() && (plain.charAt(j) == '.' || plain.charAt(j) == ')')) {
                    out.append('\\').append(plain.charAt(j));
                    j++;
                }
                i = j - 1;
            } else if (c == '@'
                    && (plain.startsWith("everyone", i + 1) || plain.startsWith("here", i + 1))) {
                out.append('@').append(ZERO_WIDTH_SPACE);
            } else {
                out.append(c);
            }
            lineStart = false;
        }
        return out.toString();
    }

    /**
     * Text that needs no markup (footers, button labels) cut to {@code max} characters with an
     * ellipsis.
     */
    static String cut(String text, int max) {
        if (text == null) return "";
        if (text.length() <= max) return text;
        int end = safeEnd(text, max - 1);
        return text.substring(0, end) + ELLIPSIS;
    }

    /**
     * Splits escaped markdown into pieces of at most {@code max} characters, preferring to break
     * between paragraphs, then lines, then words. Pieces are trimmed of the break itself; none is
     * empty.
     */
    static List<String> split(String text, int max) {
        if (max < 2) throw new IllegalArgumentException("max < 2");
        List<String> pieces = new ArrayList<>();
        String rest = text == null ? "" : text.strip();
        while (rest.length() > max) {
            int end = breakPoint(rest, max);
            String piece = rest.substring(0, end).stripTrailing();
            if (!piece.isEmpty()) pieces.add(piece);
            rest = rest.substring(end).stripLeading();
        }
        if (!rest.isEmpty()) pieces.add(rest);
        return pieces;
    }

    private static int breakPoint(String text, int max) {
        // Prefer a break in the second half of the window, so that pieces are not tiny.
        int floor = max / 2;
        for (String separator : new String[] {"\n\n", "\n", " "}) {
            int at = text.lastIndexOf(separator, max - separator.length());
            if (at >= floor) return at + separator.length();
        }
        return safeEnd(text, max);
    }

    /**
     * The largest end ≤ {@code max} that splits neither a surrogate pair nor a backslash escape.
     */
    static int safeEnd(String text, int max) {
        int end = Math.min(max, text.length());
        if (end < text.length() && end > 0 && Character.isHighSurrogate(text.charAt(end - 1)))
            end--;
        int backslashes = 0;
        for (int i = end - 1; i >= 0 && text.charAt(i) == '\\'; i--) backslashes++;
        if (backslashes % 2 == 1) end--;
        return end;
    }
}
