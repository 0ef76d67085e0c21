package dev.ratbot.answer;

/**
 * The ranking's hand-calibrated numbers in one place, each named beside its default and its
 * meaning, so that a calibration run changes one by name ({@link #with}). (The answer / decline /
 * health decisions are learnt instead: {@link DecisionModel}.)
 */
// The array's order is the enum's declaration order by design.
@SuppressWarnings("EnumOrdinal")
final class Weights {

    /** One calibrated number: what it tunes and its default. */
    enum Weight {
        // How the keyword query weighs the index's fields.
        /** Boost of the section's own heading (FAQ questions are headings). */
        TITLE(2.5),
        /** Boost of the headings above it. */
        PATH(0.6),
        /** Boost of the passage text. */
        BODY(1.5),
        /** Boost of the whole section's text. */
        CONTEXT(0.6),
        /** Extra boost for the question's own word in the passage (over its synonyms). */
        EXACT(0.5),
        /** Weight of concepts that say nothing about the topic ("rat", "how"). */
        GENERIC(0.25),
        /** BM25's b: how much longer passages are discounted. */
        LENGTH_NORM(0.75),

        // How much of the question's core a passage covers.
        /** Credit for a concept found in the section but not in the passage, for answering. */
        SECTION_ONLY(0.85),
        /** The same when choosing between passages. */
        FOCUS_SECTION(0.4),
        /** Weight of a concept the pack never mentions, relative to the rarest one it does. */
        UNKNOWN(2.0),
        /** The same for an everyday word that names no care topic ("breakfast", "weekend"). */
        EVERYDAY(0.1),
        /** The least weight a concept the pack uses can have in coverage, however common. */
        IDF_FLOOR(0.5),

        // How a passage's keyword score becomes its rank.
        /** The rank is coverage times a factor rising from this floor to one with the score. */
        SCORE_FLOOR(0.5),
        /** The score at which that factor is halfway. */
        SCORE_HALF(2.0),
        /** Rank factor for a list of signs when the question asks what to do, not how to tell. */
        SIGNS_FOR_ADVICE(0.85),
        /** Rank factor for a passage that says what a behaviour means, when that is asked. */
        MEANING(1.3),
        /**
         * Rank factor for a passage that names examples (a list, "such as") when kinds are asked.
         */
        EXAMPLES(1.25),
        /** Rank bonus for early passages, where guides explain what they later only mention. */
        EARLIER(0.2);

        final double byDefault;

        Weight(double byDefault) {
            this.byDefault = byDefault;
        }
    }

    static final Weights DEFAULT = new Weights(defaults());

    /** By {@link Weight}'s order: read in the ranking's inner loops, so an array, not a map. */
    private final double[] values;

    private Weights(double[] values) {
        this.values = values;
    }

    private static double[] defaults() {
        Weight[] all = Weight.values();
        double[] out = new double[all.length];
        for (Weight w : all) out[w.ordinal()] = w.byDefault;
        return out;
    }

    double get(Weight weight) {
        return values[weight.ordinal()];
    }

    /** The same as {@link #get} for Lucene's float boosts. */
    float boost(Weight weight) {
        return (float) get(weight);
    }

    /** These weights with one changed, for calibration runs. */
    Weights with(Weight weight, double value) {
        double[] copy = values.clone();
        copy[weight.ordinal()] = value;
        return new Weights(copy);
    }
}
