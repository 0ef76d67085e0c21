package dev.ratbot.answer;

import dev.ratbot.knowledge.Block;
import dev.ratbot.knowledge.KnowledgePack;
import dev.ratbot.knowledge.Section;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LogDocMergePolicy;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.SingleInstanceLockFactory;
import org.apache.lucene.util.BytesRef;

/**
 * The in-memory Lucene index of a pack: one document per passage (a paragraph, or a list with its
 * lead-in), in pack order, so that a document's number is its index in {@link #passages}. Each
 * document carries its section's own title, the titles above it, its own text, and the whole
 * section's text (the section's vocabulary is evidence for every passage in it). A last document
 * holds the known words for spelling correction.
 */
final class PassageIndex {
    static final String TITLE = "title";
    static final String PATH = "path";
    static final String BODY = "body";
    static final String CONTEXT = "context";

    /** The passage's meaning: its section title and text embedded as one unit vector. */
    static final String MEANING = "meaning";

    private static final Pattern SIGNS =
            Pattern.compile("(?i)\\b(signs?|symptoms?|indicators?)\\b");

    /**
     * Wording that interprets a behaviour: "a sign that", "expresses contentment", "can signify".
     */
    private static final Pattern INTERPRETS =
            Pattern.compile("(?i)\\b(a sign|signify|signifies|indicates?|express(es)?|means?)\\b");

    private static final Pattern ENUMERATES =
            Pattern.compile("(?i)\\b(include|includes|such as)\\b");

    /** A heading that promises signs to look for ("How to Tell if Your Rat Trusts You?"). */
    private static final Pattern TELLING_TITLE =
            Pattern.compile("(?i)\\b(how to tell|signs?|how to know)\\b");

    private static final Pattern WORD = Pattern.compile("\\p{L}{2,}");

    /**
     * A passage: which section it is in (index into {@link #sections}) and its blocks: one block,
     * or a short introductory paragraph together with the block it introduces.
     */
    record Passage(int section, List<Block> blocks) {
        /**
         * Whether it is a list of signs ("Signs of a shy rat:"): it describes a state rather than
         * advising.
         */
        boolean describesSigns() {
            return blocks.stream()
                    .anyMatch(
                            b ->
                                    b instanceof Block.BulletList l
                                            && SIGNS.matcher(l.leadIn()).find());
        }

        /**
         * Whether it names examples of something: a list that is not of signs, or a sentence that
         * "includes" them.
         */
        boolean enumerates() {
            for (Block b : blocks) {
                if (b instanceof Block.BulletList l && !SIGNS.matcher(l.leadIn()).find())
                    return true;
            }
            return ENUMERATES.matcher(text()).find();
        }

        /** Whether it says what a behaviour means ("It's a sign that it feels safe"). */
        boolean interprets() {
            return INTERPRETS.matcher(text()).find();
        }

        String text() {
            StringBuilder out = new StringBuilder();
            for (Block b : blocks) {
                if (!out.isEmpty()) out.append("\n\n");
                out.append(b.plainText());
            }
            return out.toString();
        }
    }

    /**
     * A paragraph shorter than this only introduces what follows ("Playtime gives them
     * stimulation...").
     */
    static final int INTRO_CHARS = 160;

    final List<Section> sections;
    final List<Passage> passages;

    /** For each section, the index of its parent section, or -1 at the top. */
    final int[] parents;

    /**
     * Per passage, what its wording does (describes signs, interprets a behaviour, names examples):
     * fixed by its text, so worked out once here rather than by regular expressions over every
     * candidate of every question.
     */
    private final boolean[] describesSigns;

    private final boolean[] interprets;
    private final boolean[] enumerates;

    final IndexSearcher searcher;
    final LeafReader leaf;
    final SpellingCorrector spelling;

    /**
     * Per passage, its unit vector (the same as in the index's {@link #MEANING} field); empty
     * without an embedder.
     */
    final float[][] vectors;

    /** Every analysed term of the pack, numbered, with how many passages' sections use it. */
    private final Map<String, Integer> termIds;

    private final int[] dfs;

    /** Per passage, the sorted ids of the terms in its text and its section's own heading. */
    private final int[][] passageTerms;

    /** Per section, the sorted ids of the terms in its headings and all its text. */
    private final int[][] sectionTerms;

