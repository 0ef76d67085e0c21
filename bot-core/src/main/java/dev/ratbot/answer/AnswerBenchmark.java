package dev.ratbot.answer;

import dev.ratbot.knowledge.KnowledgePack;
import dev.ratbot.knowledge.KnowledgePackLoader;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Measures the answer engine and prints the figures the issue sets targets for:
 * <ul>
 *   <li>start to first answer: loading the default pack, indexing it and answering once (target under 1.5 s;
 *       in process, so JVM start-up is not included; meaningful only as the first thing a fresh JVM does);</li>
 *   <li>heap and resident memory after loading (target under 256 MB resident);</li>
 *   <li>per-question median and p99 latency and questions per second on one thread, default pack
 *       (targets under 0.2 ms, under 2 ms, at least 5,000/s);</li>
 *   <li>p99 latency on a synthetic pack of about 100,000 passages (target under 20 ms).</li>
 * </ul>
 * Run it with {@code ratbot bench} or this class's {@code main}; numbers depend on the machine.
 */
public final class AnswerBenchmark {
    /** Questions of the kinds users ask: answerable, misspelt, shouted, uncovered, off-topic, hostile. */
    static final List<String> QUESTIONS = List.of(
            "How big does a cage for two rats have to be?", "What bedding should I use?", "Which treats are safe for rats?",
            "Can my rat eat rice?", "How do I hold my rat properly?", "What does bruxing mean?", "Why does my rat chirp?",
            "What toys do rats like?", "Is it safe to let my rat run around the living room?", "How do I teach my rat tricks?",
            "What is allogrooming?", "Why is my rat hiding all the time?", "My rat bit me. What should I do?",
            "How do I introduce two rats?", "How can I tell that my rat likes me?", "How long does bonding take?",
            "Do rats need company?", "Do rats snuggle?", "Where should the cage go?", "Do rats have good eyesight?",
            "what does bruxxing mean", "HOW DO I PICK UP MY RAT", "my ratties keep nipping me!!", "are bananas ok for rats",
            "How old can a rat get?", "How often should I take my rat to the vet?", "Can rats eat grapes?",
            "What is the boiling point of water?", "Book me a flight to Paris", "qwertyuiop",
            "AND ( ) * ? ~ ^ : \\ / \" title:cage", "\ud83d\udc00\ud83d\udc00 rat?", "Как подружиться с крысой?",
            "how do i get my scaired rat to trust me so she stops hiding in her hidey house all day long");

    private AnswerBenchmark() {
    }

    public static void main(String[] args) {
        int largePassages = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        run(System.out, largePassages);
    }

    /** Runs every measurement on the default pack and a synthetic one of {@code largePassages} passages (0 skips it). */
    public static void run(PrintStream out, int largePassages) {
        run(out, largePassages, 100_000, 5_000);
    }

    /**
     * The same with the number of timed questions chosen: {@code smallQuestions} on the default pack and
     * {@code largeQuestions} on the synthetic one (each also used, scaled down, for warming up).
     */
    public static void run(PrintStream out, int largePassages, int smallQuestions, int largeQuestions) {
        long start = System.nanoTime();
        KnowledgePack pack = KnowledgePackLoader.loadDefault();
        LuceneAnswerEngine engine = LuceneAnswerEngine.build(pack);
        engine.answer(QUESTIONS.get(0));
        double firstAnswerMs = (System.nanoTime() - start) / 1e6;
        out.printf(Locale.ROOT, "start to first answer (pack load + index + 1 answer, in process): %.0f ms  [target < 1500 ms]%n", firstAnswerMs);
        out.printf(Locale.ROOT, "default pack: %d sections%n", pack.sections().size());
        memory(out);

        // Let the JIT settle before measuring.
        for (int i = 0; i < Math.max(1, smallQuestions * 3 / 10); i++) engine.answer(QUESTIONS.get(i % QUESTIONS.size()));
        Latency small = measure(engine, Math.max(1, smallQuestions));
        out.printf(Locale.ROOT, "default pack, one thread, %d questions: median %.3f ms, p99 %.3f ms, max %.3f ms, %.0f questions/s"
                        + "  [targets: median < 0.2 ms, p99 < 2 ms, >= 5000/s]%n",
                small.count, small.medianMs, small.p99Ms, small.maxMs, small.perSecond);

        if (largePassages <= 0) return;
        KnowledgePack big = SyntheticPack.grow(pack, largePassages, 42);
        long buildStart = System.nanoTime();
        LuceneAnswerEngine bigEngine = LuceneAnswerEngine.build(big);
        out.printf(Locale.ROOT, "synthetic pack: %d sections, %d passages, indexed in %.1f s%n",
                big.sections().size(), largePassages, (System.nanoTime() - buildStart) / 1e9);
        for (int i = 0; i < Math.max(1, largeQuestions * 4 / 10); i++) bigEngine.answer(QUESTIONS.get(i % QUESTIONS.size()));
        Latency large = measure(bigEngine, Math.max(1, largeQuestions));
        out.printf(Locale.ROOT, "synthetic pack, one thread, %d questions: median %.3f ms, p99 %.3f ms, max %.3f ms, %.0f questions/s"
                        + "  [target: p99 < 20 ms]%n",
                large.count, large.medianMs, large.p99Ms, large.maxMs, large.perSecond);
    }

    record Latency(int count, double medianMs, double p99Ms, double maxMs, double perSecond) {
    }

    static Latency measure(AnswerEngine engine, int count) {
        long[] nanos = new long[count];
        long begin = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long t = System.nanoTime();
            engine.answer(QUESTIONS.get(i % QUESTIONS.size()));
            nanos[i] = System.nanoTime() - t;
        }
        double totalSeconds = (System.nanoTime() - begin) / 1e9;
        Arrays.sort(nanos);
        return new Latency(count, nanos[count / 2] / 1e6, nanos[(int) Math.min(count - 1, Math.ceil(count * 0.99) - 1)] / 1e6,
                nanos[count - 1] / 1e6, count / totalSeconds);
    }

    private static void memory(PrintStream out) {
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long heapUsed = rt.totalMemory() - rt.freeMemory();
        long nonHeap = ManagementFactory.getMemoryMXBean().getNonHeapMemoryUsage().getUsed();
        out.printf(Locale.ROOT, "memory after load: heap used %.1f MB (heap committed %.1f MB), non-heap %.1f MB, resident %s  [target: resident < 256 MB]%n",
                heapUsed / 1e6, rt.totalMemory() / 1e6, nonHeap / 1e6, residentMemory());
    }

    /** The process's resident set size from /proc (Linux), or "n/a" elsewhere. */
    private static String residentMemory() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    return String.format(Locale.ROOT, "%.1f MB", kb / 1024.0);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or /proc unreadable: resident size is simply not reported
        }
        return "n/a";
    }
}
