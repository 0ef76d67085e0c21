package dev.ratbot.feedback;

import dev.ratbot.platform.Platform;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The in-memory twin of the JDBC answer log; keeps the most recent entries only, so memory stays bounded. */
public final class InMemoryAnswerLog implements AnswerLog {

    /** One logged question. {@code helpful} is empty until rated. */
    public record Entry(Platform platform, String question, Optional<String> sectionId, boolean answered, Optional<Boolean> helpful) {
    }

    private static final int KEEP = 10_000;
    private long next;
    private final Map<String, Entry> entries = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, InMemoryAnswerLog.Entry> eldest) {
            return size() > KEEP;
        }
    };

    @Override
    public synchronized String recordAnswer(Platform platform, String question, Optional<String> sectionId, boolean answered) {
        String key = Long.toString(++next, 36);
        entries.put(key, new Entry(platform, question, sectionId, answered, Optional.empty()));
        return key;
    }

    @Override
    public synchronized boolean recordFeedback(String answerKey, boolean helpful) {
        Entry e = entries.get(answerKey);
        if (e == null) return false;
        entries.put(answerKey, new Entry(e.platform(), e.question(), e.sectionId(), e.answered(), Optional.of(helpful)));
        return true;
    }

    public synchronized Optional<Entry> entry(String key) {
        return Optional.ofNullable(entries.get(key));
    }
}
