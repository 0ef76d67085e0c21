package dev.ratbot.subscription;

import java.util.Objects;

/**
 * Why the bot paused a subscription by itself, because the chat cannot take its messages for now: a
 * closed forum topic, missing rights, a restriction, the bot removed from the group or blocked by
 * the user. Unlike a stop (blocked for good, kicked, the chat gone) a pause keeps everything and
 * ends with {@code /resume}; unlike the user's own {@code /pause} it says why.
 *
 * @param text the reason as people read it in {@code /settings} ("the topic is closed")
 * @param retriedDaily true when the daily tip is still tried at its usual time and a delivery that
 *     goes through resumes the subscription (rights come back without anyone telling the bot);
 *     false when trying is pointless until the platform reports the bot back (removed, blocked)
 */
public record PauseReason(String text, boolean retriedDaily) {

    private static final int MAX_TEXT = 300;

    /**
     * Platform error text may end up here: no NUL (PostgreSQL refuses it), bounded, never blank.
     */
    public PauseReason {
        Objects.requireNonNull(text, "text");
        text = text.replace('\u0000', ' ').strip();
        if (text.length() > MAX_TEXT) text = text.substring(0, MAX_TEXT);
        if (text.isEmpty()) text = "the chat does not take messages from the bot for now";
    }

    /**
     * The chat refused a message for a reason its people can fix: tried again at the next day's
     * time.
     */
    public static PauseReason cannotPost(String text) {
        return new PauseReason(text, true);
    }

    /** The bot was removed or blocked: nothing is tried until it is back and someone resumes. */
    public static PauseReason away(String text) {
        return new PauseReason(text, false);
    }
}
