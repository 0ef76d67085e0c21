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
    private static final Pattern WORD = Pattern.compile("\\p{L}{2,}");

    /**
     * A passage: which section it is in (index into {@link #sections}) and its blocks: one block, or a short
     * introductory paragraph together with the block it introduces.
     */
    record Passage(int section, List<Block> blocks) {
        String text() {
            StringBuilder out = new StringBuilder();
            for (Block b : blocks) {
                if (!out.isEmpty()) out.append("\n\n");
                out.append(b.plainText());
            }
            return out.toString();
        }
    }

    /** A paragraph shorter than this only introduces what follows ("Playtime gives them stimulation..."). */
    static final int INTRO_CHARS = 160;

    final List<Section> sections;
    final List<Passage> passages;
    /** For each section, the index of its parent section, or -1 at the top. */
    final int[] parents;
    /** For each section, the distinct analysed words of its heading that say something (not "rat", "how"). */
    final List<List<String>> titleTerms;
    final IndexSearcher searcher;
    final LeafReader leaf;
    final SpellingCorrector spelling;

    private PassageIndex(List<Section> sections, List<Passage> passages, int[] parents, DirectoryReader reader, Set<String> known, Similarity similarity, List<List<String>> titleTerms) {
        this.sections = sections;
        this.passages = passages;
        this.parents = parents;
        this.titleTerms = titleTerms;
        this.searcher = new IndexSearcher(reader);
        this.searcher.setSimilarity(similarity);
        this.searcher.setQueryCache(null); // every question is new; caching would only cost time
        this.leaf = reader.leaves().get(0).reader();
        this.spelling = new SpellingCorrector(reader, known);
    }

    /**
     * A section's passages: each block on its own, except that a short paragraph is joined to the block after it,
     * because on its own it would match a question's words without saying anything.
     */
    static List<Passage> passages(int section, List<Block> blocks, int maxChars) {
        List<Passage> out = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            boolean intro = b instanceof Block.Paragraph && b.plainText().length() < INTRO_CHARS && i + 1 < blocks.size()
                    && b.plainText().length() + blocks.get(i + 1).plainText().length() + 2 <= maxChars;
            if (intro) {
                out.add(new Passage(section, List.of(b, blocks.get(i + 1))));
                i++;
            } else {
                out.add(new Passage(section, List.of(b)));
            }
        }
        return out;
    }

    static PassageIndex build(KnowledgePack pack, GuideAnalysis analysis, int maxChars, float lengthNorm) {
        Similarity similarity = new BM25Similarity(1.2f, lengthNorm);
        List<Section> sections = pack.sections();
        int[] parents = parents(sections);
        List<Passage> passages = new ArrayList<>();
        Set<String> known = new HashSet<>(analysis.listedWords());
        ByteBuffersDirectory dir = new ByteBuffersDirectory();
        // A log merge policy keeps documents in the order they were added, so doc number = passage index.
        IndexWriterConfig config = new IndexWriterConfig(analysis.index)
                .setSimilarity(similarity)
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
                for (Passage passage : passages(s, section.blocks(), maxChars)) {
                    Document doc = new Document();
                    doc.add(new TextField(TITLE, title, Field.Store.NO));
                    doc.add(new TextField(PATH, path, Field.Store.NO));
                    doc.add(new TextField(BODY, passage.text(), Field.Store.NO));
                    doc.add(new TextField(CONTEXT, contextText, Field.Store.NO));
                    writer.addDocument(doc);
                    passages.add(passage);
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
            return new PassageIndex(sections, List.copyOf(passages), parents, DirectoryReader.open(dir), Set.copyOf(known), similarity,
                    sections.stream().map(s -> analysis.indexTerms(s.title()).stream().filter(t -> !analysis.isGeneric(t)).distinct().toList()).toList());
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
