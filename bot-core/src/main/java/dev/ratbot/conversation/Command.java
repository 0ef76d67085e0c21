package dev.ratbot.conversation;

import java.util.Optional;

/**
 * What a user asked the bot to do, independent of the platform it came from. {@link CommandParser}
 * turns text ("/ask how do I hold my rat", "/subscribe 08:00 Europe/London", plain text) into one
 * of these.
 */
public sealed interface Command {

    record Start() implements Command {}

    record Help() implements Command {}

    /** A question; plain text in a private chat is one too. */
    record Ask(String question) implements Command {}

    /** List the sections a user can browse. */
    record Topics() implements Command {}

    /** Open one section by id (a tapped follow-up or topic button). */
    record Topic(String sectionId) implements Command {}

    /** A bonding tip, now. */
    record Tip() implements Command {}

    /**
     * Subscribe (or change the subscription) to the daily tip; time and zone as the user typed
     * them.
     */
    record Subscribe(Optional<String> time, Optional<String> zone) implements Command {}

    record Unsubscribe() implements Command {}

    record Pause() implements Command {}

    record Resume() implements Command {}

    /** Show this chat's subscription and its next delivery in local time. */
    record Settings() implements Command {}

    /** 👍 or 👎 on an earlier answer, identified by the key the answer's reply carried. */
    record Feedback(String answerKey, boolean helpful) implements Command {}

    /** A slash command the bot does not know; {@code name} is without the slash. */
    record Unknown(String name) implements Command {}

    /** Nothing to act on (empty text, only whitespace or control characters). */
    record Empty() implements Command {}
}
