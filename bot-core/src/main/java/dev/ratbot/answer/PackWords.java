package dev.ratbot.answer;

import dev.ratbot.knowledge.KnowledgePack;
import dev.ratbot.knowledge.KnowledgePackLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The word lists the engine reads from a pack: what its owners call the animal, its synonyms, its
 * care topics, the cue words of questions, health and small talk, and the trained decision weights.
 * The engine holds none of these words itself; a pack without one of the files borrows the default
 * pack's (when it is on the classpath), so an operator's pack of Markdown alone still works.
 */
record PackWords(Map<String, String> lists) {
    // The lists read as they are; the trained files and the health lists are named by the classes
    // that read them.
    static final String SYNONYMS = "synonyms.txt";
    static final String GENERIC_WORDS = "generic-words.txt";
    static final String ANIMALS = "animals.txt";
    static final String CARE_TOPICS = "care-topics.txt";
    static final String SMALL_TALK = "small-talk.txt";
    static final String QUESTION_WORDS = "question-words.txt";
    static final String PLEA_WORDS = "plea-words.txt";
    static final String KIND_WORDS = "kind-words.txt";

    /** Every file a pack may bring beside its Markdown. */
    static final List<String> NAMES =
            List.of(
                    SYNONYMS,
                    GENERIC_WORDS,
                    ANIMALS,
                    CARE_TOPICS,
                    HealthSigns.WORDS,
                    HealthSigns.PHRASES,
                    HealthSigns.EXCEPTIONS,
                    SMALL_TALK,
                    Shorthand.FILE,
                    QUESTION_WORDS,
                    PLEA_WORDS,
                    KIND_WORDS,
                    DecisionModel.FILE,
                    PassageVectors.FILE,
                    Exemplars.FILE,
                    SectionProbe.FILE);

    static PackWords of(KnowledgePack pack) {
        Map<String, String> out = new HashMap<>();
        for (String name : NAMES)
            out.put(name, pack.wordList(name).orElseGet(() -> defaultList(name)));
        return new PackWords(Map.copyOf(out));
    }

    String text(String name) {
        String text = lists.get(name);
        if (text == null) throw new IllegalArgumentException("not a pack word list: " + name);
        return text;
    }

    /** Lower-case words of a list, several a line, '#' starting a comment. */
    java.util.Set<String> words(String name) {
        java.util.Set<String> out = new java.util.HashSet<>();
        for (String line : text(name).split("\n")) {
            int hash = line.indexOf('#');
            String content =
                    (hash >= 0 ? line.substring(0, hash) : line)
                            .strip()
                            .toLowerCase(java.util.Locale.ROOT);
            for (String w : content.split("\\s+")) if (!w.isEmpty()) out.add(w);
        }
        return out;
    }

    /** Lines of a list (phrases), lower case, comments and blank lines dropped. */
    List<String> phrases(String name) {
        return text(name)
                .lines()
                .map(l -> l.contains("#") ? l.substring(0, l.indexOf('#')) : l)
                .map(l -> l.strip().toLowerCase(java.util.Locale.ROOT))
                .filter(l -> !l.isEmpty())
                .toList();
    }

    private static String defaultList(String name) {
        String path = KnowledgePackLoader.DEFAULT_PACK + "/" + name;
        try (InputStream in = PackWords.class.getClassLoader().getResourceAsStream(path)) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
