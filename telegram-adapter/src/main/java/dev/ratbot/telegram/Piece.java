package dev.ratbot.telegram;

/**
 * A run of plain text that a message shows as one unit (a title, a paragraph, a list, the
 * attribution) with the style it is shown in. Pieces are joined by blank lines; the splitter keeps
 * them whole where it can.
 */
record Piece(String plain, Style style) {

    enum Style {
        PLAIN("", ""),
        BOLD("<b>", "</b>"),
        ITALIC("<i>", "</i>");

        private final String open;
        private final String close;

        Style(String open, String close) {
            this.open = open;
            this.close = close;
        }
    }

    Piece {
        plain = plain == null ? "" : plain.strip();
    }

    /** The piece as Telegram HTML: escaped text inside its style's tags. */
    String html() {
        return style.open + TelegramHtml.escape(plain) + style.close;
    }

    /**
     * What Telegram counts against the length limit: the text after entity parsing, in UTF-16
     * units.
     */
    int visibleLength() {
        return plain.length();
    }

    boolean isBlank() {
        return plain.isEmpty();
    }

    Piece withText(String text) {
        return new Piece(text, style);
    }
}
