package dev.ratbot.answer;

import dev.ratbot.knowledge.KnowledgePack;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.StemmerOverrideFilter;
import org.apache.lucene.analysis.pattern.PatternReplaceCharFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The English analysis shared by the index and the questions: standard tokens, possessives removed,
 * lower case, accents folded, Porter stems, stop words dropped. Questions also pass through the
 * curated synonym graph ({@code synonyms.txt}) before stop words are dropped, so multi-word rules
 * may contain them ("out of the cage"). Word lists are stemmed on load, so they match whatever form
 * a question uses.
 */
final class GuideAnalysis {
    private final CharArraySet stopStems;
    private final Set<String> genericStems;
    private final Set<String> listedWords;
    private final Set<String> englishWords;
    private final Set<String> commonWords;
    private final Set<String> topicStems;
    private final Set<String> ownAnimals;
    private final Set<String> otherAnimals;
    private final Analyzer stemmer = new ChainAnalyzer(null, null, null);
    final Analyzer index;
    final Analyzer query;

    /**
     * For headings: the index chain plus the synonym rules for phrases, so that a heading is read
     * by what its phrases mean ("Handling Outside the Cage" is about being outside, not about
     * cages).
     */
    final Analyzer headings;

    private final Analyzer petNamesOnly;

    private GuideAnalysis(
            CharArraySet stopStems,
            Set<String> genericStems,
            SynonymMap synonyms,
            Set<String> listedWords,
            Set<String> englishWords,
            Set<String> commonWords,
            Set<String> topicStems,
            Set<String> ownAnimals,
            Set<String> otherAnimals,
            SynonymMap phrases,
            java.util.regex.Pattern petNames,
            String ownWord) {
        this.ownAnimals = ownAnimals;
        this.otherAnimals = otherAnimals;
        this.englishWords = englishWords;
        this.commonWords = commonWords;
        this.topicStems = topicStems;
        this.stopStems = stopStems;
        this.genericStems = genericStems;
        this.listedWords = listedWords;
        this.index = new ChainAnalyzer(null, stopStems, null);
        this.query =
                new ChainAnalyzer(
                        synonyms,
                        stopStems,
                        petNames == null ? null : new PetNames(petNames, ownWord));
        this.headings = new ChainAnalyzer(phrases, stopStems, null);
        this.petNamesOnly =
                new ChainAnalyzer(
                        null, null, petNames == null ? null : new PetNames(petNames, ownWord));
    }

    /**
     * The analysis for a pack: its own word lists ({@code synonyms.txt}, {@code generic-words.txt},
     * {@code animals.txt}, {@code care-topics.txt}) with the English lists shipped in this package.
     * A pack that brings none of a list gets the default pack's when that is on the classpath, so
     * an operator's pack of Markdown alone still reads questions well. Built once per set of lists
     * and shared (it is immutable).
     */
    static GuideAnalysis of(KnowledgePack pack) {
        PackWords words = PackWords.of(pack);
        return CACHE.computeIfAbsent(words.lists(), k -> parse(words));
    }

    private static final java.util.Map<java.util.Map<String, String>, GuideAnalysis> CACHE =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** The English lists of this package: the same for every pack, parsed on first use only. */
    private static final class English {
        static final Set<String> WORDS = Set.of(resource("english-words.txt").split("\n"));
        static final Set<String> COMMON = Set.of(resource("common-words.txt").split("\n"));
    }

