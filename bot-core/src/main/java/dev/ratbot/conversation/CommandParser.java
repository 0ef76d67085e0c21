package dev.ratbot.conversation;

import java.util.Locale;
import java.util.Optional;

/**
 * Turns message text into a {@link Command}. Slash commands may carry a bot name ({@code
 * /ask@ratbot}); a command addressed to another bot is {@link Command.Empty}. Any other text is a
 * question. Never throws.
 */
public final class CommandParser {

    /** Longest question kept; longer text is cut here so that work stays bounded. */
    public static final int MAX_QUESTION_CHARS = 500;

    private final String botName;

    /**
     * @param botName this bot's user name without '@' (case-insensitive), or empty when unknown
     */
    public CommandParser(String botName) {
        this.botName = botName == null ? "" : botName.toLowerCase(Locale.ROOT);
    }

    public Command parse(String raw) {
        String text = clean(raw);
        if (text.isEmpty()) return new Command.Empty();
        if (text.charAt(0) != '/') return new Command.Ask(limit(text));

        int space = indexOfWhitespace(text);
        String head = space < 0 ? text.substring(1) : text.substring(1, space);
        String rest = space < 0 ? "" : text.substring(space).strip();
        int at = head.indexOf('@');
        if (at >= 0) {
            String target = head.substring(at + 1).toLowerCase(Locale.ROOT);
            head = head.substring(0, at);
            if (!botName.isEmpty() && !target.equals(botName)) return new Command.Empty();
        }
        String name = head.toLowerCase(Locale.ROOT);
        String[] args = rest.isEmpty() ? new String[0] : rest.split("\\s+");
        return switch (name) {
            case "start" -> new Command.Start();
            case "help" -> new Command.Help();
            case "ask" -> rest.isEmpty() ? new Command.Help() : new Command.Ask(limit(rest));
            case "topics" -> new Command.Topics();
            case "topic" -> args.length == 0 ? new Command.Topics() : new Command.Topic(args[0]);
            case "tip" -> new Command.Tip();
            case "subscribe" ->
                    new Command.Subscribe(
                            arg(args, 0),
                            args.length > 1
                                    ? Optional.of(rest.substring(args[0].length()).strip())
                                    : Optional.empty());
            case "unsubscribe", "stop" -> new Command.Unsubscribe();
            case "pause" -> new Command.Pause();
            case "resume" -> new Command.Resume();
            case "settings" -> new Command.Settings();
            case "feedback" ->
                    args.length >= 2 && (args[1].equals("up") || args[1].equals("down"))
                            ? new Command.Feedback(args[0], args[1].equals("up"))
                            : new Command.Unknown(name);
            case "" -> new Command.Ask(limit(text));
            default -> new Command.Unknown(head.length() > 32 ? head.substring(0, 32) : head);
        };
    }

    private static Optional<String> arg(String[] args, int i) {
        return i < args.length ? Optional.of(args[i]) : Optional.empty();
    }

    private static int indexOfWhitespace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) return i;
        }
        return -1;
    }

    private static String limit(String s) {
        if (s.length() <= MAX_QUESTION_CHARS) return s;
        int end = MAX_QUESTION_CHARS;
        // Never cut a surrogate pair in half.
        if (Character.isHighSurrogate(s.charAt(end - 1))) end--;
        return s.substring(0, end);
    }

    /** Drops control and format characters (but keeps line breaks as spaces) and trims. */
    static String clean(String raw) {
        if (raw == null) return "";
        // Bound the work before cleaning: a 100 KB message is cut long before it reaches the
        // engine.
        String s =
                raw.length() > 4 * MAX_QUESTION_CHARS
                        ? raw.substring(0, 4 * MAX_QUESTION_CHARS)
                        : raw;
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints()
                .forEach(
                        cp -> {
                            int type = Character.getType(cp);
                            if (cp == '\n' || cp == '\r' || cp == '\t') out.append(' ');
                            else if (type != Character.CONTROL
                                    && type != Character.FORMAT
                                    && type != Character.UNASSIGNED
                                    && type != Character.PRIVATE_USE
                                    && type != Character.SURROGATE) out.appendCodePoint(cp);
                        });
        return out.toString().strip();
    }
}
