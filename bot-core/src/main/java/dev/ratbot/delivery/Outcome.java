package dev.ratbot.delivery;

import dev.ratbot.message.SendResult;

/**
 * What became of one claimed delivery in a round: a platform's answer, or released unsent at
 * shutdown.
 */
sealed interface Outcome {

    record Sent(SendResult result) implements Outcome {}

    /** Not handed to the sender (shutting down): goes back to PENDING for any instance to send. */
    record Released() implements Outcome {}

    /** The tip is gone from the catalogue. */
    record NoTip(String tipId) implements Outcome {}
}
