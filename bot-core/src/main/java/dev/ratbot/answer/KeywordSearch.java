package dev.ratbot.answer;

import dev.ratbot.answer.Weights.Weight;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/**
 * The engine's ranking by words: a question's {@link Concept}s become one BM25 query over the
 * passages' titles, text and section, and each candidate gets the share of the question's
 * distinctive concepts it covers, which says whether the guide answers the question at all. The
 * engine fuses this ranking with the one by meaning; this class holds no vectors.
 */
final class KeywordSearch {
    /**
     * Weight of a concept in a "when ..." clause after the question's topic: circumstance, not
     * topic.
     */
    private static final double SECONDARY = 0.5;

    /**
     * Rank factor for a passage of signs (or under a "How to Tell if" heading) when the question
     * asks how to tell.
     */
    private static final double SIGNS_FOR_TELLING = 1.3;

    private static final java.util.regex.Pattern PRONOUN =
            java.util.regex.Pattern.compile(
                    "(?i)\\b(he|him|his|she|her|hers|they|them|their|it|its|i|me|my|mine|we|us|our|ours)\\b");
    private static final java.util.regex.Pattern PET =
            java.util.regex.Pattern.compile("(?i)\\bpets?\\b");

    private final PassageIndex index;
    private final GuideAnalysis analysis;
    private final Weights weights;
    private final Intent intent;

    KeywordSearch(PassageIndex index, GuideAnalysis analysis, Weights weights, Intent intent) {
        this.index = index;
        this.analysis = analysis;
        this.weights = weights;
        this.intent = intent;
    }

    /**
     * Whether a passage gives a number of something the question asks about: a measure with its
     * unit ("2ft"), or a number followed by a word the question uses for its topic ("two weeks" for
     * "how many weeks"), not by "rats", which every question names ("for two rats" says how big a
     * cage is, not how many rats to keep).
     */
    boolean givesQuantityOf(String text, List<Concept> concepts, String question) {
        if (Intent.MEASURE.matcher(text).find()) return true;
        if (Intent.ASKS_FREQUENCY.matcher(question).find() && Intent.FREQUENCY.matcher(text).find())
            return true;
        java.util.regex.Matcher m = Intent.COUNTED.matcher(text);
        while (m.find()) {
            for (String stem : analysis.stems(m.group(2))) {
                if (analysis.isGeneric(stem)) continue;
                for (Concept c : concepts)
                    if (!c.generic() && c.terms().containsKey(stem)) return true;
            }
        }
        return false;
    }

    /**
     * A candidate passage.
     *
     * @param coverage share of the question's distinctive concepts found in the passage or its
     *     section (for answering)
     * @param focus the same with concepts found only elsewhere in the section counting little (for
     *     choosing)
     */
    record Hit(
            int doc,
            int section,
            double score,
            double coverage,
            double focus,
            double confidence,
            double rank) {}

    /**
     * Whether the question names another animal ("my dog", "a kitten") and never the pack's own.
     */
    boolean aboutAnotherAnimal(List<Concept> concepts) {
        boolean other = false;
        for (Concept c : concepts) {
            for (Map.Entry<String, Float> t : c.terms().entrySet()) {
                if (analysis.isOwnAnimal(t.getKey())) return false;
                other |= t.getValue() == 1f && analysis.isOtherAnimal(t.getKey());
            }
        }
        return other;
    }

    /**
     * Whether the question is about someone's pet: it names the pack's animal or refers to an owner
     * or an animal ("my", "he", "them"), or it says "pet" and names something specific the pack
     * covers. Only then are everyday words the pack lacks read as chat around it; "what is the
     * boiling point of water" gets no such leeway.
     */
    private boolean aboutAPet(List<Concept> concepts, String question) {
        for (Concept c : concepts)
            for (String t : c.terms().keySet()) if (analysis.isOwnAnimal(t)) return true;
        if (PRONOUN.matcher(question).find()) return true;
        // "Is bedding from the pet store ok" is about a pet when it also names something specific
        // the pack covers;
        // "what time does the pet store close" names only everyday words and gets no leeway.
        return PET.matcher(question).find()
                && concepts.stream()
                        .anyMatch(
                                c ->
                                        !c.generic()
                                                && !c.everyday()
                                                && c.terms().keySet().stream()
                                                        .anyMatch(t -> index.df(t) > 0));
    }

