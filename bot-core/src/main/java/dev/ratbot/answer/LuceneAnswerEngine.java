package dev.ratbot.answer;

import dev.ratbot.answer.CandidateSignals.Rank;
import dev.ratbot.answer.Signals.Signal;
import dev.ratbot.answer.Weights.Weight;
import dev.ratbot.knowledge.Block;
import dev.ratbot.knowledge.KnowledgePack;
import dev.ratbot.knowledge.Section;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;

/**
 * The answer engine over an in-memory Lucene index of one knowledge pack. Build it once with {@link
 * #build(KnowledgePack)}; it is immutable and thread-safe afterwards.
 *
 * <p>How a question is answered:
 *
 * <ol>
 *   <li>Small talk ("hi", "thanks!", an emoji) is recognised from the pack's {@code small-talk.txt}
 *       and needs no search.
 *   <li>{@link PostReader} splits the post into sentences and takes the ones that ask as its focus.
 *   <li>Clean-up, chat shorthand written out ({@link Shorthand}) and spelling, concepts (English
 *       analysis plus the pack's synonyms), BM25 over titles, passage and section, on the focus and
 *       on the whole post; coverage of the question's distinctive concepts per candidate ({@link
 *       KeywordSearch}).
 *   <li>The focus is embedded once; passages near it in meaning and taught posts near it ({@link
 *       Exemplars}) join the candidates.
 *   <li>The {@link DecisionModel} (weights learnt by {@link DecisionTrainer}) picks the passage
 *       from {@link CandidateSignals}, then decides from {@link Signals}: health reply, sure,
 *       likely or not covered.
 * </ol>
 */
public final class LuceneAnswerEngine implements AnswerEngine {

    /**
     * Longer questions are cut: no real question needs more, and it bounds the work per question.
     */
    static final int MAX_QUESTION_CHARS = 4000;

    /**
     * Answers are at most about this long (a block longer than this is shortened at a sentence or
     * item).
     */
    static final int MAX_ANSWER_CHARS = 700;

    /** How many passages each ranking, by words and by meaning, offers the fusion. */
    static final int CANDIDATES = 24;

    private static final int MAX_RELATED = 3;

    /** How many of each ranking's first passages compete for the answer. */
    static final int FUSED = 8;

    /**
     * Up to this many passages, the meaning ranking scans every vector instead of searching the
     * graph.
     */
    static final int EXACT_SCAN = 5_000;

    /** The whole post is read by its words up to this length (the focus is read in full). */
    static final int WHOLE_CHARS = 1500;

    /**
     * How much of a long post is read whole by meaning: its opening, which names the problem;
     * embedding costs per token.
     */
    static final int WHOLE_MEANING_CHARS = 600;

    private final KnowledgePack pack;
    private final GuideAnalysis analysis;
    private final PassageIndex index;
    private final QuestionReader reader;
    private final List<SectionRef> topics;
    private final TopicSuggester suggester;

    private final Weights weights;
    private final Intent intent;
    private final KeywordSearch keywords;
    private final SentenceEmbedder embedder;
    private final PostReader posts;
    private final Shorthand shorthand;
    private final SmallTalk smallTalk;
    private final HealthSigns healthSigns;
    private final DecisionModel model;
    private final Exemplars exemplars;
    private final SectionProbe sectionProbe;

    /**
     * Per passage, whether the decision model was trained without it (it is not in {@code
     * passage-vectors.txt}). What the taught posts and the topic probe say was learnt of the pack
     * as trained: a passage added since (an operator's answer, an edited section) may cover what
     * they called uncovered.
     */
    private final boolean[] untrained;

    private final RecentAnswers recent = new RecentAnswers(RecentAnswers.ENTRIES);

    LuceneAnswerEngine(KnowledgePack pack, Weights weights, SentenceEmbedder embedder) {
        this(pack, weights, embedder, null);
    }

