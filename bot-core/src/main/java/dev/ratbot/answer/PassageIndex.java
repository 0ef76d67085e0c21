package dev.ratbot.answer;

import dev.ratbot.knowledge.Block;
import dev.ratbot.knowledge.KnowledgePack;
import dev.ratbot.knowledge.Section;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LogDocMergePolicy;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * The in-memory Lucene index of a pack: one document per passage (a paragraph, or a list with its lead-in), in
 * pack order, so that a document's number is its index in {@link #passages}. Each document carries its section's
 * own title, the titles above it, its own text, and the whole section's text (the section's vocabulary is evidence
 * for every passage in it). A last document holds the known words for spelling correction.
 */
final class PassageIndex {
    static final String TITLE = "title";
    static final String PATH = "path";
    static final String BODY = "body";
    static final String CONTEXT = "context";
    /**
     * BM25 with a mild length normalisation: a longer passage that explains a topic should not lose to a short one
     * that merely mentions it. Read from the system property for tuning experiments only.
     */
    static final Similarity SIMILARITY = new BM25Similarity(1.2f, Float.parseFloat(System.getProperty("ratbot.bm25.b", "0.75")));
    private static final Pattern WORD = Pattern.compile("\\p{L}{2,}");

    /** A passage: which section it is in (index into {@link #sections}) and its block. */
    record Passage(int section, Block block) {
    }

    final List<Section> sections;
    final List<Passage> passages;
    /** For each section, the index of its parent section, or -1 at the top. */
    final int[] parents;
    final IndexSearcher searcher;
    final LeafReader leaf;
    final SpellingCorrector spelling;

    private PassageIndex(List<Section> sections, List<Passage> passages, int[] parents, DirectoryReader reader, Set<String> known) {
        this.sections = sections;
        this.passages = passages;
        this.parents = parents;
        this.searcher = new IndexSearcher(reader);
        this.searcher.setSimilarity(SIMILARITY);
        this.searcher.setQueryCache(null); // every question is new; caching would only cost time
        this.leaf = reader.leaves().get(0).reader();
        this.spelling = new SpellingCorrector(reader, known);
    }

    static PassageIndex build(KnowledgePack pack, GuideAnalysis analysis) {
        List<Section> sections = pack.sections();
        int[] parents = parents(sections);
        List<Passage> passages = new ArrayList<>();
        Set<String> known = new HashSet<>(analysis.listedWords());
        ByteBuffersDirectory dir = new ByteBuffersDirectory();
        // A log merge policy keeps documents in the order they were added, so doc number = passage index.
        IndexWriterConfig config = new IndexWriterConfig(analysis.index)
                .setSimilarity(SIMILARITY)
                .setMergePolicy(new LogDocMergePolicy())
                .setRAMBufferSizeMB(64);
        try (IndexWriter writer = new IndexWriter(dir, config)) {
            for (int s = 0; s < sections.size(); s++) {
                Section section = sections.get(s);
                String title = section.title();
                String path = String.join("\n", section.path().subList(0, section.path().size() - 1));
                StringBuilder context = new StringBuilder(String.join("\n", section.path()));
                for (Block b : section.blocks()) context.append("\n\n").append(b.plainText());
                String contextText = context.toString();
                collectWords(contextText, known);
                for (Block block : section.blocks()) {
                    Document doc = new Document();
                    doc.add(new TextField(TITLE, title, Field.Store.NO));
                    doc.add(new TextField(PATH, path, Field.Store.NO));
                    doc.add(new TextField(BODY, block.plainText(), Field.Store.NO));
                    doc.add(new TextField(CONTEXT, contextText, Field.Store.NO));
                    writer.addDocument(doc);
                    passages.add(new Passage(s, block));
                }
            }
            Document words = new Document();
            for (String w : known) words.add(new StringField(SpellingCorrector.FIELD, w, Field.Store.NO));
            writer.addDocument(words);
            writer.forceMerge(1);
            writer.commit();
        } catch (IOException e) {
            throw new UncheckedIOException("building the in-memory index failed", e);
        }
        try {
            return new PassageIndex(sections, List.copyOf(passages), parents, DirectoryReader.open(dir), Set.copyOf(known));
        } catch (IOException e) {
            throw new UncheckedIOException("opening the in-memory index failed", e);
        }
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
