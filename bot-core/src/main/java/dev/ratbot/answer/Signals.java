package dev.ratbot.answer;

import java.util.Arrays;
import java.util.List;

/**
 * The engine's evidence about one question and its best candidate passage: the inputs of the {@link
 * DecisionModel}. Each number is a {@link Signal}, named beside its meaning, and is set by name
 * ({@link #builder()}); {@link #NAMES} and {@link #values()} give them in one order for the model
 * and its trainer.
 */
// The vector's order is the enum's declaration order by design (NAMES, the model's weights).
@SuppressWarnings("EnumOrdinal")
final class Signals {

    /**
     * One number the decisions weigh, with the name it has in {@code decision-model.properties}.
     */
    enum Signal {
        /** Coverage of the question's distinctive concepts times a saturating function of BM25. */
        KEYWORD_CONFIDENCE("keywordConfidence"),
        /** The candidate's BM25 score, saturated into [0, 1). */
        KEYWORD_SCORE("keywordScore"),
        /** How far the keyword ranking's best section leads the next one, log ratio in [0, 2]. */
        KEYWORD_LEAD("keywordLead"),
        /** 1 when the keyword ranking's first passage is in the candidate's section. */
        KEYWORD_AGREES("keywordAgrees"),
        /** Cosine similarity of the question's focus and the candidate passage. */
        SEMANTIC("semantic"),
        /** That similarity minus the best one of any other section. */
        SEMANTIC_LEAD("semanticLead"),
        /** 1 when the meaning ranking's first passage is in the candidate's section. */
        SEMANTIC_AGREES("semanticAgrees"),
        /** Share of the question's distinctive concepts found in the candidate or its section. */
        COVERAGE("coverage"),
        /** 1 when the question names a care topic the pack never mentions. */
        UNKNOWN_TOPIC("unknownTopic"),
        /** Share of the question's distinctive concepts the pack never uses. */
        UNKNOWN_SHARE("unknownShare"),
        /** Signs of illness or injury in the whole post (0 to 3). */
        HEALTH_CUES("healthCues"),
        /** 1 when the post has a sentence that asks. */
        ASKS("asks"),
        /** 1 when it names another animal and never the pack's own. */
        OTHER_ANIMAL("otherAnimal"),
        /** 1 when it asks for a number and the passage gives none of what it asks about. */
        QUANTITY_MISSING("quantityMissing"),
        /** Log(1 + words of the post). */
        LENGTH("length"),
        /** The learnt ranking's probability that the candidate is right. */
        RANKING("ranking"),
        /** Its logit lead over the next candidate (capped at 4). */
        RANKING_LEAD("rankingLead"),
        /** Similarity of the nearest taught post the guide answers. */
        TAUGHT_COVERED("taughtCovered"),
        /** Similarity of the nearest taught post it does not. */
        TAUGHT_UNCOVERED("taughtUncovered"),
        /** Similarity of the nearest taught post the candidate answered (0 when none). */
        TAUGHT_AGREES("taughtAgrees"),
        /** 1 when the post names the pack's animal (or a pet name for it). */
        NAMES_ANIMAL("namesAnimal"),
        /**
         * The learnt probe's logit that the focus's topic is one the guide covers (from its
         * vector).
         */
        TOPIC_COVERED("topicCovered"),
        /**
         * The learnt probe's logit that the post is about illness or injury: the higher of its
         * focus's and the whole post's, since the sign is often told in the story ("he's bleeding
         * from his foot...") and the question only asks "what do I do?".
         */
        TOPIC_HEALTH("topicHealth"),
        /** The share of the nearest taught posts' vote for "not covered". */
        TAUGHT_NONE_VOTE("taughtNoneVote"),
        /** The candidate passage's share of that vote. */
        TAUGHT_VOTE("taughtVote"),
        /**
         * How far the focus's similarity to the passage falls below {@link #MEANING_NEAR}, times
         * ten: a hinge that lets the linear decisions refuse a post about something else entirely,
         * however its words or taught neighbours vote.
         */
        MEANING_FAR("meaningFar");

        /** The name in the model file. */
        final String key;

        Signal(String key) {
            this.key = key;
        }
    }

    /** Below this similarity of focus and passage, {@link Signal#MEANING_FAR} grows. */
    static final double MEANING_NEAR = 0.3;

    static final List<String> NAMES = Arrays.stream(Signal.values()).map(s -> s.key).toList();

    private final double[] values;

    private Signals(double[] values) {
        this.values = values;
    }

    /** Signals in {@link #NAMES}' order, as the trainer keeps them. */
    static Signals of(double[] x) {
        if (x.length != NAMES.size())
            throw new IllegalArgumentException(
                    x.length + " values for " + NAMES.size() + " signals");
        return new Signals(x.clone());
    }

    static Builder builder() {
        return new Builder();
    }

    double get(Signal signal) {
        return values[signal.ordinal()];
    }

    double healthCues() {
        return get(Signal.HEALTH_CUES);
    }

    double otherAnimal() {
        return get(Signal.OTHER_ANIMAL);
    }

    /** The values in {@link #NAMES}' order. */
    double[] values() {
        return values.clone();
    }

    /** Sets each signal by name; those never set are 0, and the derived one is computed. */
    static final class Builder {
        private final double[] values = new double[Signal.values().length];

        private Builder() {}

        Builder set(Signal signal, double value) {
            values[signal.ordinal()] = value;
            return this;
        }

        Builder set(Signal signal, boolean value) {
            return set(signal, value ? 1 : 0);
        }

        Signals build() {
            values[Signal.MEANING_FAR.ordinal()] =
                    10 * Math.max(0, MEANING_NEAR - values[Signal.SEMANTIC.ordinal()]);
            return new Signals(values.clone());
        }
    }
}