    /**
     * The same, with the section probe given ({@code ratbot train} gives one that judges each
     * taught post by its held-out scores) instead of the pack's, when not null.
     */
    LuceneAnswerEngine(
            KnowledgePack pack, Weights weights, SentenceEmbedder embedder, SectionProbe probe) {
        this.pack = pack;
        this.weights = weights;
        this.embedder = embedder;
        PackWords words = PackWords.of(pack);
        this.analysis = GuideAnalysis.of(pack);
        PassageVectors vectors =
                embedder == null
                        ? PassageVectors.none()
                        : PassageVectors.of(embedder, words.text(PassageVectors.FILE));
        this.index =
                PassageIndex.build(
                        pack,
                        analysis,
                        MAX_ANSWER_CHARS,
                        weights.boost(Weight.LENGTH_NORM),
                        vectors);
        this.reader = new QuestionReader(analysis);
        this.posts =
                new PostReader(
                        words.words(PackWords.QUESTION_WORDS), words.words(PackWords.PLEA_WORDS));
        this.shorthand = Shorthand.parse(words.phrases(Shorthand.FILE));
        this.smallTalk = SmallTalk.parse(words.phrases(PackWords.SMALL_TALK));
        this.intent = new Intent(words.words(PackWords.KIND_WORDS));
        this.keywords = new KeywordSearch(index, analysis, weights, intent);
        this.healthSigns = HealthSigns.of(words, analysis::stems);
        this.model = DecisionModel.parse(words.text(DecisionModel.FILE));
        this.untrained = new boolean[index.passages.size()];
        for (int doc = 0; doc < untrained.length; doc++)
            untrained[doc] = vectors.trained() && !vectors.knows(passageKey(doc));
        this.exemplars =
                index.vectors.length == 0
                        ? Exemplars.EMPTY
                        : Exemplars.parse(words.text(Exemplars.FILE), passageKeys());
        this.sectionProbe =
                probe != null
                        ? probe
                        : index.vectors.length == 0
                                ? SectionProbe.EMPTY
                                : SectionProbe.parse(words.text(SectionProbe.FILE), sectionIds());
        this.topics = pack.sections().stream().map(s -> new SectionRef(s.id(), s.title())).toList();
        this.suggester = new TopicSuggester(pack.sections());
    }

    /**
     * Indexes the pack in memory and returns an engine over it, ranking by words and by meaning.
     */
    public static LuceneAnswerEngine build(KnowledgePack pack) {
        return new LuceneAnswerEngine(pack, Weights.DEFAULT, MiniLmEmbedder.shared());
    }

    /**
     * The same with another embedder, or none ({@code null}: words only, for load tests on
     * synthetic packs).
     */
    public static LuceneAnswerEngine build(KnowledgePack pack, SentenceEmbedder embedder) {
        return new LuceneAnswerEngine(pack, Weights.DEFAULT, embedder);
    }

    @Override
    public Answer answer(String question) {
        // No catch here: an exception is a bug, and the edge that asked (the conversation) reports
        // it.
        String asked = question == null ? "" : question;
        return recent.answer(clean(asked), asked, cleaned -> answerOrDecline(asked, cleaned));
    }

    private Answer answerOrDecline(String question, String cleaned) {
        // Nothing to read (an empty line, a lone "@everyone") is met like a greeting, with the
        // invitation to ask; a refusal would say the guide lacks something nobody asked.
        if (cleaned.isBlank() || smallTalk.isSmallTalk(cleaned))
            return verdict(question, Answer.Verdict.SMALL_TALK, 0, List.of());
        Reading r = read(cleaned);
        if (r == null) return decline(question, 0, List.of());
        double covered = model.coveredProbability(r.signals());
        double right = model.rightProbability(r.signals());
        if (r.signals().healthCues() > 0
                && model.healthProbability(r.signals()) >= model.healthFloor()) {
            // Never a bonding passage for illness or injury; a section that truly applies is
            // offered as a button.
            List<SectionRef> applies =
                    covered >= model.likely() && right >= model.sure()
                            ? List.of(ref(index.passages.get(r.candidate()).section()))
                            : List.of();
            return verdict(question, Answer.Verdict.HEALTH, right, applies);
        }
        if (r.signals().otherAnimal() > 0 || (covered < model.likely() && right < model.sure()))
            return decline(question, right, r.suggestions());
        PassageIndex.Passage passage = index.passages.get(r.candidate());
        Answer.Verdict verdict =
                right >= model.sure() ? Answer.Verdict.SURE : Answer.Verdict.LIKELY;
        return new Answer(
                question,
                verdict,
                Passages.fit(shown(r), MAX_ANSWER_CHARS),
                Optional.of(ref(passage.section())),
                Optional.of(pack.attribution()),
                right,
                r.next());
    }

