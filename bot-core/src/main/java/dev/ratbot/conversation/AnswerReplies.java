package dev.ratbot.conversation;

import dev.ratbot.answer.Answer;
import dev.ratbot.answer.AnswerEngine;
import dev.ratbot.answer.SectionRef;
import dev.ratbot.feedback.AnswerLog;
import dev.ratbot.feedback.ReplyKind;
import dev.ratbot.knowledge.Block;
import dev.ratbot.message.Choice;
import dev.ratbot.message.Platform;
import dev.ratbot.message.Reply;
import java.util.ArrayList;
import java.util.List;

/** Questions, topics and feedback: the replies that come from the answer engine. */
final class AnswerReplies {

    static final int MAX_FOLLOW_UPS = 3;

    /** A likely answer offers the next two sections, the ones the engine ranked right after it. */
    static final int LIKELY_FOLLOW_UPS = 2;

    static final String LIKELY_LEAD_IN = "The guide's closest advice on this:";

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
        if (answer.verdict() == Answer.Verdict.SMALL_TALK)
            return new AnsweredQuestion(answer, smallTalk());
        String key =
                answerLog.recordAnswer(
                        platform,
                        question,
                        answer.section().map(SectionRef::id),
                        kind(answer.verdict()));
        Reply reply =
                switch (answer.verdict()) {
                    case SURE ->
                            Reply.of(Reply.Kind.ANSWER, answer.blocks())
                                    .titled(answer.section().map(SectionRef::title))
                                    .credited(answer.attribution())
                                    .withChoices(followUps(answer.related()))
                                    .withFeedbackKey(key);
                    case LIKELY -> likely(answer, key);
                    case NOT_COVERED -> notFound(answer);
                    case HEALTH -> health(answer);
                    case SMALL_TALK -> smallTalk();
                };
        return new AnsweredQuestion(answer, reply);
    }

    Reply topic(String sectionId) {
        return engine.section(sectionId)
                .map(
                        a ->
                                Reply.of(Reply.Kind.ANSWER, a.blocks())
                                        .titled(a.section().map(SectionRef::title))
                                        .credited(a.attribution())
                                        .withChoices(followUps(a.related())))
                .orElseGet(
                        () ->
                                Reply.text(
                                        Reply.Kind.ERROR,
                                        "That topic is no longer in the guide. Try /topics for the current list."));
    }

    Reply topics() {
        List<SectionRef> topics = engine.topics();
        List<String> titles = topics.stream().map(SectionRef::title).toList();
        List<Choice> choices = topics.stream().map(AnswerReplies::choice).toList();
        return Reply.of(
                        Reply.Kind.TOPICS,
                        List.of(
                                new Block.BulletList(
                                        "Tap a topic, or ask me a question in your own words:",
                                        titles)))
                .titled("Topics in the guide")
                .withChoices(choices);
    }

    Reply feedback(Command.Feedback feedback) {
        boolean known = answerLog.recordFeedback(feedback.answerKey(), feedback.helpful());
        String text =
                !known
                        ? "Thanks! That answer is too old to rate now, but keep the feedback coming."
                        : feedback.helpful()
                                ? "Thanks for the feedback! \uD83D\uDC00"
                                : "Thanks for telling me. I'll pass it on so the guide can get better.";
        return Reply.text(Reply.Kind.INFO, text).withPrivate(true);
    }

    /** How the operator's charts count a reply. */
    private static ReplyKind kind(Answer.Verdict verdict) {
        return switch (verdict) {
            case SURE -> ReplyKind.SURE;
            case LIKELY -> ReplyKind.LIKELY;
            case HEALTH -> ReplyKind.HEALTH;
            case NOT_COVERED, SMALL_TALK -> ReplyKind.NONE;
        };
    }

    /** The guide's closest advice, said as such, with the next two sections to read instead. */
    private static Reply likely(Answer answer, String key) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Paragraph(LIKELY_LEAD_IN));
        blocks.addAll(answer.blocks());
        return Reply.of(Reply.Kind.ANSWER, blocks)
                .titled(answer.section().map(SectionRef::title))
                .credited(answer.attribution())
                .withChoices(
                        answer.related().stream()
                                .limit(LIKELY_FOLLOW_UPS)
                                .map(AnswerReplies::choice)
                                .toList())
                .withFeedbackKey(key);
    }

    /** Illness or injury: never a bonding passage; a vet who treats rats should see the rat. */
    private static Reply health(Answer answer) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(
                new Block.Paragraph(
                        "I'm sorry, that sounds like it could be a health problem, and the bonding guide doesn't cover illness or injury."));
        blocks.add(
                new Block.Paragraph(
                        "Please have a vet who treats rats (an exotics vet) look at your rat soon: rats hide pain and illness well, so early checks matter."));
        if (!answer.related().isEmpty())
            blocks.add(new Block.Paragraph("If it helps meanwhile, the guide has this:"));
        return Reply.of(Reply.Kind.HEALTH, blocks).withChoices(followUps(answer.related()));
    }

    /** Greetings, thanks, a nod or an emoji: a friendly word, never the refusal. */
    private static Reply smallTalk() {
        return Reply.text(
                Reply.Kind.SMALL_TALK,
                "\uD83D\uDC00 Happy to help! Ask me anything about bonding with your rats (handling, treats, trust, play), or try /topics.");
    }

    private static Reply notFound(Answer answer) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(
                new Block.Paragraph(
                        "Sorry, I couldn't find that in the bonding guide, and I'd rather not guess."));
        if (!answer.related().isEmpty()) {
            blocks.add(new Block.Paragraph("It covers topics like these, if one of them helps:"));
        } else {
            blocks.add(
                    new Block.Paragraph(
                            "Try /topics to see what it covers, or ask about handling, treats, play, trust or introducing rats."));
        }
        return Reply.of(Reply.Kind.NOT_FOUND, blocks).withChoices(followUps(answer.related()));
    }

    private static List<Choice> followUps(List<SectionRef> related) {
        return related.stream().limit(MAX_FOLLOW_UPS).map(AnswerReplies::choice).toList();
    }

    private static Choice choice(SectionRef ref) {
        return new Choice(ref.title(), "/topic " + ref.id());
    }
}
