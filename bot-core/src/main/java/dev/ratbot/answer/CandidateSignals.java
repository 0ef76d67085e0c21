package dev.ratbot.answer;

import java.util.List;

/**
 * What speaks for one candidate passage of a question, by words and by meaning: the inputs of the
 * learnt ranking that picks the passage to answer with (see {@link DecisionModel#rankScore}).
 *
 * @param keywordRank 1/(1 + place) in the keyword ranking, 0 when absent from it
 * @param keywordRelative its keyword rank score over the best one (0 when absent)
 * @param keywordConfidence coverage of the question's distinctive concepts times a saturating
 *     function of BM25
 * @param focus the share of those concepts found in the passage itself
 * @param meaningRank 1/(1 + place) in the meaning ranking, 0 when absent from it
 * @param semantic cosine similarity of the question's focus and the passage
 * @param semanticGap that similarity minus the best passage's
 * @param sectionLeads 1 when the keyword ranking's first passage is in the same section
 * @param sectionMeans 1 when the meaning ranking's first passage is in the same section
 * @param faq 1 for a passage of the pack's FAQ
 * @param exemplar similarity of the nearest taught post this passage answered (0 when none did)
 * @param exemplarGap that minus the nearest taught post's of any passage
 * @param wholeRank 1/(1 + place) in the keyword ranking of the whole post, not only its focus (0
 *     when absent)
 * @param wholeRelative its rank score there over the best one
 * @param wholeMeaning cosine similarity of the whole post (not only its focus) and the passage
 * @param exemplarVote the passage's share of the nearest taught posts' vote
 * @param sectionVote its section's share of that vote
 * @param sectionMeaning the best cosine similarity of the focus with any passage of its section
 */
record CandidateSignals(
        double keywordRank,
        double keywordRelative,
        double keywordConfidence,
        double focus,
        double meaningRank,
        double semantic,
        double semanticGap,
        double sectionLeads,
        double sectionMeans,
        double faq,
        double exemplar,
        double exemplarGap,
        double wholeRank,
        double wholeRelative,
        double wholeMeaning,
        double exemplarVote,
        double sectionVote,
        double sectionMeaning) {

    static final List<String> NAMES =
            List.of(
                    "keywordRank",
                    "keywordRelative",
                    "keywordConfidence",
                    "focus",
                    "meaningRank",
                    "semantic",
                    "semanticGap",
                    "sectionLeads",
                    "sectionMeans",
                    "faq",
                    "exemplar",
                    "exemplarGap",
                    "wholeRank",
                    "wholeRelative",
                    "wholeMeaning",
                    "exemplarVote",
                    "sectionVote",
                    "sectionMeaning");

    double[] values() {
        return new double[] {
            keywordRank,
            keywordRelative,
            keywordConfidence,
            focus,
            meaningRank,
            semantic,
            semanticGap,
            sectionLeads,
            sectionMeans,
            faq,
            exemplar,
            exemplarGap,
            wholeRank,
            wholeRelative,
            wholeMeaning,
            exemplarVote,
            sectionVote,
            sectionMeaning
        };
    }
}