    private static GuideAnalysis parse(PackWords pack) {
        Analyzer plain = new ChainAnalyzer(null, null, null);
        Set<String> listed = new HashSet<>();
        List<String> stopWords = words(resource("stop-words.txt"), listed);
        CharArraySet stops = new CharArraySet(stopWords.size() * 2, false);
        for (String w : stopWords) stops.addAll(terms(plain, w));
        Set<String> generic = new HashSet<>();
        for (String w : words(pack.text(PackWords.GENERIC_WORDS), listed))
            generic.addAll(terms(plain, w));
        Set<String> own = new HashSet<>();
        Set<String> other = new HashSet<>();
        List<String> petNames = new ArrayList<>();
        for (String line : pack.text(PackWords.ANIMALS).split("\n")) {
            String content = line.contains("#") ? line.substring(0, line.indexOf('#')) : line;
            if (content.startsWith("own:")) own.addAll(terms(plain, content.substring(4)));
            if (content.startsWith("other:")) other.addAll(terms(plain, content.substring(6)));
            if (content.startsWith("pet-names:"))
                petNames.addAll(words(content.substring(10), new HashSet<>()));
        }
        Set<String> topics = new HashSet<>();
        for (String w : words(pack.text(PackWords.CARE_TOPICS), new HashSet<>()))
            topics.addAll(terms(plain, w));
        String synonymText = singleWordOutputs(pack.text(PackWords.SYNONYMS));
        listed.addAll(words(synonymText.replaceAll("=>|,", " "), new HashSet<>()));
        java.util.regex.Pattern petPattern =
                petNames.isEmpty() || own.isEmpty()
                        ? null
                        : java.util.regex.Pattern.compile(
                                "(?i)\\b("
                                        + String.join(
                                                "|",
                                                petNames.stream()
                                                        .map(java.util.regex.Pattern::quote)
                                                        .toList())
                                        + ")\\b");
        String ownWord =
                own.isEmpty()
                        ? ""
                        : pack.text(PackWords.ANIMALS)
                                .lines()
                                .filter(l -> l.startsWith("own:"))
                                .map(l -> l.substring(4).strip().split("\\s+"))
                                .filter(a -> a.length > 0)
                                .map(a -> a[a.length - 1])
                                .findFirst()
                                .orElse("");
        SolrSynonymParser parser = new SolrSynonymParser(true, true, plain);
        SolrSynonymParser phraseParser = new SolrSynonymParser(true, true, plain);
        try {
            parser.parse(new StringReader(synonymText));
            phraseParser.parse(new StringReader(phraseRules(synonymText)));
            return new GuideAnalysis(
                    CharArraySet.unmodifiableSet(stops),
                    Set.copyOf(generic),
                    parser.build(),
                    Set.copyOf(listed),
                    English.WORDS,
                    English.COMMON,
                    Set.copyOf(topics),
                    Set.copyOf(own),
                    Set.copyOf(other),
                    phraseParser.build(),
                    petPattern,
                    ownWord);
        } catch (IOException | ParseException e) {
            throw new IllegalStateException(
                    "the pack's synonyms.txt is broken: " + e.getMessage(), e);
        }
    }

    /** Stems of a text after the pack's pet names are read as its animal ("ratties" as "rats"). */
    List<String> petStems(String text) {
        return terms(petNamesOnly, text);
    }

    /** Whether an analysed term is a stop word. */
    boolean isStop(String term) {
        return stopStems.contains(term);
    }

    /** Whether an analysed term says nothing about a question's topic ("rat", "how", "help"). */
    boolean isGeneric(String term) {
        return genericStems.contains(term);
    }

    /**
     * Every surface word of the engine's own word lists and synonyms (known words for spelling
     * correction).
     */
    Set<String> listedWords() {
        return listedWords;
    }

    /**
     * Whether a lower-case word is a real English word (SCOWL list, see english-words-NOTICE.txt).
     */
    boolean isEnglish(String word) {
        return englishWords.contains(word);
    }

    /**
     * Whether a lower-case word is everyday English: among the most common words (SCOWL sizes 10
     * and 20, see english-words-NOTICE.txt). Such a word, when the pack does not use it, is more
     * likely chat around a question ("from my breakfast") than the topic of one, unless it names a
     * care topic ({@link #isCareTopic}).
     */
    boolean isCommon(String word) {
        return commonWords.contains(word);
    }

    /**
     * Whether an analysed term names a pet-care topic ("vet", "cheese", "wheel"; {@code
     * care-topics.txt}).
     */
    boolean isCareTopic(String term) {
        return topicStems.contains(term);
    }

    /** Whether an analysed term names the animal the pack is about ("rat"). */
    boolean isOwnAnimal(String term) {
        return ownAnimals.contains(term);
    }

    /** Whether an analysed term names another animal ("dog", "kitten"). */
    boolean isOtherAnimal(String term) {
        return otherAnimals.contains(term);
    }

    /** The analysed terms of a text with the index chain, in order. */
    List<String> indexTerms(String text) {
        return terms(index, text);
    }

    /** A word's stem without stop-word removal. */
    List<String> stems(String text) {
        return terms(stemmer, text);
    }