    private PassageIndex(
            List<Section> sections,
            List<Passage> passages,
            int[] parents,
            DirectoryReader reader,
            Set<String> known,
            Similarity similarity,
            GuideAnalysis analysis,
            float[][] vectors) {
        this.vectors = vectors;
        this.sections = sections;
        this.passages = passages;
        this.parents = parents;
        this.searcher = new IndexSearcher(reader);
        this.searcher.setSimilarity(similarity);
        this.searcher.setQueryCache(null); // every question is new; caching would only cost time
        this.leaf = reader.leaves().get(0).reader();
        this.spelling = new SpellingCorrector(reader, known, analysis::isEnglish);
        this.termIds = new HashMap<>();
        this.dfs = vocabulary(leaf, CONTEXT, termIds);
        this.passageTerms = new int[passages.size()][];
        this.describesSigns = new boolean[passages.size()];
        this.interprets = new boolean[passages.size()];
        this.enumerates = new boolean[passages.size()];
        for (int p = 0; p < passages.size(); p++) {
            Passage passage = passages.get(p);
            String title = sections.get(passage.section()).title();
            passageTerms[p] = ids(analysis, passage.text() + "\n" + title);
            describesSigns[p] = passage.describesSigns() || TELLING_TITLE.matcher(title).find();
            interprets[p] = passage.interprets();
            enumerates[p] = passage.enumerates();
        }
        this.sectionTerms = new int[sections.size()][];
        for (int s = 0; s < sections.size(); s++)
            sectionTerms[s] = ids(analysis, contextText(sections.get(s)));
    }

