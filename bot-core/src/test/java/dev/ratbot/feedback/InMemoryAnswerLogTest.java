package dev.ratbot.feedback;

class InMemoryAnswerLogTest extends AnswerLogContract {
    @Override
    protected AnswerLog log() {
        return new InMemoryAnswerLog();
    }
}
