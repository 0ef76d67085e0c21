package dev.ratbot.console;

import dev.ratbot.answer.Answer;
import dev.ratbot.answer.AnswerEngine;
import dev.ratbot.answer.SectionRef;
import dev.ratbot.knowledge.KnowledgePack;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The answer engine with what operators taught: an engine built from the pack plus the operator's
 * entries (see {@link TaughtPack}), swapped atomically whenever the entries change, so that a new
 * answer is used at once by this instance and, through {@link #refresh()} run every few seconds
 * ({@link #start}), by every instance sharing the database. Answers from the operator's own entries
 * carry {@link EntryFiles#OPERATOR} instead of the guide's attribution; a hit on a phrasing answers
 * with the section it stands for. Thread-safe.
 */
public final class OperatorKnowledge implements AnswerEngine, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OperatorKnowledge.class);

    private record Current(long revision, AnswerEngine engine, TaughtPack taught) {}

    private final KnowledgePack pack;
    private final OperatorEntries entries;
    private final Function<KnowledgePack, AnswerEngine> build;
    private final AtomicReference<Current> current = new AtomicReference<>();
    private final Object rebuilding = new Object();
    private ScheduledExecutorService poller;

    /**
     * @param pack the knowledge pack as loaded
     * @param plain the engine already built from {@code pack}, used while no entry is enabled
     * @param entries the operator's entries
     * @param build how to build an engine from a pack (the Lucene engine's factory)
     */
    public OperatorKnowledge(
            KnowledgePack pack,
            AnswerEngine plain,
            OperatorEntries entries,
            Function<KnowledgePack, AnswerEngine> build) {
        this.pack = Objects.requireNonNull(pack, "pack");
        this.entries = Objects.requireNonNull(entries, "entries");
        this.build = Objects.requireNonNull(build, "build");
        current.set(
                new Current(
                        Long.MIN_VALUE,
                        Objects.requireNonNull(plain, "plain"),
                        TaughtPack.of(pack, List.of())));
        refresh();
    }

    /**
     * Checks the store every {@code every} and rebuilds when another instance (or this one) changed
     * the entries.
     */
    public OperatorKnowledge start(Duration every) {
        poller =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread t = new Thread(r, "ratbot-operator-entries");
                            t.setDaemon(true);
                            return t;
                        });
        var unused =
                poller.scheduleWithFixedDelay(
                        () -> {
                            try {
                                refresh();
                            } catch (RuntimeException e) {
                                log.warn(
                                        "could not read the operator's entries: {}",
                                        e.getMessage());
                            }
                        },
                        every.toMillis(),
                        every.toMillis(),
                        TimeUnit.MILLISECONDS);
        return this;
    }

    /** Rebuilds the engine if the entries changed since the last build; returns whether it did. */
    public boolean refresh() {
        synchronized (rebuilding) {
            long revision = entries.revision();
            if (revision == current.get().revision()) return false;
            List<OperatorEntry> all = entries.all();
            TaughtPack taught = TaughtPack.of(pack, all);
            boolean plain = taught.aliases().isEmpty() && taught.answers().isEmpty();
            AnswerEngine engine =
                    plain
                                    && current.get().taught().answers().isEmpty()
                                    && current.get().taught().aliases().isEmpty()
                            ? current.get().engine()
                            : build.apply(taught.pack());
            current.set(new Current(revision, engine, taught));
            log.info(
                    "answering with {} operator answers and {} extra phrasings (revision {})",
                    taught.answers().size(),
                    taught.aliases().size(),
                    revision);
            return true;
        }
    }

    @Override
    public Answer answer(String question) {
        Current c = current.get();
        Answer a = c.engine().answer(question);
        Optional<String> id = a.section().map(SectionRef::id);
        if (id.isPresent() && c.taught().aliases().containsKey(id.get())) {
            Optional<Answer> target = c.engine().section(c.taught().aliases().get(id.get()));
            if (target.isPresent()) {
                return a.showing(target.get()).withRelated(related(c, a.related()));
            }
        }
        // The engine's verdict stands: small talk, the health reply and "likely" stay what they
        // are.
        return credited(c, a.withRelated(related(c, a.related())));
    }

    @Override
    public Optional<Answer> section(String sectionId) {
        Current c = current.get();
        String id = c.taught().aliases().getOrDefault(sectionId, sectionId);
        return c.engine().section(id).map(a -> credited(c, a));
    }

    @Override
    public List<SectionRef> topics() {
        Current c = current.get();
        return c.engine().topics().stream()
                .filter(t -> !c.taught().aliases().containsKey(t.id()))
                .toList();
    }

    /**
     * The engine's completions without the phrasings: those are what some user typed, not for
     * everyone to see.
     */
    @Override
    public List<String> suggest(String prefix, int max) {
        Current c = current.get();
        if (c.taught().phrasings().isEmpty()) return c.engine().suggest(prefix, max);
        int ask =
                (int)
                        Math.min(
                                Integer.MAX_VALUE,
                                (long) Math.max(0, max) + c.taught().phrasings().size());
        return c.engine().suggest(prefix, ask).stream()
                .filter(s -> !c.taught().phrasings().contains(s))
                .limit(Math.max(0, max))
                .toList();
    }

    private static Answer credited(Current c, Answer a) {
        boolean operators =
                a.answered()
                        && a.section()
                                .map(s -> c.taught().answers().contains(s.id()))
                                .orElse(false);
        return operators ? a.creditedTo(EntryFiles.OPERATOR) : a;
    }

    private static List<SectionRef> related(Current c, List<SectionRef> related) {
        return related.stream().filter(r -> !c.taught().aliases().containsKey(r.id())).toList();
    }

    @Override
    public void close() {
        if (poller != null) poller.shutdownNow();
    }
}