    static List<String> terms(Analyzer analyzer, String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) out.add(term.toString());
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // reading a String cannot fail
        }
        return out;
    }

    /**
     * Normalises the rules before Lucene reads them: a word never expands into a phrase ("a, b c,
     * d" becomes "a, b c, d => a, d"), because the phrase's single words ("cage" of "cage mate")
     * would then count as matches; and a word that a rule rewrites keeps standing for itself ("rest
     * => sleep" also keeps "rest"), because the pack may use the owner's word too.
     */
    static String singleWordOutputs(String rules) {
        StringBuilder out = new StringBuilder();
        for (String line : rules.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) continue;
            String[] sides = trimmed.split("=>", 2);
            List<String> inputs = members(sides[0]);
            List<String> outputs =
                    sides.length == 2
                            ? members(sides[1])
                            : inputs.stream().filter(m -> !m.contains(" ")).toList();
            if (outputs.isEmpty())
                outputs = inputs; // a group of phrases only: keep Lucene's own reading
            for (String input : inputs) {
                List<String> targets = new ArrayList<>(outputs);
                if (!input.contains(" ") && !targets.contains(input)) targets.add(0, input);
                out.append(input).append(" => ").append(String.join(", ", targets)).append('\n');
            }
        }
        return out.toString();
    }

    /** The normalised rules whose input is a phrase of several words. */
    static String phraseRules(String normalised) {
        StringBuilder out = new StringBuilder();
        for (String line : normalised.split("\n")) {
            if (line.split("=>", 2)[0].strip().contains(" ")) out.append(line).append('\n');
        }
        return out.toString();
    }

    private static List<String> members(String side) {
        List<String> out = new ArrayList<>();
        for (String m : side.split(",")) if (!m.isBlank()) out.add(m.strip());
        return out;
    }

    private static List<String> words(String text, Set<String> collect) {
        List<String> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            int hash = line.indexOf('#');
            String content = hash >= 0 ? line.substring(0, hash) : line;
            for (String w : content.trim().split("\\s+")) {
                if (w.isEmpty()) continue;
                out.add(w);
                collect.add(w.toLowerCase(java.util.Locale.ROOT));
            }
        }
        return out;
    }

    private static String resource(String name) {
        try (InputStream in = GuideAnalysis.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing engine resource " + name);
            try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                StringBuilder sb = new StringBuilder();
                char[] buf = new char[8192];
                for (int n; (n = r.read(buf)) > 0; ) sb.append(buf, 0, n);
                return sb.toString();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Words Porter would merge with an unrelated word ("position" and "positive" both become
     * "posit"); they keep a stem of their own. One "word stem" pair a line in {@code
     * stem-overrides.txt}.
     */
    private static final StemmerOverrideFilter.StemmerOverrideMap OVERRIDES = overrides();

    private static StemmerOverrideFilter.StemmerOverrideMap overrides() {
        StemmerOverrideFilter.Builder builder = new StemmerOverrideFilter.Builder(false);
        for (String line : resource("stem-overrides.txt").split("\n")) {
            String content = line.contains("#") ? line.substring(0, line.indexOf('#')) : line;
            String[] pair = content.trim().split("\\s+");
            if (pair.length == 2) builder.add(pair[0], pair[1]);
        }
        try {
            return builder.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The pack's pet names for its animal ("ratties", "critters") and the plural they stand for
     * ("rats").
     */
    private record PetNames(java.util.regex.Pattern pattern, String plural) {}

    /** tokenize → possessive → lower case → fold → stem → [synonyms] → [stop]. */
    private static final class ChainAnalyzer extends Analyzer {
        private final SynonymMap synonyms;
        private final CharArraySet stops;
        private final PetNames petNames;

        ChainAnalyzer(SynonymMap synonyms, CharArraySet stops, PetNames petNames) {
            this.synonyms = synonyms;
            this.stops = stops;
            this.petNames = petNames;
        }

        /**
         * Questions call the animals by pet names ("ratties", "critters"); reading them as "rats"
         * before anything else lets phrase rules ("how long do rats live") match however the owner
         * names them.
         */
        @Override
        protected Reader initReader(String fieldName, Reader reader) {
            return petNames == null
                    ? reader
                    : new PatternReplaceCharFilter(petNames.pattern(), petNames.plural(), reader);
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            StandardTokenizer source = new StandardTokenizer();
            TokenStream ts = new EnglishPossessiveFilter(source);
            ts = new LowerCaseFilter(ts);
            ts = new ASCIIFoldingFilter(ts);
            ts = new StemmerOverrideFilter(ts, OVERRIDES);
            ts = new PorterStemFilter(ts);
            if (synonyms != null) ts = new SynonymGraphFilter(ts, synonyms, true);
            if (stops != null) ts = new StopFilter(ts, stops);
            return new TokenStreamComponents(source, ts);
        }
    }
}
