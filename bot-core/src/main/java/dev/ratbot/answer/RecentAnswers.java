package dev.ratbot.answer;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The engine's answers to the texts it read last, by the cleaned text. An answer is a pure function
 * of that text, and in chat the same short questions come again all day ("how do I get my rat to
 * trust me", "hi"); reading one again costs about a millisecond of keyword search and ranking even
 * when its vectors are cached, against microseconds here. Bounded like the embedder's cache, and in
 * size too: only texts of at most {@link #MAX_CHARS} characters are kept (long posts rarely come
 * again word for word), and an answer is kept without the words it was asked in (a 100 KB message
 * would otherwise be held for good), so a full cache holds about 20 MB at most.
 */
final class RecentAnswers {
    /** As many as the embedder keeps vectors for: a question read again finds both. */
    static final int ENTRIES = MiniLmEmbedder.CACHE_ENTRIES;

    /** Longer texts are read every time; the embedder reads no more than this either. */
    static final int MAX_CHARS = MiniLmEmbedder.MAX_CHARS;

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
     * given back as asked in {@code question}'s own words. {@code read} is given the cleaned text.
     */
    Answer answer(String cleaned, String question, Function<String, Answer> read) {
        if (cleaned.length() > MAX_CHARS) return read.apply(cleaned).askedAs(question);
        Answer known;
        synchronized (answers) {
            known = answers.get(cleaned);
        }
        if (known == null) {
            known = read.apply(cleaned).askedAs("");
            synchronized (answers) {
                answers.put(cleaned, known);
            }
        }
        return known.askedAs(question);
    }

    /** How many answers are kept (for tests). */
    int size() {
        synchronized (answers) {
            return answers.size();
        }
    }
}
