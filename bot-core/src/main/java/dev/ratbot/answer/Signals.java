package dev.ratbot.answer;

/**
 * The engine's evidence about one question and its best candidate passage: the inputs of the {@link
 * DecisionModel}. Every number is named here, next to its meaning; {@link #NAMES} and {@link
 * #values()} give them in one order for the model and its trainer.
 *
 * @param keywordConfidence coverage of the question's distinctive concepts times a saturating
 *     function of BM25
 * @param keywordScore the candidate's BM25 score, saturated into [0, 1)
 * @param keywordLead how far the keyword ranking's best section leads the next one, log ratio in
 *     [0, 2]
 * @param keywordAgrees 1 when the keyword ranking's first passage is in the candidate's section
 * @param semantic cosine similarity of the question's focus and the candidate passage
 * @param semanticLead that similarity minus the best one of any other section
 * @param semanticAgrees 1 when the meaning ranking's first passage is in the candidate's section
 * @param coverage share of the question's distinctive concepts found in the candidate or its
 *     section
 * @param unknownTopic 1 when the question names a care topic the pack never mentions
 * @param unknownShare share of the question's distinctive concepts the pack never uses
 * @param healthCues signs of illness or injury in the whole post (0 to 3)
 * @param asks 1 when the post has a sentence that asks
 * @param otherAnimal 1 when it names another animal and never the pack's own
 * @param quantityMissing 1 when it asks for a number and the passage gives none of what it asks
 *     about
 * @param length log(1 + words of the post)
 * @param ranking the learnt ranking's probability that the candidate is right
 * @param rankingLead its logit lead over the next candidate (capped at 4)
 * @param taughtCovered similarity of the nearest taught post the guide answers
 * @param taughtUncovered similarity of the nearest taught post it does not
 * @param taughtAgrees similarity of the nearest taught post the candidate answered (0 when none)
 * @param namesAnimal 1 when the post names the pack's animal (or a pet name for it)
 * @param topicCovered the learnt probe's logit that the focus's topic is one the guide covers (from
 *     its vector)
 * @param topicHealth the learnt probe's logit that the focus is about illness or injury
 * @param taughtNoneVote the share of the nearest taught posts' vote for "not covered"
 * @param taughtVote the candidate passage's share of that vote
 */
record Signals(
        double keywordConfidence,
        double keywordScore,
        double keywordLead,
        double keywordAgrees,
        double semantic,
        double semanticLead,
        double semanticAgrees,
        double coverage,
        double unknownTopic,
        double unknownShare,
        double healthCues,
        double asks,
        double otherAnimal,
        double quantityMissing,
        double length,
        double ranking,
        double rankingLead,
        double taughtCovered,
        double taughtUncovered,
        double taughtAgrees,
        double namesAnimal,
        double topicCovered,
        double topicHealth,
        double taughtNoneVote,
        double taughtVote) {

    static final java.util.List<String> NAMES =
            java.util.List.of(
                    "keywordConfidence",
                    "keywordScore",
                    "keywordLead",
                    "keywordAgrees",
                    "semantic",
                    "semanticLead",
                    "semanticAgrees",
                    "coverage",
                    "unknownTopic",
                    "unknownShare",
                    "healthCues",
                    "asks",
                    "otherAnimal",
                    "quantityMissing",
                    "length",
                    "ranking",
                    "rankingLead",
                    "taughtCovered",
                    "taughtUncovered",
                    "taughtAgrees",
                    "namesAnimal",
                    "topicCovered",
                    "topicHealth",
                    "taughtNoneVote",
                    "taughtVote",
                    "meaningFar");

    /**
     * Below this similarity of focus and passage a post is about something else entirely; how far
     * below is the derived signal {@code meaningFar}, which lets the linear decisions refuse such a
     * post however its words or taught neighbours vote.
     */
    static final double MEANING_NEAR = 0.3;

    static Signals of(double[] x) {
        return new Signals(
                x[0], x[1], x[2], x[3], x[4], x[5], x[6], x[7], x[8], x[9], x[10], x[11], x[12],
                x[13], x[14], x[15], x[16], x[17], x[18], x[19], x[20], x[21], x[22], x[23], x[24]);
    }

    double[] values() {
        return new double[] {
            keywordConfidence,
            keywordScore,
            keywordLead,
            keywordAgrees,
            semantic,
            semanticLead,
            semanticAgrees,
            coverage,
            unknownTopic,
            unknownShare,
            healthCues,
            asks,
            otherAnimal,
            quantityMissing,
            length,
            ranking,
            rankingLead,
            taughtCovered,
            taughtUncovered,
            taughtAgrees,
            namesAnimal,
            topicCovered,
            topicHealth,
            taughtNoneVote,
            taughtVote,
            10 * Math.max(0, MEANING_NEAR - semantic)
        };
    }
}
