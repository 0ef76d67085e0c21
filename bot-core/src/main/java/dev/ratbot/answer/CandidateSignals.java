package dev.ratbot.answer;

import java.util.Arrays;
import java.util.List;

/**
 * What speaks for one candidate passage of a question, by words and by meaning: the inputs of the
 * learnt ranking that picks the passage to answer with (see {@link DecisionModel#rankScore}). Each
 * number is a {@link Rank}, named beside its meaning and set by name ({@link #builder()}).
 */
// The vector's order is the enum's declaration order by design (NAMES, the model's weights).
@SuppressWarnings("EnumOrdinal")
final class CandidateSignals {

    /** One number the ranking weighs, with the name it has in {@code decision-model.properties}. */
    enum Rank {
        /** 1/(1 + place) in the keyword ranking, 0 when absent from it. */
        KEYWORD_RANK("keywordRank"),
        /** Its keyword rank score over the best one (0 when absent). */
        KEYWORD_RELATIVE("keywordRelative"),
        /** Coverage of the question's distinctive concepts times a saturating function of BM25. */
        KEYWORD_CONFIDENCE("keywordConfidence"),
        /** The share of those concepts found in the passage itself. */
        FOCUS("focus"),
        /** 1/(1 + place) in the meaning ranking, 0 when absent from it. */
        MEANING_RANK("meaningRank"),
        /** Cosine similarity of the question's focus and the passage. */
        SEMANTIC("semantic"),
        /** That similarity minus the best passage's. */
        SEMANTIC_GAP("semanticGap"),
        /** 1 when the keyword ranking's first passage is in the same section. */
        SECTION_LEADS("sectionLeads"),
        /** 1 when the meaning ranking's first passage is in the same section. */
        SECTION_MEANS("sectionMeans"),
        /** 1 for a passage of the pack's FAQ. */
        FAQ("faq"),
        /** Similarity of the nearest taught post this passage answered (0 when none did). */
        EXEMPLAR("exemplar"),
        /** That minus the nearest taught post's of any passage. */
        EXEMPLAR_GAP("exemplarGap"),
        /**
         * 1/(1 + place) in the keyword ranking of the whole post, not only its focus (0 when
         * absent).
         */
        WHOLE_RANK("wholeRank"),
        /** Its rank score there over the best one. */
        WHOLE_RELATIVE("wholeRelative"),
        /** Cosine similarity of the whole post (not only its focus) and the passage. */
        WHOLE_MEANING("wholeMeaning"),
        /** The passage's share of the nearest taught posts' vote. */
        EXEMPLAR_VOTE("exemplarVote"),
        /** Its section's share of that vote. */
        SECTION_VOTE("sectionVote"),
        /** The best cosine similarity of the focus with any passage of its section. */
        SECTION_MEANING("sectionMeaning"),
        /** What {@link SectionProbe} says of its section: log-probability over the uniform one. */
        SECTION_PROBE("sectionProbe"),
        /** The same for the whole post's vector (the focus's for a post that is all question). */
        SECTION_PROBE_WHOLE("sectionProbeWhole");

        /** The name in the model file. */
        final String key;

        Rank(String key) {
            this.key = key;
        }
    }

    static final List<String> NAMES = Arrays.stream(Rank.values()).map(s -> s.key).toList();

    private final double[] values;

    private CandidateSignals(double[] values) {
        this.values = values;
    }

    static Builder builder() {
        return new Builder();
    }

    double get(Rank signal) {
        return values[signal.ordinal()];
    }

    /** The values in {@link #NAMES}' order. */
    double[] values() {
        return values.clone();
    }

    /** Sets each signal by name; those never set are 0. */
    static final class Builder {
        private final double[] values = new double[Rank.values().length];

        private Builder() {}

        Builder set(Rank signal, double value) {
            values[signal.ordinal()] = value;
            return this;
        }

        Builder set(Rank signal, boolean value) {
            return set(signal, value ? 1 : 0);
        }

        CandidateSignals build() {
            return new CandidateSignals(values.clone());
        }
    }
}
