package dev.ratbot.app;

import dev.ratbot.conversation.Conversation;
import dev.ratbot.feedback.InMemoryAnswerLog;
import dev.ratbot.subscription.InMemorySubscriptionStore;
import java.time.Clock;

/**
 * The conversation as the console commands use it: the pack's engine and tips, with stores that
 * live in memory.
 */
final class ConsoleBot {

    /**
     * The longest line the console commands read as one question: a Telegram message's 4,096
     * characters (the engine reads the first 4,000). Longer lines are cut while they are read, so a
     * huge line costs no memory.
     */
    static final int MAX_LINE_CHARS = 4096;

    private ConsoleBot() {}

    static Conversation conversation(Knowledge knowledge) {
        return new Conversation(
                knowledge.engine(),
                knowledge.tips(),
                new InMemorySubscriptionStore(),
                new InMemoryAnswerLog(),
                Clock.systemUTC());
    }
}
