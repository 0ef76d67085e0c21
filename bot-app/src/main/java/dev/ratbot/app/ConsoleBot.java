package dev.ratbot.app;

import dev.ratbot.conversation.Conversation;
import dev.ratbot.feedback.InMemoryAnswerLog;
import dev.ratbot.subscription.InMemorySubscriptionStore;
import java.time.Clock;

/** The conversation as the console commands use it: the pack's engine and tips, with stores that live in memory. */
final class ConsoleBot {

    private ConsoleBot() {
    }

    static Conversation conversation(Knowledge knowledge) {
        return new Conversation(knowledge.engine(), knowledge.tips(), new InMemorySubscriptionStore(),
                new InMemoryAnswerLog(), Clock.systemUTC());
    }
}
