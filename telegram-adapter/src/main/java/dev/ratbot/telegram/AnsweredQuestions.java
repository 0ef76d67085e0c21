package dev.ratbot.telegram;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which bot messages answered which question in a private chat, for 48 hours (as long as Telegram
 * lets a bot edit its messages), so that an edited question edits its answer in place. Kept in
 * memory and bounded: after a restart, or on another instance, an edited question is simply
 * answered anew. Thread-safe.
 */
final class AnsweredQuestions {

    static final Duration KEEP = Duration.ofHours(48);
    private static final int MAX_ENTRIES = 20_000;

    private record Answered(List<Integer> answerIds, Instant at) {}

    private final Clock clock;
    private final Map<String, Answered> answers =
            new LinkedHashMap<>(256, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Answered> eldest) {
                    return size() > MAX_ENTRIES;
                }
            };

    AnsweredQuestions(Clock clock) {
        this.clock = clock;
    }

    synchronized void remember(String chatId, int questionId, List<Integer> answerIds) {
        if (answerIds.isEmpty()) return;
        answers.put(
                chatId + "/" + questionId, new Answered(List.copyOf(answerIds), clock.instant()));
    }

    /** The answer's message ids, while it may still be edited. */
    synchronized Optional<List<Integer>> answerTo(String chatId, int questionId) {
        Answered e = answers.get(chatId + "/" + questionId);
        if (e == null) return Optional.empty();
        if (Duration.between(e.at(), clock.instant()).compareTo(KEEP) >= 0) {
            answers.remove(chatId + "/" + questionId);
            return Optional.empty();
        }
        return Optional.of(e.answerIds());
    }
}