    /**
     * The blocks an answer shows: its passage, with the runner-up beside it when they belong
     * together.
     */
    private List<Block> shown(Reading r) {
        PassageIndex.Passage passage = index.passages.get(r.candidate());
        if (r.runnerUp() < 0) return passage.blocks();
        return Passages.together(
                r.candidate(),
                passage,
                r.runnerUp(),
                index.passages.get(r.runnerUp()),
                MAX_ANSWER_CHARS);
    }

    /**
     * What the engine makes of a post: its best candidate passage by words and meaning together,
     * the signals the decision model weighs, the sections to suggest on a refusal and the next ones
     * to offer with an answer.
     */
    record Reading(
            int candidate,
            int runnerUp,
            Signals signals,
            List<SectionRef> suggestions,
            List<SectionRef> next,
            List<Integer> keywordDocs,
            List<Integer> meaningDocs,
            List<Candidate> candidates,
            float[] focusVector,
            float[] wholeVector,
            double keywordTopConfidence) {}

    /** The reading of a cleaned post, or null when it has no word the engine can use. */
    Reading read(String cleaned) {
        if (cleaned.isBlank()) return null;
        PostReader.Post post = posts.read(cleaned);
        String focus = post.focus();
        String corrected = corrected(focus);
        List<Concept> concepts = reader.read(corrected);
        List<KeywordSearch.Hit> hits =
                concepts.isEmpty() ? List.of() : keywords.search(concepts, corrected);
        // The whole post by its words too: the story around a question often names what it is
        // about.
        List<KeywordSearch.Hit> wholeHits = hits;
        String wholeCorrected = corrected;
        if (!focus.equals(cleaned)) {
            wholeCorrected = wholeCorrected(cleaned);
            List<Concept> wholeConcepts = reader.read(wholeCorrected);
            wholeHits =
                    wholeConcepts.isEmpty()
                            ? List.of()
                            : keywords.search(wholeConcepts, wholeCorrected);
        }
        // The focus is embedded once, spelling corrected like its words: the meaning ranking, the
        // candidates and the
        // taught posts all use its vector.
        float[] q =
                embedder == null || index.vectors.length == 0 ? null : embedder.embed(corrected);
        List<Meaning> meanings = q == null ? List.of() : meanings(q);
        if (hits.isEmpty() && wholeHits.isEmpty() && meanings.isEmpty()) return null;
        String self = PassageVectors.key(cleaned);
        Exemplars.Nearest taught = q == null ? Exemplars.Nearest.NONE : exemplars.nearest(q, self);
        double[] sectionScores =
                q == null ? new double[index.sections.size()] : sectionProbe.focusScores(q, self);
        // A long post is also read whole by meaning: the story may say what the short question
        // leaves out.
        float[] whole = q == null ? null : wholeVector(cleaned, focus, wholeCorrected, q);
        double[] wholeSectionScores =
                whole == null
                        ? new double[index.sections.size()]
                        : focus.equals(cleaned)
                                ? sectionScores // the whole is the focus
                                : sectionProbe.wholeScores(whole, self);
        List<Candidate> candidates =
                candidates(
                        hits,
                        wholeHits,
                        meanings,
                        q,
                        whole,
                        taught,
                        sectionScores,
                        wholeSectionScores);
        Candidate best = null;
        Candidate second = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        double secondScore = Double.NEGATIVE_INFINITY;
        for (Candidate c : candidates) {
            double score = model.rankScore(c.signals());
            if (score > bestScore) {
                secondScore = bestScore;
                second = best;
                bestScore = score;
                best = c;
            } else if (score > secondScore) {
                secondScore = score;
                second = c;
            }
        }
        int candidate = best.doc();
        boolean fresh = untrained[candidate];
        Exemplars.Nearest taughtOfBest = fresh ? Exemplars.Nearest.NONE : taught;
        int section = index.passages.get(candidate).section();
        KeywordSearch.Hit hit =
                hits.stream().filter(h -> h.doc() == candidate).findFirst().orElse(null);
        double kwBest = hits.isEmpty() ? 0 : hits.get(0).score();
        double kwOther = 0;
        for (KeywordSearch.Hit h : hits)
            if (!hits.isEmpty() && h.section() != hits.get(0).section())
                kwOther = Math.max(kwOther, h.score());
        double cos = q == null ? 0 : similarity(q, candidate);
        double cosOther = 0;
        for (Meaning m : meanings)
            if (index.passages.get(m.doc()).section() != section)
                cosOther = Math.max(cosOther, m.similarity());
        int distinctive = 0;
        int unknown = 0;
        boolean unknownTopic = false;
        for (Concept c : concepts) {
            if (c.generic()) continue;
            distinctive++;
            if (c.terms().keySet().stream().noneMatch(t -> index.df(t) > 0)) {
                unknown++;
                unknownTopic |= c.terms().keySet().stream().anyMatch(analysis::isCareTopic);
            }
        }
        PassageIndex.Passage passage = index.passages.get(candidate);
        boolean quantityMissing =
                Intent.asksQuantity(corrected)
                        && !keywords.givesQuantityOf(passage.text(), concepts, corrected);
        Signals signals =
                Signals.builder()
                        .set(Signal.KEYWORD_CONFIDENCE, hit == null ? 0 : hit.confidence())
                        .set(
                                Signal.KEYWORD_SCORE,
                                hit == null
                                        ? 0
                                        : hit.score()
                                                / (hit.score() + weights.get(Weight.SCORE_HALF)))
                        .set(
                                Signal.KEYWORD_LEAD,
                                kwOther <= 0
                                        ? (kwBest > 0 ? 2 : 0)
                                        : Math.min(2, Math.log(kwBest / kwOther)))
                        .set(
                                Signal.KEYWORD_AGREES,
                                !hits.isEmpty() && hits.get(0).section() == section)
                        .set(Signal.SEMANTIC, cos)
                        .set(Signal.SEMANTIC_LEAD, meanings.isEmpty() ? 0 : cos - cosOther)
                        .set(
                                Signal.SEMANTIC_AGREES,
                                !meanings.isEmpty()
                                        && index.passages.get(meanings.get(0).doc()).section()
                                                == section)
                        .set(Signal.COVERAGE, hit == null ? 0 : hit.coverage())
                        .set(Signal.UNKNOWN_TOPIC, unknownTopic)
                        .set(
                                Signal.UNKNOWN_SHARE,
                                distinctive == 0 ? 0 : unknown / (double) distinctive)
                        .set(Signal.HEALTH_CUES, Math.min(3, healthCues(cleaned)))
                        .set(Signal.ASKS, post.asksAnything())
                        .set(Signal.OTHER_ANIMAL, keywords.aboutAnotherAnimal(concepts))
                        .set(Signal.QUANTITY_MISSING, quantityMissing)
                        .set(
                                Signal.LENGTH,
                                Math.log(
                                        1
                                                + post.sentences().stream()
                                                        .mapToInt(x -> x.split("\\s+").length)
                                                        .sum()))
                        .set(Signal.RANKING, 1 / (1 + Math.exp(-bestScore)))
                        .set(
                                Signal.RANKING_LEAD,
                                secondScore == Double.NEGATIVE_INFINITY
                                        ? 4
                                        : Math.min(4, bestScore - secondScore))
                        .set(Signal.TAUGHT_COVERED, taughtOfBest.covered())
                        .set(Signal.TAUGHT_UNCOVERED, taughtOfBest.uncovered())
                        .set(Signal.TAUGHT_AGREES, taughtOfBest.of(candidate))
                        .set(Signal.NAMES_ANIMAL, namesAnimal(cleaned))
                        .set(
                                Signal.TOPIC_COVERED,
                                fresh ? 0 : DecisionModel.probe(model.coveredProbe(), q))
                        .set(
                                Signal.TOPIC_HEALTH,
                                DecisionModel.probeEither(model.healthProbe(), q, whole))
                        .set(Signal.TAUGHT_NONE_VOTE, taughtOfBest.noneVote())
                        .set(Signal.TAUGHT_VOTE, taughtOfBest.voteFor(candidate))
                        .build();
        List<Integer> byRank =
                candidates.stream()
                        .sorted(
                                Comparator.comparingDouble(
                                        (Candidate c) -> -model.rankScore(c.signals())))
                        .map(c -> index.passages.get(c.doc()).section())
                        .distinct()
                        .toList();
        List<SectionRef> suggestions = byRank.stream().limit(MAX_RELATED).map(this::ref).toList();
        List<SectionRef> next =
                byRank.stream()
                        .filter(x -> x != section)
                        .limit(MAX_RELATED)
                        .map(this::ref)
                        .toList();
        return new Reading(
                candidate,
                second == null ? -1 : second.doc(),
                signals,
                suggestions,
                next,
                hits.stream().map(KeywordSearch.Hit::doc).limit(FUSED).toList(),
                meanings.stream().map(Meaning::doc).limit(FUSED).toList(),
                candidates,
                q,
                whole,
                hits.isEmpty() ? 0 : hits.get(0).confidence());
    }

