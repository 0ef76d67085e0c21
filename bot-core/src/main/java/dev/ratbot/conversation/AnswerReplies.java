package dev.ratbot.conversation;

import dev.ratbot.answer.Answer;
import dev.ratbot.answer.AnswerEngine;
import dev.ratbot.answer.SectionRef;
import dev.ratbot.feedback.AnswerLog;
import dev.ratbot.knowledge.Block;
import dev.ratbot.platform.Platform;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Questions, topics and feedback: the replies that come from the answer engine. */
final class AnswerReplies {

    static final int MAX_FOLLOW_UPS = 3;

    private final AnswerEngine engine;
    private final AnswerLog answerLog;

    AnswerReplies(AnswerEngine engine, AnswerLog answerLog) {
        this.engine = engine;
        this.answerLog = answerLog;
    }

    Reply answer(Platform platform, String question) {
        return ask(platform, question).reply();
    }

    AnsweredQuestion ask(Platform platform, String question) {
        Answer answer = engine.answer(question);
        String key = answerLog.recordAnswer(platform, question, answer.section().map(SectionRef::id), answer.answered());
        Reply reply = !answer.answered() ? notFound(answer)
                : new Reply(Reply.Kind.ANSWER, answer.section().map(SectionRef::title), answer.blocks(), answer.attribution(),
                        followUps(answer.related()), Optional.of(key), false);
        return new AnsweredQuestion(answer, reply);
    }

    Reply topic(String sectionId) {
        return engine.section(sectionId)
                .map(a -> new Reply(Reply.Kind.ANSWER, a.section().map(SectionRef::title), a.blocks(), a.attribution(),
                        followUps(a.related()), Optional.empty(), false))
                .orElseGet(() -> Reply.text(Reply.Kind.ERROR, "That topic is no longer in the guide. Try /topics for the current list."));
    }

    Reply topics() {
        List<SectionRef> topics = engine.topics();
        List<String> titles = topics.stream().map(SectionRef::title).toList();
        List<Choice> choices = topics.stream().map(AnswerReplies::choice).toList();
        return new Reply(Reply.Kind.TOPICS, Optional.of("Topics in the guide"),
                List.of(new Block.BulletList("Tap a topic, or ask me a question in your own words:", titles)),
                Optional.empty(), choices, Optional.empty(), false);
    }

    Reply feedback(Command.Feedback feedback) {
        boolean known = answerLog.recordFeedback(feedback.answerKey(), feedback.helpful());
        String text = !known ? "Thanks! That answer is too old to rate now, but keep the feedback coming."
                : feedback.helpful() ? "Thanks for the feedback! \uD83D\uDC00"
                : "Thanks for telling me. I'll pass it on so the guide can get better.";
        return Reply.text(Reply.Kind.INFO, text).withPrivate(true);
    }

    private static Reply notFound(Answer answer) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Paragraph("Sorry, I couldn't find that in the bonding guide, and I'd rather not guess."));
        if (!answer.related().isEmpty()) {
            blocks.add(new Block.Paragraph("It covers topics like these, if one of them helps:"));
        } else {
            blocks.add(new Block.Paragraph("Try /topics to see what it covers, or ask about handling, treats, play, trust or introducing rats."));
        }
        return new Reply(Reply.Kind.NOT_FOUND, Optional.empty(), blocks, Optional.empty(),
                followUps(answer.related()), Optional.empty(), false);
    }

    private static List<Choice> followUps(List<SectionRef> related) {
        return related.stream().limit(MAX_FOLLOW_UPS).map(AnswerReplies::choice).toList();
    }

    private static Choice choice(SectionRef ref) {
        return new Choice(ref.title(), "/topic " + ref.id());
    }
}