    /**
     * The passages that match the question's concepts, best first, each with its coverage and
     * confidence.
     */
    List<Hit> search(List<Concept> concepts, String question) {
        try {
            TopDocs top = index.searcher.search(query(concepts), LuceneAnswerEngine.CANDIDATES);
            List<ScoreDoc> found = new ArrayList<>();
            for (ScoreDoc sd : top.scoreDocs) if (sd.doc < index.passages.size()) found.add(sd);
            if (found.isEmpty()) return List.of();
            int[] docs = found.stream().mapToInt(sd -> sd.doc).toArray();
            double[][] coverage = coverage(concepts, docs, aboutAPet(concepts, question));
            boolean wantsAdvice = Intent.wantsAdvice(question);
            boolean asksMeaning = Intent.asksMeaning(question);
            boolean asksForKinds = intent.asksForKinds(question);
            boolean asksSigns = Intent.asksSigns(question);
            List<Hit> hits = new ArrayList<>(docs.length);
            for (int i = 0; i < docs.length; i++) {
                float score = found.get(i).score;
                double scoreFactor =
                        weights.get(Weight.SCORE_FLOOR)
                                + (1 - weights.get(Weight.SCORE_FLOOR))
                                        * score
                                        / (score + weights.get(Weight.SCORE_HALF));
                double confidence = clamp(coverage[0][i] * scoreFactor);
                int section = index.passages.get(docs[i]).section();
                double focus = coverage[1][i];
                double rank =
                        score
                                * (0.1 + focus)
                                * (0.1 + focus)
                                * (1 - weights.get(Weight.EARLIER) * lateness(docs[i]))
                                * (wantsAdvice && index.describesSigns(docs[i])
                                        ? weights.get(Weight.SIGNS_FOR_ADVICE)
                                        : 1)
                                * (asksMeaning && index.interprets(docs[i])
                                        ? weights.get(Weight.MEANING)
                                        : 1)
                                * (asksForKinds && index.enumerates(docs[i])
                                        ? weights.get(Weight.EXAMPLES)
                                        : 1)
                                * (asksSigns && index.describesSigns(docs[i])
                                        ? SIGNS_FOR_TELLING
                                        : 1);
                hits.add(new Hit(docs[i], section, score, coverage[0][i], focus, confidence, rank));
            }
            hits.sort(Comparator.comparingDouble(Hit::rank).reversed());
            return hits;
        } catch (IOException e) {
            throw new IllegalStateException("in-memory index read failed", e);
        }
    }

    /**
     * How far into the pack a passage is, from 0 to 1: guides explain a topic where it first comes
     * up and only mention it later. FAQ answers are the exception: they come last but are answers
     * by design.
     */
    private double lateness(int doc) {
        int section = index.passages.get(doc).section();
        return index.sections.get(section).faq() ? 0 : doc / (double) index.passages.size();
    }