    /**
     * How the engine reads a question, for people tuning a pack ({@code ratbot ask --explain}): the
     * focus, the candidate passages with their ranking scores, and the signals with what each model
     * makes of them.
     */
    public String explain(String question) {
        String cleaned = clean(question == null ? "" : question);
        if (smallTalk.isSmallTalk(cleaned)) return "small talk";
        Reading r = read(cleaned);
        if (r == null) return "no word to read";
        StringBuilder out =
                new StringBuilder("focus: ").append(posts.read(cleaned).focus()).append('\n');
        r.candidates().stream()
                .sorted(Comparator.comparingDouble((Candidate c) -> -model.rankScore(c.signals())))
                .limit(5)
                .forEach(
                        c ->
                                out.append(
                                        String.format(
                                                java.util.Locale.ROOT,
                                                "  %6.2f %s | %s%n",
                                                model.rankScore(c.signals()),
                                                index.sections
                                                        .get(index.passages.get(c.doc()).section())
                                                        .title(),
                                                index.passages
                                                        .get(c.doc())
                                                        .text()
                                                        .substring(
                                                                0,
                                                                Math.min(
                                                                        70,
                                                                        index.passages
                                                                                .get(c.doc())
                                                                                .text()
                                                                                .length()))
                                                        .replace('\n', ' '))));
        double[] v = r.signals().values();
        for (int i = 0; i < v.length; i++)
            out.append(
                    String.format(java.util.Locale.ROOT, "  %s=%.3f", Signals.NAMES.get(i), v[i]));
        out.append(
                String.format(
                        java.util.Locale.ROOT,
                        "%n  covered=%.3f (likely from %.2f) right=%.3f (sure from %.2f) health=%.3f (from %.2f)",
                        model.coveredProbability(r.signals()),
                        model.likely(),
                        model.rightProbability(r.signals()),
                        model.sure(),
                        model.healthProbability(r.signals()),
                        model.healthFloor()));
        return out.toString();
    }

