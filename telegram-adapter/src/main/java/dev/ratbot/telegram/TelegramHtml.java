package dev.ratbot.telegram;

/**
 * Escaping for Telegram's HTML parse mode. Telegram wants every {@code <}, {@code >} and {@code &}
 * that is not markup written as an entity; quotes need no escaping outside attributes, and we never
 * put text in attributes.
 */
final class TelegramHtml {

    /**
     * Spelled as the Bot API documents it; telegrambots' constant is lower case, which not every
     * server accepts.
     */
    static final String PARSE_MODE = "HTML";

    private TelegramHtml() {}

    static String escape(String plain) {
        StringBuilder out = new StringBuilder(plain.length() + 16);
        for (int i = 0; i < plain.length(); i++) {
            char c = plain.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
