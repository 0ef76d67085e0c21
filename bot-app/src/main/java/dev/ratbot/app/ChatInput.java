package dev.ratbot.app;

import dev.ratbot.message.Reply;
import java.util.Optional;

/**
 * Maps the console's shortcuts (a choice number, + or -) to the command text that a button would
 * send.
 */
final class ChatInput {

    private ChatInput() {}

    /**
     * @param last the latest reply that offered choices or feedback, if any
     */
    static String toCommandText(String text, Optional<Reply> last) {
        if (last.isEmpty()) return text;
        return toCommandText(text, last.get());
    }

    private static String toCommandText(String text, Reply last) {
        if (text.matches("\\d{1,2}")) {
            int n = Integer.parseInt(text);
            if (n >= 1 && n <= last.choices().size()) return last.choices().get(n - 1).data();
        }
        if ((text.equals("+") || text.equals("-")) && last.feedbackKey().isPresent()) {
            return "/feedback " + last.feedbackKey().get() + (text.equals("+") ? " up" : " down");
        }
        return text;
    }
}