    /** A text as the engine reads it: chat shorthand written out, then misspellings corrected. */
    private String corrected(String text) {
        return index.spelling.correct(shorthand.expand(text));
    }

    /** The text of a passage as an answer would show it. */
    String passageText(int doc) {
        StringBuilder out = new StringBuilder();
        for (Block b : Passages.fit(index.passages.get(doc).blocks(), MAX_ANSWER_CHARS))
            out.append(b.plainText()).append("\n\n");
        return out.toString();
    }

    /** Each passage's key (see {@link PassageVectors#key}) to its document number. */
    private Map<String, Integer> passageKeys() {
        Map<String, Integer> out = new HashMap<>();
        for (int doc = 0; doc < index.passages.size(); doc++) out.put(passageKey(doc), doc);
        return out;
    }

    /** The key of a passage, as {@code exemplars.txt} names it. */
    String passageKey(int doc) {
        PassageIndex.Passage p = index.passages.get(doc);
        return PassageVectors.key(PassageIndex.meaningText(index.sections.get(p.section()), p));
    }

    /**
     * A long post's vector of the whole (cut), spelling corrected; the focus's vector when the
     * focus is all of it.
     */
    private float[] wholeVector(String cleaned, String focus, String wholeCorrected, float[] q) {
        return focus.equals(cleaned)
                ? q
                : embedder.embed(Passages.cut(wholeCorrected, WHOLE_MEANING_CHARS));
    }

