package dev.ratbot.app;

import dev.ratbot.message.Choice;
import dev.ratbot.message.Reply;
import java.util.List;

/** Renders replies as plain text for a terminal: the reply's text, then numbered choices. */
final class ConsoleRenderer {

    private ConsoleRenderer() {}

    /**
     * The text followed by the numbered choices and the feedback hint, for the interactive chat.
     */
    static String withChoices(Reply reply) {
        StringBuilder out = new StringBuilder(reply.plainText());
        List<Choice> choices = reply.choices();
        if (!choices.isEmpty()) {
            out.append("\n");
            for (int i = 0; i < choices.size(); i++) {
                out.append("\n  [").append(i + 1).append("] ").append(choices.get(i).label());
            }
        }
        if (reply.feedbackKey().isPresent()) {
            out.append("\n\n  (+ if this helped, - if it did not)");
        }
        return out.toString();
    }
}
