package dev.ratbot.feedback;

class InMemoryAnswerLogTest extends AnswerLogContract {
    @Override
    protected AnswerLog log(java.time.Clock clock) {
        return new InMemoryAnswerLog(clock);
    }
}