    private Query query(List<Concept> concepts) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        for (Concept c : concepts) {
            // A generic word ("where") weighs little, but what it stands for ("position", "area")
            // counts in full.
            // Terms the pack never uses cannot match; leaving them out saves most of the query's
            // term lookups.
            Map<String, Float> terms = new HashMap<>();
            c.terms()
                    .forEach(
                            (t, w) -> {
                                if (index.df(t) > 0) terms.put(t, w);
                            });
            if (terms.isEmpty()) continue;
            float weight = 1f;
            if (c.generic()) {
                boolean specific = terms.keySet().stream().anyMatch(t -> !analysis.isGeneric(t));
                if (specific) {
                    terms.replaceAll(
                            (t, w) ->
                                    analysis.isGeneric(t) ? w * weights.boost(Weight.GENERIC) : w);
                } else {
                    weight = weights.boost(Weight.GENERIC);
                }
            }
            all.add(
                    fieldQuery(PassageIndex.TITLE, terms, weights.boost(Weight.TITLE) * weight),
                    BooleanClause.Occur.SHOULD);
            all.add(
                    fieldQuery(PassageIndex.PATH, terms, weights.boost(Weight.PATH) * weight),
                    BooleanClause.Occur.SHOULD);
            all.add(
                    fieldQuery(PassageIndex.BODY, terms, weights.boost(Weight.BODY) * weight),
                    BooleanClause.Occur.SHOULD);
            all.add(
                    fieldQuery(PassageIndex.CONTEXT, terms, weights.boost(Weight.CONTEXT) * weight),
                    BooleanClause.Occur.SHOULD);
            // A passage in the owner's own words beats one that only matches a synonym.
            float exact =
                    weights.boost(Weight.EXACT)
                            * (c.generic() ? weights.boost(Weight.GENERIC) : 1f);
            if (index.df(c.word()) > 0) {
                all.add(
                        new BoostQuery(new TermQuery(new Term(PassageIndex.BODY, c.word())), exact),
                        BooleanClause.Occur.SHOULD);
            }
        }
        return all.build();
    }

    private static Query fieldQuery(String field, Map<String, Float> terms, float boost) {
        SynonymQuery.Builder b = new SynonymQuery.Builder(field);
        for (Map.Entry<String, Float> t : terms.entrySet())
            b.addTerm(new Term(field, t.getKey()), t.getValue());
        return new BoostQuery(b.build(), boost);
    }

    /**
     * For each candidate, the rarity-weighted share of the question's distinctive concepts that it
     * covers: [0] counts a concept found anywhere in the passage's section (its titles and text),
     * [1] mainly those in the passage itself. A concept the pack never mentions weighs double: it
     * is the surest sign of a question the guide does not answer.
     */
    private double[][] coverage(List<Concept> concepts, int[] docs, boolean aboutAPet) {
        double[][] covered = new double[2][docs.length];
        double total = 0;
        // A generic word that stands for specific ones ("start" for "first steps") counts where it
        // is found, never against.
        double[] bonus = new double[docs.length];
        int n = index.passages.size();
        for (Concept c : concepts) {
            boolean bonusOnly =
                    c.generic()
                            && c.terms().keySet().stream()
                                    .anyMatch(t -> !analysis.isGeneric(t) && index.df(t) > 0);
            if (c.generic() && !bonusOnly) continue;
            int df = 0;
            int[] ids =
                    c.terms().keySet().stream()
                            .mapToInt(index::termId)
                            .filter(id -> id >= 0)
                            .toArray();
            for (String t : c.terms().keySet()) df += index.df(t);
            df = Math.min(df, n);
            // Even the pack's commonest topic words ("bond") say something, unlike the chat around
            // a question.
            double idf =
                    Math.max(
                            weights.get(Weight.IDF_FLOOR),
                            Math.log(1 + (n - df + 0.5) / (df + 0.5)));
            if (bonusOnly) {
                int[] specific =
                        c.terms().keySet().stream()
                                .filter(t -> !analysis.isGeneric(t))
                                .mapToInt(index::termId)
                                .filter(id -> id >= 0)
                                .toArray();
                for (int i = 0; i < docs.length; i++) {
                    for (int id : specific) {
                        if (index.passageHas(docs[i], id)) {
                            bonus[i] += idf * weights.get(Weight.GENERIC);
                            break;
                        }
                    }
                }
                continue;
            }
            if (df == 0) {
                // A care topic or a rare word the pack never uses is the surest sign of a question
                // it does not
                // answer; an everyday word it never uses ("breakfast", "weekend") is mostly chat
                // around the question.
                total +=
                        (c.everyday() && aboutAPet
                                        ? weights.get(Weight.EVERYDAY)
                                        : weights.get(Weight.UNKNOWN))
                                * idf
                                * (c.secondary() ? SECONDARY : 1);
                continue;
            }
            if (c.secondary()) idf *= SECONDARY;
            total += idf;
            for (int i = 0; i < docs.length; i++) {
                int section = index.passages.get(docs[i]).section();
                boolean inPassage = false;
                boolean inSection = false;
                for (int id : ids) {
                    inPassage |= index.passageHas(docs[i], id);
                    inSection |= inPassage || index.sectionHas(section, id);
                    if (inPassage) break;
                }
                covered[0][i] +=
                        idf * (inPassage ? 1 : inSection ? weights.get(Weight.SECTION_ONLY) : 0);
                covered[1][i] +=
                        idf * (inPassage ? 1 : inSection ? weights.get(Weight.FOCUS_SECTION) : 0);
            }
        }
        if (total == 0) return covered;
        for (double[] row : covered)
            for (int i = 0; i < docs.length; i++) row[i] = (row[i] + bonus[i]) / (total + bonus[i]);
        return covered;
    }

    private static double clamp(double v) {
        return Double.isNaN(v) ? 0 : Math.max(0, Math.min(1, v));
    }
}
