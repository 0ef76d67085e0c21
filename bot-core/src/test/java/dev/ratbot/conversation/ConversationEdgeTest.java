package dev.ratbot.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ratbot.answer.Answer;
import dev.ratbot.answer.AnswerEngine;
import dev.ratbot.answer.SectionRef;
import dev.ratbot.fault.Bugs;
import dev.ratbot.feedback.InMemoryAnswerLog;
import dev.ratbot.message.Address;
import dev.ratbot.message.Platform;
import dev.ratbot.message.Reply;
import dev.ratbot.subscription.InMemorySubscriptionStore;
import dev.ratbot.subscription.SubscriptionDefaults;
import dev.ratbot.testing.MutableClock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The conversation is where a bug inside the engine stops: reported once, and the person gets an
 * apology.
 */
class ConversationEdgeTest {

    private final IllegalStateException bug = new IllegalStateException("index out of step");
    private static final Incoming QUESTION =
            new Incoming(
                    Address.direct(Platform.TELEGRAM, "42"),
                    "u",
                    "how do I hold my rat",
                    Rights.OWNER);

    /** An engine with a bug: every question throws. */
    private final AnswerEngine broken =
            new AnswerEngine() {
                @Override
                public Answer answer(String question) {
                    throw bug;
                }

                @Override
                public Optional<Answer> section(String sectionId) {
                    return Optional.empty();
                }

                @Override
                public List<SectionRef> topics() {
                    return List.of();
                }

                @Override
                public List<String> suggest(String prefix, int max) {
                    return List.of();
                }
            };

    private Conversation over(Bugs bugs) {
        return new Conversation(
                broken,
                a -> Optional.empty(),
                new InMemorySubscriptionStore(),
                new InMemoryAnswerLog(),
                MutableClock.at("2026-06-01T08:00:00Z"),
                SubscriptionDefaults.STANDARD,
                bugs);
    }

    @Test
    void aBugInTheEngineIsReportedOnceAndThePersonGetsAnApology() {
        List<String> reported = new ArrayList<>();
        Reply reply =
                over((edge, bug) -> reported.add(edge + ": " + bug.getMessage()))
                        .handle(QUESTION)
                        .orElseThrow();
        assertEquals(List.of("conversation: index out of step"), reported);
        assertEquals(Reply.Kind.ERROR, reply.kind());
        assertEquals(
                "Sorry, something went wrong on my side. Please try again in a moment.",
                reply.plainText());
    }

    @Test
    void inTestsTheBugItselfComesOut() {
        assertSame(
                bug,
                assertThrows(
                        IllegalStateException.class, () -> over(Bugs.rethrown()).handle(QUESTION)));
    }

    @Test
    void bugsCanBeBothLoggedAndCounted() {
        List<String> first = new ArrayList<>();
        List<String> second = new ArrayList<>();
        Bugs both =
                ((Bugs) (edge, bug) -> first.add(edge)).andThen((edge, bug) -> second.add(edge));
        both.caught("telegram", bug);
        assertEquals(List.of("telegram"), first);
        assertEquals(List.of("telegram"), second);
    }
}