    /** A long post, cut and spelling corrected, as it is read whole. */
    private String wholeCorrected(String cleaned) {
        return corrected(
                cleaned.length() > WHOLE_CHARS ? cleaned.substring(0, WHOLE_CHARS) : cleaned);
    }

    /**
     * The whole post's vector, as {@link #read} embeds it, given its focus vector ({@link
     * #focusVectorOf}; for {@code ratbot train}).
     */
    float[] wholeVectorOf(String cleaned, float[] focusVector) {
        return wholeVector(
                cleaned, posts.read(cleaned).focus(), wholeCorrected(cleaned), focusVector);
    }

    /** The ids of the sections, in the order of their numbers. */
    List<String> sectionIds() {
        return index.sections.stream().map(dev.ratbot.knowledge.Section::id).toList();
    }

    /** The number of the section a passage belongs to. */
    int sectionOf(int doc) {
        return index.passages.get(doc).section();
    }

    /** The number of passages. */
    int passageCount() {
        return index.passages.size();
    }

    /**
     * The focus of a post and its vector, as the engine reads it (for {@code ratbot train}'s taught
     * posts).
     */
    float[] focusVectorOf(String cleaned) {
        return embedder.embed(corrected(posts.read(cleaned).focus()));
    }

    /** Every passage's vector by its key, for the pack's precomputed file. */
    Map<String, float[]> passageVectors() {
        Map<String, float[]> out = new HashMap<>();
        for (int doc = 0; doc < index.vectors.length; doc++)
            out.put(passageKey(doc), index.vectors[doc]);
        return out;
    }

    /** A passage close in meaning to the question's focus. */
    record Meaning(int doc, double similarity) {}

    private double similarity(float[] q, int doc) {
        return index.vectors.length > doc ? SentenceEmbedder.similarity(q, index.vectors[doc]) : 0;
    }

    /**
     * The passages nearest in meaning, best first. A pack of a few thousand passages is scanned
     * exactly (a hundred dot products take microseconds, less than setting up a graph search); a
     * larger one is searched through the index's HNSW graph on its vector field.
     */
    private List<Meaning> meanings(float[] q) {
        List<Meaning> out = new ArrayList<>();
        if (index.vectors.length <= EXACT_SCAN) {
            for (int doc = 0; doc < index.vectors.length; doc++)
                out.add(new Meaning(doc, similarity(q, doc)));
        } else {
            try {
                TopDocs top =
                        index.searcher.search(
                                new KnnFloatVectorQuery(PassageIndex.MEANING, q, CANDIDATES),
                                CANDIDATES);
                for (ScoreDoc sd : top.scoreDocs)
                    if (sd.doc < index.passages.size())
                        out.add(new Meaning(sd.doc, similarity(q, sd.doc)));
            } catch (IOException e) {
                throw new IllegalStateException("in-memory index read failed", e);
            }
        }
        out.sort(Comparator.comparingDouble(Meaning::similarity).reversed());
        return out.size() > CANDIDATES ? List.copyOf(out.subList(0, CANDIDATES)) : out;
    }

    /** A candidate passage with what speaks for it. */
    record Candidate(int doc, CandidateSignals signals) {}

