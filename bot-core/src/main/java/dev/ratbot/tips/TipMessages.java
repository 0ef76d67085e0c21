package dev.ratbot.tips;

import dev.ratbot.message.Reply;
import java.util.Optional;

/**
 * Renders a stored tip id as the message to send: a {@link Reply} of kind {@link Reply.Kind#TIP}.
 */
@FunctionalInterface
public interface TipMessages {

    /** The tip's message, or empty when the catalogue no longer has that tip. */
    Optional<Reply> forTip(String tipId);
}
