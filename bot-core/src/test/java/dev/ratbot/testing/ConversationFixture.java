package dev.ratbot.testing;

import dev.ratbot.answer.LuceneAnswerEngine;
import dev.ratbot.conversation.Conversation;
import dev.ratbot.fault.Bugs;
import dev.ratbot.feedback.InMemoryAnswerLog;
import dev.ratbot.knowledge.KnowledgePack;
import dev.ratbot.knowledge.KnowledgePackLoader;
import dev.ratbot.subscription.InMemorySubscriptionStore;
import dev.ratbot.subscription.SubscriptionDefaults;
import dev.ratbot.tips.OnDemandTips;
import dev.ratbot.tips.TipCatalogue;
import java.util.SplittableRandom;

/**
 * The real conversation for tests in any module: the answer engine on the built-in pack, the pack's
 * tips, and in-memory stores that tests can inspect, on a settable clock. Needs the knowledge
 * module on the test classpath.
 */
public final class ConversationFixture {

    private static final KnowledgePack PACK = KnowledgePackLoader.loadDefault();
    private static final LuceneAnswerEngine ENGINE = LuceneAnswerEngine.build(PACK);

    public final MutableClock clock = MutableClock.at("2026-06-01T08:00:00Z");
    public final InMemorySubscriptionStore subscriptions = new InMemorySubscriptionStore();
    public final InMemoryAnswerLog answerLog = new InMemoryAnswerLog();
    public final Conversation conversation;

    public ConversationFixture() {
        OnDemandTips tips =
                new OnDemandTips(
                        TipCatalogue.from(PACK), PACK.attribution(), new SplittableRandom(42));
        // A bug fails the test that meets it instead of becoming a polite "something went wrong".
        this.conversation =
                new Conversation(
                        ENGINE,
                        tips,
                        subscriptions,
                        answerLog,
                        clock,
                        SubscriptionDefaults.STANDARD,
                        Bugs.rethrown());
    }

    public static KnowledgePack pack() {
        return PACK;
    }

    public static LuceneAnswerEngine engine() {
        return ENGINE;
    }
}