    /** The passages either ranking put among its first {@link #FUSED}, each with its signals. */
    private List<Candidate> candidates(
            List<KeywordSearch.Hit> hits,
            List<KeywordSearch.Hit> wholeHits,
            List<Meaning> meanings,
            float[] q,
            float[] whole,
            Exemplars.Nearest taught,
            double[] sectionScores,
            double[] wholeSectionScores) {
        Map<Integer, Integer> kwPlace = new HashMap<>();
        Map<Integer, Integer> wholePlace = new HashMap<>();
        for (int i = 0; i < wholeHits.size() && i < FUSED; i++)
            wholePlace.putIfAbsent(wholeHits.get(i).doc(), i);
        Map<Integer, Integer> vecPlace = new HashMap<>();
        for (int i = 0; i < hits.size() && i < FUSED; i++)
            kwPlace.putIfAbsent(hits.get(i).doc(), i);
        for (int i = 0; i < meanings.size() && i < FUSED; i++)
            vecPlace.putIfAbsent(meanings.get(i).doc(), i);
        java.util.Set<Integer> docs = new java.util.TreeSet<>(kwPlace.keySet());
        docs.addAll(vecPlace.keySet());
        docs.addAll(wholePlace.keySet());
        taught.byDoc().entrySet().stream()
                .sorted(Map.Entry.<Integer, Double>comparingByValue().reversed())
                .limit(FUSED)
                .forEach(e -> docs.add(e.getKey()));
        double bestRank = hits.isEmpty() ? 1 : hits.get(0).rank();
        double bestWhole = wholeHits.isEmpty() ? 1 : wholeHits.get(0).rank();
        double bestCos = meanings.isEmpty() ? 0 : meanings.get(0).similarity();
        int kwTopSection = hits.isEmpty() ? -1 : hits.get(0).section();
        int vecTopSection =
                meanings.isEmpty() ? -1 : index.passages.get(meanings.get(0).doc()).section();
        Map<Integer, Double> sectionVote = new HashMap<>();
        taught.votes()
                .forEach(
                        (d, v) ->
                                sectionVote.merge(index.passages.get(d).section(), v, Double::sum));
        Map<Integer, Double> sectionMeaning = new HashMap<>();
        for (Meaning m : meanings)
            sectionMeaning.merge(index.passages.get(m.doc()).section(), m.similarity(), Math::max);
        // A passage added since training (an operator's) is not held back by a probe that never
        // saw it: it gets the probe's favourite's score and competes on words and meaning.
        double favourite = max(sectionScores);
        double wholeFavourite = max(wholeSectionScores);
        List<Candidate> out = new ArrayList<>();
        for (int doc : docs) {
            Integer kp = kwPlace.get(doc);
            Integer vp = vecPlace.get(doc);
            KeywordSearch.Hit hit = kp == null ? null : hits.get(kp);
            Integer wp = wholePlace.get(doc);
            double cos = q == null ? 0 : similarity(q, doc);
            int section = index.passages.get(doc).section();
            out.add(
                    new Candidate(
                            doc,
                            CandidateSignals.builder()
                                    .set(Rank.KEYWORD_RANK, kp == null ? 0 : 1.0 / (1 + kp))
                                    .set(
                                            Rank.KEYWORD_RELATIVE,
                                            hit == null || bestRank <= 0
                                                    ? 0
                                                    : hit.rank() / bestRank)
                                    .set(
                                            Rank.KEYWORD_CONFIDENCE,
                                            hit == null ? 0 : hit.confidence())
                                    .set(Rank.FOCUS, hit == null ? 0 : hit.focus())
                                    .set(Rank.MEANING_RANK, vp == null ? 0 : 1.0 / (1 + vp))
                                    .set(Rank.SEMANTIC, cos)
                                    .set(Rank.SEMANTIC_GAP, cos - bestCos)
                                    .set(Rank.SECTION_LEADS, section == kwTopSection)
                                    .set(Rank.SECTION_MEANS, section == vecTopSection)
                                    .set(Rank.FAQ, index.sections.get(section).faq())
                                    .set(Rank.EXEMPLAR, taught.of(doc))
                                    .set(Rank.EXEMPLAR_GAP, taught.of(doc) - taught.covered())
                                    .set(Rank.WHOLE_RANK, wp == null ? 0 : 1.0 / (1 + wp))
                                    .set(
                                            Rank.WHOLE_RELATIVE,
                                            wp == null || bestWhole <= 0
                                                    ? 0
                                                    : wholeHits.get(wp).rank() / bestWhole)
                                    .set(
                                            Rank.WHOLE_MEANING,
                                            whole == null ? 0 : similarity(whole, doc))
                                    .set(Rank.EXEMPLAR_VOTE, taught.voteFor(doc))
                                    .set(Rank.SECTION_VOTE, sectionVote.getOrDefault(section, 0.0))
                                    .set(
                                            Rank.SECTION_MEANING,
                                            sectionMeaning.getOrDefault(section, cos))
                                    .set(
                                            Rank.SECTION_PROBE,
                                            untrained[doc] ? favourite : sectionScores[section])
                                    .set(
                                            Rank.SECTION_PROBE_WHOLE,
                                            untrained[doc]
                                                    ? wholeFavourite
                                                    : wholeSectionScores[section])
                                    .build()));
        }
        return out;
    }

