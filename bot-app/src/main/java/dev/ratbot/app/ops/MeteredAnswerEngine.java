package dev.ratbot.app.ops;

import dev.ratbot.answer.Answer;
import dev.ratbot.answer.AnswerEngine;
import dev.ratbot.answer.SectionRef;
import java.util.List;
import java.util.Optional;

/**
 * An {@link AnswerEngine} that times every question into {@link RatbotMetrics}; otherwise the
 * engine it wraps.
 */
public final class MeteredAnswerEngine implements AnswerEngine {

    private final AnswerEngine engine;
    private final RatbotMetrics metrics;

    public MeteredAnswerEngine(AnswerEngine engine, RatbotMetrics metrics) {
        this.engine = engine;
        this.metrics = metrics;
    }

    @Override
    public Answer answer(String question) {
        long start = System.nanoTime();
        try {
            return engine.answer(question);
        } finally {
            metrics.answerLatency(System.nanoTime() - start);
        }
    }

    @Override
    public Optional<Answer> section(String sectionId) {
        return engine.section(sectionId);
    }

    @Override
    public List<SectionRef> topics() {
        return engine.topics();
    }

    @Override
    public List<String> suggest(String prefix, int max) {
        return engine.suggest(prefix, max);
    }
}
