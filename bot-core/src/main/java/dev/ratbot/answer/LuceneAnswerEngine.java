package dev.ratbot.answer;

import dev.ratbot.knowledge.Block;
import dev.ratbot.knowledge.KnowledgePack;
import dev.ratbot.knowledge.Section;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The answer engine over an in-memory Lucene index of one knowledge pack. Build it once with
 * {@link #build(KnowledgePack)}; it is immutable and thread-safe afterwards.
 *
 * <p>How a question is answered:
 * <ol>
 *   <li>Clean-up and spelling: control characters dropped, the text cut to {@value #MAX_QUESTION_CHARS} characters,
 *       misspelt words rewritten to the nearest word the engine knows.</li>
 *   <li>Concepts: English analysis plus the curated synonym graph; each word with its synonyms is one concept.</li>
 *   <li>Retrieval: BM25 over the section's own title, the titles above it, the passage and the whole section,
 *       one weighted synonym query per concept and field.</li>
 *   <li>Coverage: for the best hits, which of the question's distinctive concepts (those that say what the
 *       question is about, not "rat" or "how") occur in the passage or its section, weighted by rarity. A rat
 *       question the guide does not cover (life span, vets, grapes) scores like a real one but leaves a distinctive
 *       concept uncovered; that, not the raw score, is what makes the engine decline.</li>
 *   <li>The best passage by score and coverage answers when its confidence (coverage times a saturating
 *       function of the score) reaches the calibrated threshold ({@link Weights}); otherwise the engine declines and suggests the sections
 *       that came closest.</li>
 * </ol>
 */
public final class LuceneAnswerEngine implements AnswerEngine {
    private static final Logger LOG = LoggerFactory.getLogger(LuceneAnswerEngine.class);

    /** Longer questions are cut: no real question needs more, and it bounds the work per question. */
    static final int MAX_QUESTION_CHARS = 500;
    /** Answers are at most about this long (a block longer than this is shortened at a sentence or item). */
    static final int MAX_ANSWER_CHARS = 700;
    private static final int CANDIDATES = 24;
    private static final int MAX_RELATED = 3;
    /** Weight of a concept in a "when ..." clause after the question's topic: circumstance, not topic. */
    private static final double SECONDARY = 0.5;
    /** Rank factor for a passage of signs (or under a "How to Tell if" heading) when the question asks how to tell. */
    private static final double SIGNS_FOR_TELLING = 1.3;
    /** A clear winner's score is at least this many times the best score of any other section... */
    private static final double CLEAR_LEAD = 1.6;
    /** ...and its confidence at least this, though below the threshold. */
    private static final double CLEAR_FLOOR = 0.40;
    private static final java.util.regex.Pattern PRONOUN =
            java.util.regex.Pattern.compile("(?i)\\b(he|him|his|she|her|hers|they|them|their|it|its|i|me|my|mine|we|us|our|ours)\\b");
    private static final java.util.regex.Pattern PET = java.util.regex.Pattern.compile("(?i)\\bpets?\\b");

    private final KnowledgePack pack;
    private final GuideAnalysis analysis;
    private final PassageIndex index;
    private final QuestionReader reader;
    private final List<SectionRef> topics;
    private final TopicSuggester suggester;

    private final Weights weights;

    LuceneAnswerEngine(KnowledgePack pack, Weights weights) {
        this.pack = pack;
        this.weights = weights;
        this.analysis = GuideAnalysis.load();
        this.index = PassageIndex.build(pack, analysis, MAX_ANSWER_CHARS, weights.lengthNorm());
        this.reader = new QuestionReader(analysis);
        this.topics = pack.sections().stream().map(s -> new SectionRef(s.id(), s.title())).toList();
        this.suggester = new TopicSuggester(pack.sections());
    }

    /** Indexes the pack in memory and returns an engine over it. */
    public static LuceneAnswerEngine build(KnowledgePack pack) {
        return new LuceneAnswerEngine(pack, Weights.DEFAULT);
    }

    @Override
    public Answer answer(String question) {
        String q = question == null ? "" : question;
        try {
            return answerOrDecline(q);
        } catch (RuntimeException e) {
            // Never let one odd question break a conversation: log it and decline.
            LOG.warn("answering failed; declining instead (question of {} chars)", q.length(), e);
            return decline(q, 0, List.of());
        }
    }

    private Answer answerOrDecline(String question) {
        String cleaned = clean(question);
        if (cleaned.isBlank()) return decline(question, 0, List.of());
        String corrected = index.spelling.correct(cleaned);
        List<Concept> concepts = reader.read(corrected);
        if (concepts.isEmpty()) return decline(question, 0, List.of());
        if (aboutAnotherAnimal(concepts)) return decline(question, 0, List.of());
        // Intents are read from the corrected text: "best treets" asks for kinds as much as "best treats".
        List<Hit> hits = search(concepts, corrected);
        if (hits.isEmpty()) return decline(question, 0, List.of());
        Hit best = hits.get(0);
        if (best.confidence() < weights.threshold() && !clearWinner(hits, concepts, corrected)) {
            // Suggest only sections that share something distinctive with the question, not ones that merely say "rat".
            return decline(question, best.confidence(), closest(hits));
        }
        PassageIndex.Passage passage = index.passages.get(best.doc());
        if (Intent.asksQuantity(corrected) && !givesQuantityOf(passage.text(), concepts, corrected)) {
            // "How many rats can I keep" is answered only by a passage that gives some number; a near passage
            // that names the topic but no quantity would be confidently wrong.
            return decline(question, Math.min(best.confidence(), weights.threshold() - 0.01), closest(hits));
        }
        return new Answer(question, true, Passages.fit(passage.blocks(), MAX_ANSWER_CHARS),
                Optional.of(ref(best.section())), Optional.of(pack.attribution()), best.confidence(), related(hits, best.section()));
    }

    /**
     * Whether the best passage wins so clearly that a long, chatty message should not be declined for its chat: its
     * score is well ahead of every other section's, its confidence is near the threshold, and nothing the question
     * names is a word the pack never uses (a care topic such as "vet", or a rare word), the surest sign of a question
     * the guide does not answer. Story words the pack uses elsewhere ("home", "last week") then no longer dilute it.
     */
    private boolean clearWinner(List<Hit> hits, List<Concept> concepts, String question) {
        Hit best = hits.get(0);
        if (best.confidence() < CLEAR_FLOOR) return false;
        double runnerUp = 0;
        for (Hit h : hits) if (h.section() != best.section()) runnerUp = Math.max(runnerUp, h.score());
        if (best.score() < CLEAR_LEAD * runnerUp) return false;
        boolean aboutAPet = aboutAPet(concepts, question);
        for (Concept c : concepts) {
            if (c.generic() || c.terms().keySet().stream().anyMatch(t -> index.df(t) > 0)) continue;
            if (!(c.everyday() && aboutAPet)) return false;
        }
        return true;
    }

    /**
     * Whether a passage gives a number of something the question asks about: a measure with its unit ("2ft"), or
     * a number followed by a word the question uses for its topic ("two weeks" for "how many weeks"), not by "rats",
     * which every question names ("for two rats" says how big a cage is, not how many rats to keep).
     */
    private boolean givesQuantityOf(String text, List<Concept> concepts, String question) {
        if (Intent.MEASURE.matcher(text).find()) return true;
        if (Intent.ASKS_FREQUENCY.matcher(question).find() && Intent.FREQUENCY.matcher(text).find()) return true;
        java.util.regex.Matcher m = Intent.COUNTED.matcher(text);
        while (m.find()) {
            for (String stem : analysis.stems(m.group(2))) {
                if (analysis.isGeneric(stem)) continue;
                for (Concept c : concepts) if (!c.generic() && c.terms().containsKey(stem)) return true;
            }
        }
        return false;
    }

    /** Sections to suggest on a decline: only those sharing something distinctive with the question, not just "rat". */
    private List<SectionRef> closest(List<Hit> hits) {
        return hits.stream().filter(h -> h.coverage() > 0).map(Hit::section).distinct().limit(MAX_RELATED).map(this::ref).toList();
    }

    /**
     * A candidate passage.
     *
     * @param coverage   share of the question's distinctive concepts found in the passage or its section (for answering)
     * @param focus      the same with concepts found only elsewhere in the section counting little (for choosing)
     */
    record Hit(int doc, int section, double score, double coverage, double focus, double confidence, double rank) {
    }

    /** The candidates, best first, each with its coverage and confidence. Package-private for the quality tests. */
    List<Hit> search(List<Concept> concepts) {
        return search(concepts, "");
    }

    /** Whether the question names another animal ("my dog", "a kitten") and never the pack's own. */
    private boolean aboutAnotherAnimal(List<Concept> concepts) {
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
     * Whether the question is about someone's pet: it names the pack's animal or refers to an owner or an animal
     * ("my", "he", "them"), or it says "pet" and names something specific the pack covers. Only then are
     * everyday words the pack lacks read as chat around it; "what is the boiling point of water" gets no such leeway.
     */
    private boolean aboutAPet(List<Concept> concepts, String question) {
        for (Concept c : concepts) for (String t : c.terms().keySet()) if (analysis.isOwnAnimal(t)) return true;
        if (PRONOUN.matcher(question).find()) return true;
        // "Is bedding from the pet store ok" is about a pet when it also names something specific the pack covers;
        // "what time does the pet store close" names only everyday words and gets no leeway.
        return PET.matcher(question).find() && concepts.stream().anyMatch(c -> !c.generic() && !c.everyday()
                && c.terms().keySet().stream().anyMatch(t -> index.df(t) > 0));
    }

    List<Hit> search(List<Concept> concepts, String question) {
        try {
            TopDocs top = index.searcher.search(query(concepts), CANDIDATES);
            List<ScoreDoc> found = new ArrayList<>();
            for (ScoreDoc sd : top.scoreDocs) if (sd.doc < index.passages.size()) found.add(sd);
            if (found.isEmpty()) return List.of();
            int[] docs = found.stream().mapToInt(sd -> sd.doc).toArray();
            double[][] coverage = coverage(concepts, docs, aboutAPet(concepts, question));
            boolean wantsAdvice = Intent.wantsAdvice(question);
            boolean asksMeaning = Intent.asksMeaning(question);
            boolean asksForKinds = Intent.asksForKinds(question);
            boolean asksSigns = Intent.asksSigns(question);
            List<Hit> hits = new ArrayList<>(docs.length);
            for (int i = 0; i < docs.length; i++) {
                float score = found.get(i).score;
                double scoreFactor = weights.scoreFloor() + (1 - weights.scoreFloor()) * score / (score + weights.scoreHalf());
                double confidence = clamp(coverage[0][i] * scoreFactor);
                int section = index.passages.get(docs[i]).section();
                double focus = coverage[1][i];
                double rank = score * (0.1 + focus) * (0.1 + focus) * (1 - weights.earlier() * lateness(docs[i]))
                        * (wantsAdvice && index.describesSigns(docs[i]) ? weights.signsForAdvice() : 1)
                        * (asksMeaning && index.passages.get(docs[i]).interprets() ? weights.meaning() : 1)
                        * (asksForKinds && index.passages.get(docs[i]).enumerates() ? weights.examples() : 1)
                        * (asksSigns && index.describesSigns(docs[i]) ? SIGNS_FOR_TELLING : 1);
                hits.add(new Hit(docs[i], section, score, coverage[0][i], focus, confidence, rank));
            }
            hits.sort(Comparator.comparingDouble(Hit::rank).reversed());
            return hits;
        } catch (IOException e) {
            throw new IllegalStateException("in-memory index read failed", e);
        }
    }

    /**
     * How far into the pack a passage is, from 0 to 1: guides explain a topic where it first comes up and only
     * mention it later. FAQ answers are the exception: they come last but are answers by design.
     */
    private double lateness(int doc) {
        int section = index.passages.get(doc).section();
        return index.sections.get(section).faq() ? 0 : doc / (double) index.passages.size();
    }

    private Query query(List<Concept> concepts) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        for (Concept c : concepts) {
            // A generic word ("where") weighs little, but what it stands for ("position", "area") counts in full.
            // Terms the pack never uses cannot match; leaving them out saves most of the query's term lookups.
            Map<String, Float> terms = new HashMap<>();
            c.terms().forEach((t, w) -> {
                if (index.df(t) > 0) terms.put(t, w);
            });
            if (terms.isEmpty()) continue;
            float weight = 1f;
            if (c.generic()) {
                boolean specific = terms.keySet().stream().anyMatch(t -> !analysis.isGeneric(t));
                if (specific) {
                    terms.replaceAll((t, w) -> analysis.isGeneric(t) ? w * weights.generic() : w);
                } else {
                    weight = weights.generic();
                }
            }
            all.add(fieldQuery(PassageIndex.TITLE, terms, weights.title() * weight), BooleanClause.Occur.SHOULD);
            all.add(fieldQuery(PassageIndex.PATH, terms, weights.path() * weight), BooleanClause.Occur.SHOULD);
            all.add(fieldQuery(PassageIndex.BODY, terms, weights.body() * weight), BooleanClause.Occur.SHOULD);
            all.add(fieldQuery(PassageIndex.CONTEXT, terms, weights.context() * weight), BooleanClause.Occur.SHOULD);
            // A passage in the owner's own words beats one that only matches a synonym.
            float exact = weights.exact() * (c.generic() ? weights.generic() : 1f);
            if (index.df(c.word()) > 0) {
                all.add(new BoostQuery(new TermQuery(new Term(PassageIndex.BODY, c.word())), exact), BooleanClause.Occur.SHOULD);
            }
        }
        return all.build();
    }

    private static Query fieldQuery(String field, Map<String, Float> terms, float boost) {
        SynonymQuery.Builder b = new SynonymQuery.Builder(field);
        for (Map.Entry<String, Float> t : terms.entrySet()) b.addTerm(new Term(field, t.getKey()), t.getValue());
        return new BoostQuery(b.build(), boost);
    }

    /**
     * For each candidate, the rarity-weighted share of the question's distinctive concepts that it covers: [0] counts
     * a concept found anywhere in the passage's section (its titles and text), [1] mainly those in the passage itself.
     * A concept the pack never mentions weighs double: it is the surest sign of a question the guide does not answer.
     */
    private double[][] coverage(List<Concept> concepts, int[] docs, boolean aboutAPet) {
        double[][] covered = new double[2][docs.length];
        double total = 0;
        // A generic word that stands for specific ones ("start" for "first steps") counts where it is found, never against.
        double[] bonus = new double[docs.length];
        int n = index.passages.size();
        for (Concept c : concepts) {
            boolean bonusOnly = c.generic() && c.terms().keySet().stream().anyMatch(t -> !analysis.isGeneric(t) && index.df(t) > 0);
            if (c.generic() && !bonusOnly) continue;
            int df = 0;
            int[] ids = c.terms().keySet().stream().mapToInt(index::termId).filter(id -> id >= 0).toArray();
            for (String t : c.terms().keySet()) df += index.df(t);
            df = Math.min(df, n);
            // Even the pack's commonest topic words ("bond") say something, unlike the chat around a question.
            double idf = Math.max(weights.idfFloor(), Math.log(1 + (n - df + 0.5) / (df + 0.5)));
            if (bonusOnly) {
                int[] specific = c.terms().keySet().stream().filter(t -> !analysis.isGeneric(t)).mapToInt(index::termId)
                        .filter(id -> id >= 0).toArray();
                for (int i = 0; i < docs.length; i++) {
                    for (int id : specific) {
                        if (index.passageHas(docs[i], id)) {
                            bonus[i] += idf * weights.generic();
                            break;
                        }
                    }
                }
                continue;
            }
            if (df == 0) {
                // A care topic or a rare word the pack never uses is the surest sign of a question it does not
                // answer; an everyday word it never uses ("breakfast", "weekend") is mostly chat around the question.
                total += (c.everyday() && aboutAPet ? weights.everyday() : weights.unknown()) * idf * (c.secondary() ? SECONDARY : 1);
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
                covered[0][i] += idf * (inPassage ? 1 : inSection ? weights.sectionOnly() : 0);
                covered[1][i] += idf * (inPassage ? 1 : inSection ? weights.focusSection() : 0);
            }
        }
        if (total == 0) return covered;
        for (double[] row : covered) for (int i = 0; i < docs.length; i++) row[i] = (row[i] + bonus[i]) / (total + bonus[i]);
        return covered;
    }

    private List<SectionRef> related(List<Hit> hits, int answered) {
        Set<Integer> picked = new LinkedHashSet<>();
        for (Hit h : hits) {
            if (picked.size() >= MAX_RELATED) break;
            if (h.section() != answered && h.coverage() > 0) picked.add(h.section());
        }
        // Top up with neighbours of the answer's section: the natural next things to read.
        for (int s = 0; s < index.sections.size() && picked.size() < MAX_RELATED; s++) {
            if (s != answered && index.parents[s] == index.parents[answered] && !index.sections.get(s).faq()) picked.add(s);
        }
        return picked.stream().map(this::ref).toList();
    }

    private Answer decline(String question, double confidence, List<SectionRef> related) {
        return new Answer(question, false, List.of(), Optional.empty(), Optional.empty(), clamp(confidence), related);
    }

    private SectionRef ref(int section) {
        Section s = index.sections.get(section);
        return new SectionRef(s.id(), s.title());
    }

    @Override
    public Optional<Answer> section(String sectionId) {
        if (sectionId == null) return Optional.empty();
        for (int s = 0; s < index.sections.size(); s++) {
            Section section = index.sections.get(s);
            if (!section.id().equals(sectionId)) continue;
            List<Block> blocks = Passages.opening(section, index.sections, s, MAX_ANSWER_CHARS);
            List<SectionRef> next = new ArrayList<>();
            for (int c = 0; c < index.sections.size() && next.size() < MAX_RELATED; c++) {
                if (index.parents[c] == s) next.add(ref(c));
            }
            return Optional.of(new Answer(section.title(), true, blocks, Optional.of(ref(s)),
                    Optional.of(pack.attribution()), 1.0, next));
        }
        return Optional.empty();
    }

    @Override
    public List<SectionRef> topics() {
        return topics;
    }

    /**
     * Titles that complete what was typed; when fewer than {@code max} do and the text reads like the start of a
     * question ("my rat bites"), the titles of the sections that would answer it follow.
     */
    @Override
    public List<String> suggest(String prefix, int max) {
        try {
            String typed = prefix == null ? "" : prefix;
            List<String> out = new ArrayList<>(suggester.suggest(typed, max));
            int limit = Math.min(max, TopicSuggester.MAX);
            if (out.size() < limit && typed.strip().length() >= 3) {
                List<Concept> concepts = reader.read(index.spelling.correct(clean(typed)));
                for (Hit h : concepts.isEmpty() ? List.<Hit>of() : search(concepts)) {
                    if (out.size() >= limit) break;
                    String title = index.sections.get(h.section()).title();
                    if (h.coverage() > 0 && !out.contains(title)) out.add(title);
                }
            }
            return out;
        } catch (RuntimeException e) {
            LOG.warn("suggesting failed for a prefix of {} chars", prefix == null ? 0 : prefix.length(), e);
            return List.of();
        }
    }

    /** Control characters become spaces and the text is cut, so analysis time is bounded by the input's length. */
    static String clean(String question) {
        String cut = question.length() > MAX_QUESTION_CHARS ? question.substring(0, MAX_QUESTION_CHARS) : question;
        StringBuilder out = new StringBuilder(cut.length());
        for (int i = 0; i < cut.length(); i++) {
            char ch = cut.charAt(i);
            out.append(Character.isISOControl(ch) || Character.getType(ch) == Character.FORMAT ? ' ' : ch);
        }
        return out.toString();
    }

    private static double clamp(double v) {
        return Double.isNaN(v) ? 0 : Math.max(0, Math.min(1, v));
    }
}