    private static double max(double[] scores) {
        double m = 0;
        for (double s : scores) m = Math.max(m, s);
        return m;
    }

    /** Whether the post names the pack's own animal, by its name or a pet name. */
    private boolean namesAnimal(String text) {
        for (String stem : analysis.petStems(text)) if (analysis.isOwnAnimal(stem)) return true;
        return false;
    }

    /** How many signs of illness or injury the post names. */
    private int healthCues(String text) {
        return healthSigns.count(analysis.stems(text));
    }

    private Answer decline(String question, double confidence, List<SectionRef> related) {
        return verdict(question, Answer.Verdict.NOT_COVERED, confidence, related);
    }

    private static Answer verdict(
            String question, Answer.Verdict verdict, double confidence, List<SectionRef> related) {
        return new Answer(
                question,
                verdict,
                List.of(),
                Optional.empty(),
                Optional.empty(),
                clamp(confidence),
                related);
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
            return Optional.of(
                    new Answer(
                            section.title(),
                            Answer.Verdict.SURE,
                            blocks,
                            Optional.of(ref(s)),
                            Optional.of(pack.attribution()),
                            1.0,
                            next));
        }
        return Optional.empty();
    }

    @Override
    public List<SectionRef> topics() {
        return topics;
    }

    /**
     * Titles that complete what was typed; when fewer than {@code max} do and the text reads like
     * the start of a question ("my rat bites"), the titles of the sections that would answer it
     * follow.
     */
    @Override
    public List<String> suggest(String prefix, int max) {
        String typed = prefix == null ? "" : prefix;
        List<String> out = new ArrayList<>(suggester.suggest(typed, max));
        int limit = Math.min(max, TopicSuggester.MAX);
        if (out.size() < limit && typed.strip().length() >= 3) {
            List<Concept> concepts = reader.read(corrected(clean(typed)));
            for (KeywordSearch.Hit h :
                    concepts.isEmpty()
                            ? List.<KeywordSearch.Hit>of()
                            : keywords.search(concepts, "")) {
                if (out.size() >= limit) break;
                String title = index.sections.get(h.section()).title();
                if (h.coverage() > 0 && !out.contains(title)) out.add(title);
            }
        }
        return out;
    }

    /**
     * Control characters become spaces and the text is cut, so analysis time is bounded by the
     * input's length.
     */
    static String clean(String question) {
        String cut =
                question.length() > MAX_QUESTION_CHARS
                        ? question.substring(0, MAX_QUESTION_CHARS)
                        : question;
        StringBuilder out = new StringBuilder(cut.length());
        for (int i = 0; i < cut.length(); i++) {
            char ch = cut.charAt(i);
            out.append(
                    Character.isISOControl(ch) || Character.getType(ch) == Character.FORMAT
                            ? ' '
                            : ch);
        }
        String words = MENTION_OR_TAG.matcher(out).replaceAll(" ");
        return RUN_ON_SENTENCE.matcher(words).replaceAll("$1 $2");
    }

    /**
     * What is in a message but is not its words, taken out in one pass:
     *
     * <ul>
     *   <li>a handle someone is addressed by in chat ("@alice", "@everyone", "@here"): it says who
     *       is asked, not what about, and its word would otherwise count as a topic ("everyone"
     *       reads as a question about bonding with several people). An e-mail address is not a
     *       mention;
     *   <li>an HTML tag typed or pasted into a message ("<b>hi</b>"). A heart ("<3") or a
     *       comparison ("< 5 weeks") is not a tag.
     * </ul>
     */
    private static final java.util.regex.Pattern MENTION_OR_TAG =
            java.util.regex.Pattern.compile(
                    "(?<![\\w.@])@\\w+|</?[A-Za-z][A-Za-z0-9]*(?:\\s[^<>]*)?/?>");

    /**
     * A sentence typed straight after the last one's full stop ("dried blood.Why is that?"): the
     * tokenizer would read "blood.why" as one word, like a domain name, and lose both.
     */
    private static final java.util.regex.Pattern RUN_ON_SENTENCE =
            java.util.regex.Pattern.compile("(\\p{Ll}{2}[.!?]+)(\\p{Lu})");

    private static double clamp(double v) {
        return Double.isNaN(v) ? 0 : Math.max(0, Math.min(1, v));
    }
}
