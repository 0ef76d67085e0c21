package dev.ratbot.answer;

import dev.ratbot.knowledge.Attribution;
import dev.ratbot.knowledge.Block;
import dev.ratbot.knowledge.KnowledgePack;
import dev.ratbot.knowledge.Section;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DocIdSetIterator;
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
 *       function of the score) reaches {@link #THRESHOLD}; otherwise the engine declines and suggests the sections
 *       that came closest.</li>
 * </ol>
 */
public final class LuceneAnswerEngine implements AnswerEngine {
    private static final Logger LOG = LoggerFactory.getLogger(LuceneAnswerEngine.class);

    /** Longer questions are cut: no real question needs more, and it bounds the work per question. */
    static final int MAX_QUESTION_CHARS = 500;
    /** Answers are at most about this long (a block longer than this is shortened at a sentence or item). */
    static final int MAX_ANSWER_CHARS = 700;
    static final double THRESHOLD = 0.5;
    private static final int CANDIDATES = 24;
    private static final int MAX_RELATED = 3;

    private static final float TITLE_BOOST = 2.5f;
    private static final float PATH_BOOST = 0.6f;
    private static final float BODY_BOOST = 1.5f;
    private static final float CONTEXT_BOOST = 0.6f;
    private static final float EXACT_BOOST = 0.5f;
    private static final float GENERIC_WEIGHT = 0.25f;
    /** Coverage of a concept found only elsewhere in the section, not in the passage or its title. */
    private static final double SECTION_ONLY = 0.8;
    /** The confidence is the coverage times a factor that grows from this floor to one with the score. */
    private static final double SCORE_FLOOR = 0.5;
    /** Score at which the score factor is halfway between the floor and one. */
    private static final double SCORE_HALF = 2.0;

    private final KnowledgePack pack;
    private final GuideAnalysis analysis;
    private final PassageIndex index;
    private final QuestionReader reader;
    private final List<SectionRef> topics;
    private final TopicSuggester suggester;

    private LuceneAnswerEngine(KnowledgePack pack) {
        this.pack = pack;
        this.analysis = GuideAnalysis.load();
        this.index = PassageIndex.build(pack, analysis);
        this.reader = new QuestionReader(analysis);
        this.topics = pack.sections().stream().map(s -> new SectionRef(s.id(), s.title())).toList();
        this.suggester = new TopicSuggester(pack.sections());
    }

    /** Indexes the pack in memory and returns an engine over it. */
    public static LuceneAnswerEngine build(KnowledgePack pack) {
        return new LuceneAnswerEngine(pack);
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

    private Answer answerOrDecline(String question) throws RuntimeException {
        String cleaned = clean(question);
        if (cleaned.isBlank()) return decline(question, 0, List.of());
        String corrected = index.spelling.correct(cleaned);
        List<Concept> concepts = reader.read(corrected);
        if (concepts.isEmpty()) return decline(question, 0, List.of());
        List<Hit> hits = search(concepts);
        if (hits.isEmpty()) return decline(question, 0, List.of());
        Hit best = hits.get(0);
        List<SectionRef> related = related(hits, best.section());
        if (best.confidence() < THRESHOLD) return decline(question, best.confidence(), hits.stream().map(Hit::section).distinct().limit(MAX_RELATED).map(this::ref).toList());
        PassageIndex.Passage passage = index.passages.get(best.doc());
        return new Answer(question, true, List.of(Passages.fit(passage.block(), MAX_ANSWER_CHARS)),
                Optional.of(ref(best.section())), Optional.of(pack.attribution()), best.confidence(), related);
    }

    record Hit(int doc, int section, double score, double coverage, double confidence) {
    }

    /** The candidates, best first, each with its coverage and confidence. Package-private for the quality tests. */
    List<Hit> search(List<Concept> concepts) {
        try {
            TopDocs top = index.searcher.search(query(concepts), CANDIDATES);
            if (top.scoreDocs.length == 0) return List.of();
            int[] docs = Arrays.stream(top.scoreDocs).mapToInt(sd -> sd.doc).toArray();
            double[] coverage = coverage(concepts, docs);
            List<Hit> hits = new ArrayList<>(docs.length);
            for (int i = 0; i < docs.length; i++) {
                ScoreDoc sd = top.scoreDocs[i];
                if (sd.doc >= index.passages.size()) continue;
                double scoreFactor = SCORE_FLOOR + (1 - SCORE_FLOOR) * sd.score / (sd.score + SCORE_HALF);
                double confidence = coverage[i] * scoreFactor;
                hits.add(new Hit(sd.doc, index.passages.get(sd.doc).section(), sd.score, coverage[i], confidence));
            }
            hits.sort(Comparator.comparingDouble((Hit h) -> h.score() * (0.15 + h.coverage()) * (0.15 + h.coverage())).reversed());
            return hits;
        } catch (IOException e) {
            throw new IllegalStateException("in-memory index read failed", e);
        }
    }

    private Query query(List<Concept> concepts) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        for (Concept c : concepts) {
            float weight = c.generic() ? GENERIC_WEIGHT : 1f;
            all.add(fieldQuery(PassageIndex.TITLE, c, TITLE_BOOST * weight), BooleanClause.Occur.SHOULD);
            all.add(fieldQuery(PassageIndex.PATH, c, PATH_BOOST * weight), BooleanClause.Occur.SHOULD);
            all.add(fieldQuery(PassageIndex.BODY, c, BODY_BOOST * weight), BooleanClause.Occur.SHOULD);
            all.add(fieldQuery(PassageIndex.CONTEXT, c, CONTEXT_BOOST * weight), BooleanClause.Occur.SHOULD);
            // A passage in the owner's own words beats one that only matches a synonym.
            all.add(new BoostQuery(new TermQuery(new Term(PassageIndex.BODY, c.word())), EXACT_BOOST * weight), BooleanClause.Occur.SHOULD);
        }
        return all.build();
    }

    private static Query fieldQuery(String field, Concept c, float boost) {
        SynonymQuery.Builder b = new SynonymQuery.Builder(field);
        for (Map.Entry<String, Float> t : c.terms().entrySet()) b.addTerm(new Term(field, t.getKey()), t.getValue());
        return new BoostQuery(b.build(), boost);
    }

    /**
     * For each candidate, the rarity-weighted share of the question's distinctive concepts that the passage (or its
     * title) contains, concepts found only elsewhere in its section counting {@value #SECTION_ONLY}.
     */
    private double[] coverage(List<Concept> concepts, int[] docs) throws IOException {
        double[] covered = new double[docs.length];
        double total = 0;
        int n = index.passages.size();
        Integer[] order = new Integer[docs.length];
        for (int i = 0; i < docs.length; i++) order[i] = i;
        Arrays.sort(order, Comparator.comparingInt(i -> docs[i]));
        for (Concept c : concepts) {
            if (c.generic()) continue;
            int df = 0;
            for (String t : c.terms().keySet()) df += index.leaf.docFreq(new Term(PassageIndex.CONTEXT, t));
            df = Math.min(df, n);
            double weight = Math.log(1 + (n - df + 0.5) / (df + 0.5));
            total += weight;
            if (df == 0) continue;
            double[] match = new double[docs.length];
            mark(c, PassageIndex.CONTEXT, docs, order, match, SECTION_ONLY);
            mark(c, PassageIndex.BODY, docs, order, match, 1.0);
            mark(c, PassageIndex.TITLE, docs, order, match, 1.0);
            for (int i = 0; i < docs.length; i++) covered[i] += weight * match[i];
        }
        if (total == 0) return new double[docs.length];
        for (int i = 0; i < docs.length; i++) covered[i] /= total;
        return covered;
    }

    private void mark(Concept c, String field, int[] docs, Integer[] order, double[] match, double value) throws IOException {
        for (String t : c.terms().keySet()) {
            PostingsEnum postings = index.leaf.postings(new Term(field, t), PostingsEnum.NONE);
            if (postings == null) continue;
            for (int i : order) {
                int at = postings.docID();
                if (at < docs[i]) at = postings.advance(docs[i]);
                if (at == DocIdSetIterator.NO_MORE_DOCS) break;
                if (at == docs[i]) match[i] = Math.max(match[i], value);
            }
        }
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

    @Override
    public List<String> suggest(String prefix, int max) {
        try {
            return suggester.suggest(prefix == null ? "" : prefix, max);
        } catch (RuntimeException e) {
            LOG.warn("suggesting failed for a prefix of {} chars", prefix == null ? 0 : prefix.length(), e);
            return List.of();
        }
    }

    /** The question as the engine reads it after clean-up and spelling correction (for diagnostics and tests). */
    String spellingFix(String question) {
        return index.spelling.correct(clean(question));
    }

    /** A passage's text by document number (for diagnostics and tests). */
    String passageText(int doc) {
        return index.passages.get(doc).block().plainText();
    }

    /** The pack this engine answers from. */
    public KnowledgePack pack() {
        return pack;
    }

    /** The attribution shown with answers. */
    public Attribution attribution() {
        return pack.attribution();
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
