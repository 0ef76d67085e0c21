package dev.ratbot.answer;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The engine's answers to the texts it read last, by the cleaned text. An answer is a pure function
 * of that text, and in chat the same short questions come again all day ("how do I get my rat to
 * trust me", "hi"); reading one again costs about a millisecond of keyword search and ranking even
 * when its vectors are cached, against microseconds here. Bounded like the embedder's cache: an
 * answer is a passage of at most about 700 characters, so a full cache holds some megabytes.
 */
final class RecentAnswers {
    /** As many as the embedder keeps vectors for: a question read again finds both. */
    static final int ENTRIES = MiniLmEmbedder.CACHE_ENTRIES;

    private final int capacity;

    private final Map<String, Answer> answers;

    RecentAnswers(int capacity) {
        this.capacity = capacity;
        this.answers =
                new LinkedHashMap<>(64, 0.75f, true) {
                    @Override
                    protected boolean removeEldestEntry(Map.Entry<String, Answer> eldest) {
                        return size() > RecentAnswers.this.capacity;
                    }
                };
    }

    /**
     * The answer to a cleaned text, read once: computed on a miss (outside the lock, so other chats
     * are not held up by a slow read; two chats asking the same new text at once both read it), and
     * given back as asked in {@code question}'s own words.
     */
    Answer answer(String cleaned, String question, Function<String, Answer> read) {
        Answer known;
        synchronized (answers) {
            known = answers.get(cleaned);
        }
        if (known == null) {
            known = read.apply(cleaned);
            synchronized (answers) {
                answers.put(cleaned, known);
            }
        }
        return known.question().equals(question) ? known : known.askedAs(question);
    }

    /** How many answers are kept (for tests). */
    int size() {
        synchronized (answers) {
            return answers.size();
        }
    }
}