    /**
     * A section's passages: each block on its own, except that a short paragraph is joined to the
     * block after it, because on its own it would match a question's words without saying anything.
     */
    static List<Passage> passages(int section, List<Block> blocks, int maxChars) {
        List<Passage> out = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            boolean intro =
                    b instanceof Block.Paragraph
                            && b.plainText().length() < INTRO_CHARS
                            && i + 1 < blocks.size()
                            && b.plainText().length() + blocks.get(i + 1).plainText().length() + 2
                                    <= maxChars;
            if (intro) {
                out.add(new Passage(section, List.of(b, blocks.get(i + 1))));
                i++;
            } else {
                out.add(new Passage(section, List.of(b)));
            }
        }
        return out;
    }

    /** The text embedded for a passage: what it is about (its heading) and what it says. */
    static String meaningText(Section section, Passage passage) {
        return section.title() + ". " + passage.text();
    }

    static PassageIndex build(
            KnowledgePack pack,
            GuideAnalysis analysis,
            int maxChars,
            float lengthNorm,
            PassageVectors meaning) {
        Similarity similarity = new BM25Similarity(1.2f, lengthNorm);
        List<Section> sections = pack.sections();
        int[] parents = parents(sections);
        List<Passage> passages = new ArrayList<>();
        Set<String> known = new HashSet<>(analysis.listedWords());
        List<float[]> vectors = new ArrayList<>();
        // Each file in one buffer: every term a question looks up clones its file's input, and a
        // clone of a file kept in many small buffers copies each of them. Measured over 'ratbot
        // bench': a quarter less garbage, 1,250 young collections instead of 1,628.
        ByteBuffersDirectory dir =
                new ByteBuffersDirectory(
                        new SingleInstanceLockFactory(),
                        ByteBuffersDataOutput::new,
                        ByteBuffersDirectory.OUTPUT_AS_ONE_BUFFER);
        // A log merge policy keeps documents in the order they were added, so doc number = passage
        // index.
        Analyzer perField =
                new PerFieldAnalyzerWrapper(
                        analysis.index, Map.of(TITLE, analysis.headings, PATH, analysis.headings));
        IndexWriterConfig config =
                new IndexWriterConfig(perField)
                        .setSimilarity(similarity)
                        .setMergePolicy(new LogDocMergePolicy())
                        .setRAMBufferSizeMB(64);
        try (IndexWriter writer = new IndexWriter(dir, config)) {
            for (int s = 0; s < sections.size(); s++) {
                Section section = sections.get(s);
                String title = section.title();
                String path =
                        String.join("\n", section.path().subList(0, section.path().size() - 1));
                String contextText = contextText(section);
                collectWords(contextText, known);
                for (Passage passage : passages(s, section.blocks(), maxChars)) {
                    Document doc = new Document();
                    doc.add(new TextField(TITLE, title, Field.Store.NO));
                    doc.add(new TextField(PATH, path, Field.Store.NO));
                    doc.add(new TextField(BODY, passage.text(), Field.Store.NO));
                    doc.add(new TextField(CONTEXT, contextText, Field.Store.NO));
                    if (meaning.enabled()) {
                        float[] v = meaning.vector(meaningText(section, passage));
                        vectors.add(v);
                        doc.add(
                                new KnnFloatVectorField(
                                        MEANING, v, VectorSimilarityFunction.DOT_PRODUCT));
                    }
                    writer.addDocument(doc);
                    passages.add(passage);
                }
            }
            Document words = new Document();
            for (String w : known)
                words.add(new StringField(SpellingCorrector.FIELD, w, Field.Store.NO));
            writer.addDocument(words);
            writer.forceMerge(1);
            writer.commit();
        } catch (IOException e) {
            throw new UncheckedIOException("building the in-memory index failed", e);
        }
        try {
            return new PassageIndex(
                    sections,
                    List.copyOf(passages),
                    parents,
                    DirectoryReader.open(dir),
                    Set.copyOf(known),
                    similarity,
                    analysis,
                    vectors.toArray(new float[0][]));
        } catch (IOException e) {
            throw new UncheckedIOException("opening the in-memory index failed", e);
        }
    }

    /**
     * The number of passages whose section contains the analysed term; 0 when the pack never uses
     * it.
     */
    int df(String term) {
        Integer id = termIds.get(term);
        return id == null ? 0 : dfs[id];
    }

    /** The term's number, or -1 when the pack never uses it. */
    int termId(String term) {
        return termIds.getOrDefault(term, -1);
    }

    /**
     * Whether the passage describes signs to recognise: a list of signs, or any passage under a
     * heading that promises them.
     */
    boolean describesSigns(int passage) {
        return describesSigns[passage];
    }

    /** Whether the passage says what a behaviour means ({@link Passage#interprets}). */
    boolean interprets(int passage) {
        return interprets[passage];
    }

    /** Whether the passage names examples of something ({@link Passage#enumerates}). */
    boolean enumerates(int passage) {
        return enumerates[passage];
    }

    /** Whether the passage's text or its section's heading contains the term. */
    boolean passageHas(int passage, int termId) {
        return Arrays.binarySearch(passageTerms[passage], termId) >= 0;
    }

    /** Whether the section's headings or text contain the term. */
    boolean sectionHas(int section, int termId) {
        return Arrays.binarySearch(sectionTerms[section], termId) >= 0;
    }

    private static int[] vocabulary(LeafReader leaf, String field, Map<String, Integer> ids) {
        List<Integer> dfs = new ArrayList<>();
        try {
            Terms terms = leaf.terms(field);
            if (terms == null) return new int[0];
            TermsEnum it = terms.iterator();
            for (BytesRef term = it.next(); term != null; term = it.next()) {
                ids.put(term.utf8ToString(), dfs.size());
                dfs.add(it.docFreq());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading the in-memory index failed", e);
        }
        return dfs.stream().mapToInt(Integer::intValue).toArray();
    }

    private int[] ids(GuideAnalysis analysis, String text) {
        return analysis.indexTerms(text).stream()
                .mapToInt(this::termId)
                .filter(id -> id >= 0)
                .sorted()
                .distinct()
                .toArray();
    }

    static String contextText(Section section) {
        StringBuilder context = new StringBuilder(String.join("\n", section.path()));
        for (Block b : section.blocks()) context.append("\n\n").append(b.plainText());
        return context.toString();
    }

    private static void collectWords(String text, Set<String> into) {
        Matcher m = WORD.matcher(text);
        while (m.find()) into.add(m.group().toLowerCase(Locale.ROOT));
    }

    private static int[] parents(List<Section> sections) {
        int[] parents = new int[sections.size()];
        for (int i = 0; i < sections.size(); i++) {
            parents[i] = -1;
            List<String> path = sections.get(i).path();
            if (path.size() < 2) continue;
            List<String> parentPath = path.subList(0, path.size() - 1);
            for (int j = i - 1; j >= 0; j--) {
                if (sections.get(j).path().equals(parentPath)) {
                    parents[i] = j;
                    break;
                }
            }
        }
        return parents;
    }
}
