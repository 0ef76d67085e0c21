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
 *
 * <ul>
 *   <li>start to first answer: loading the default pack, indexing it, loading the
 *       sentence-embedding model and answering once (target under 1.5 s; in process, so JVM
 *       start-up is not included; meaningful only as the first thing a fresh JVM does);
 *   <li>heap and resident memory after loading (target under 300 MB resident with {@code
 *       -Xmx160m});
 *   <li>mixed short questions and long posts (about 1,000 characters) on one thread, as {@code ask
 *       --json} meets them: mean and p99 per question, and p99 of the long posts (targets: mean at
 *       most 1 ms, long-post p99 at most 15 ms). Twice: questions that come again (as in chat: the
 *       engine keeps its answers to recent texts), and every question distinct (a number appended,
 *       so each is read and embedded anew);
 *   <li>peak resident memory after those (the same target; {@code ratbot} trims the native heap
 *       that ONNX Runtime and the JIT compiler free, which glibc would otherwise keep);
 *   <li>p99 latency on a synthetic pack of about 100,000 passages, ranked by words only (target
 *       under 20 ms).
 * </ul>
 *
 * Run it with {@code ratbot bench} or this class's {@code main}; numbers depend on the machine.
 */
public final class AnswerBenchmark {
    /**
     * Questions of the kinds users ask: answerable, misspelt, shouted, uncovered, off-topic,
     * hostile.
     */
    static final List<String> QUESTIONS =
            List.of(
                    "How big does a cage for two rats have to be?",
                    "What bedding should I use?",
                    "Which treats are safe for rats?",
                    "Can my rat eat rice?",
                    "How do I hold my rat properly?",
                    "What does bruxing mean?",
                    "Why does my rat chirp?",
                    "What toys do rats like?",
                    "Is it safe to let my rat run around the living room?",
                    "How do I teach my rat tricks?",
                    "What is allogrooming?",
                    "Why is my rat hiding all the time?",
                    "My rat bit me. What should I do?",
                    "How do I introduce two rats?",
                    "How can I tell that my rat likes me?",
                    "How long does bonding take?",
                    "Do rats need company?",
                    "Do rats snuggle?",
                    "Where should the cage go?",
                    "Do rats have good eyesight?",
                    "what does bruxxing mean",
                    "HOW DO I PICK UP MY RAT",
                    "my ratties keep nipping me!!",
                    "are bananas ok for rats",
                    "How old can a rat get?",
                    "How often should I take my rat to the vet?",
                    "Can rats eat grapes?",
                    "What is the boiling point of water?",
                    "Book me a flight to Paris",
                    "qwertyuiop",
                    "AND ( ) * ? ~ ^ : \\ / \" title:cage",
                    "\ud83d\udc00\ud83d\udc00 rat?",
                    "Как подружиться с крысой?",
                    "how do i get my scaired rat to trust me so she stops hiding in her hidey house all day long");

    /**
     * Long posts, as owners write them on forums: story first, question last; each about 1,000
     * characters.
     */
    static final List<String> POSTS =
            List.of(
                    ("So we adopted two boys from a rescue about three weeks ago, Pickle and Bean, and they are honestly the sweetest "
                            + "things with each other. My partner built them a huge cage with hammocks and a dig box and we let them out "
                            + "on the bed every evening. Bean is already climbing all over me but Pickle is a different story. He hides "
                            + "in the hammock whenever I walk past, and if I put my hand in he backs into the corner and sometimes huffs "
                            + "at me. Yesterday he nipped my finger when I tried to scoop him up, not hard but enough to make me jump, and "
                            + "now I'm nervous every time I open the door which probably makes it worse. The rescue said he was kept in a "
                            + "small tank with a lot of other rats before and nobody handled him. I don't want to force him but I also "
                            + "don't want him to be scared of me forever. How do I get a nervous rescue rat to trust me and stop biting "
                            + "when I try to pick him up?"),
                    ("hi all, first time rat owner here!! my girls Mochi and Sesame are about 10 weeks old and i've had them for a "
                            + "week. they're in a big double critter nation in my bedroom and they seem happy, lots of running around at "
                            + "night lol. my mum thinks they're gross but she's coming round. the thing is i really want them to be "
                            + "cuddly and come to me when i call them, like the videos you see online. right now they'll take treats from "
                            + "my fingers through the bars but as soon as i open the door they zoom off. i've been sitting by the cage "
                            + "talking to them every evening and i tried leaving a t-shirt i wore in the cage. is there a way to speed "
                            + "this up? what are the best treats to use and how often should i be handling them each day so they learn "
                            + "that i'm safe? i don't want to overdo it and stress them out but i also don't want them to stay wild. "
                            + "any tips would be really appreciated, thank you so much!!"),
                    ("My rat Biscuit has started doing this weird thing with his eyes where they kind of vibrate in and out while "
                            + "he sits on my lap, and at the same time I can hear a quiet grinding or clicking sound from his teeth. "
                            + "The first time I saw it I honestly panicked because it looks so strange, like his eyes are going to pop "
                            + "out. He doesn't seem to be in pain though, he's all relaxed and floppy and sometimes he even closes his "
                            + "eyes halfway. It mostly happens in the evening when I'm watching tv and giving him a scratch behind the ears. "
                            + "My other rat Crumb never does it, but she is younger and a lot more hyper. I looked at a few videos and "
                            + "people say different things. Should I be worried about this, or is it normal? What does it mean when a rat's "
                            + "eyes bulge and he grinds his teeth like that? I just want to make sure I'm not missing something, he is "
                            + "my first rat and I love him to bits."));

    private AnswerBenchmark() {}

    public static void main(String[] args) {
        int largePassages = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        run(System.out, largePassages);
    }

    /**
     * Runs every measurement on the default pack and a synthetic one of {@code largePassages}
     * passages (0 skips it).
     */
    public static void run(PrintStream out, int largePassages) {
        run(out, largePassages, 100_000, 5_000);
    }

    /**
     * The same with the number of timed questions chosen: {@code smallQuestions} on the default
     * pack and {@code largeQuestions} on the synthetic one (each also used, scaled down, for
     * warming up).
     */
    public static void run(
            PrintStream out, int largePassages, int smallQuestions, int largeQuestions) {
        long start = System.nanoTime();
        KnowledgePack pack = KnowledgePackLoader.loadDefault();
        LuceneAnswerEngine engine = LuceneAnswerEngine.build(pack);
        engine.answer(QUESTIONS.get(0));
        double firstAnswerMs = (System.nanoTime() - start) / 1e6;
        out.printf(
                Locale.ROOT,
                "start to first answer (pack load + index + 1 answer, in process): %.0f ms  [target < 1500 ms]%n",
                firstAnswerMs);
        out.printf(Locale.ROOT, "default pack: %d sections%n", pack.sections().size());
        memory(out);

        // Let the JIT settle before measuring.
        for (int i = 0; i < Math.max(1, smallQuestions * 3 / 10); i++)
            engine.answer(QUESTIONS.get(i % QUESTIONS.size()));
        Latency small = measure(engine, Math.max(1, smallQuestions));
        out.printf(
                Locale.ROOT,
                "default pack, one thread, %d short questions (they repeat): median %.3f ms, p99 %.3f ms, max %.3f ms, %.0f questions/s%n",
                small.count,
                small.medianMs,
                small.p99Ms,
                small.maxMs,
                small.perSecond);

        Mixed repeating = mixed(engine, Math.max(1, smallQuestions / 5), false, 0);
        out.printf(
                Locale.ROOT,
                "mixed questions and long posts that come again, %d: mean %.3f ms, p99 %.3f ms, long-post p99 %.3f ms"
                        + "  [targets: mean <= 1 ms, long-post p99 <= 15 ms]%n",
                repeating.count,
                repeating.meanMs,
                repeating.p99Ms,
                repeating.longP99Ms);
        // Everything so far was answered from the engine's recent answers after its first time, so
        // the JIT has hardly seen a post read: as many distinct ones again, unmeasured and numbered
        // apart, let it settle first.
        int distinctCount = Math.max(1, smallQuestions / 50);
        mixed(engine, distinctCount, true, distinctCount);
        Mixed distinct = mixed(engine, distinctCount, true, 0);
        out.printf(
                Locale.ROOT,
                "mixed questions and long posts, every one distinct, %d: mean %.3f ms, p99 %.3f ms, long-post p99 %.3f ms"
                        + "  [targets: mean <= 1 ms, long-post p99 <= 15 ms]%n",
                distinct.count,
                distinct.meanMs,
                distinct.p99Ms,
                distinct.longP99Ms);
        out.printf(
                Locale.ROOT,
                "peak resident so far (default pack, all of the above): %s  [target: <= 300 MB with -Xmx160m]%n",
                procStatus("VmHWM:"));

        if (largePassages <= 0) return;
        KnowledgePack big = SyntheticPack.grow(pack, largePassages, 42);
        long buildStart = System.nanoTime();
        // Embedding 100,000 passages would take minutes; the large pack measures the keyword side's
        // scaling.
        LuceneAnswerEngine bigEngine = LuceneAnswerEngine.build(big, null);
        out.printf(
                Locale.ROOT,
                "synthetic pack: %d sections, %d passages, indexed in %.1f s%n",
                big.sections().size(),
                largePassages,
                (System.nanoTime() - buildStart) / 1e9);
        for (int i = 0; i < Math.max(1, largeQuestions * 4 / 10); i++)
            bigEngine.answer(QUESTIONS.get(i % QUESTIONS.size()));
        Latency large = measure(bigEngine, Math.max(1, largeQuestions));
        out.printf(
                Locale.ROOT,
                "synthetic pack, one thread, %d questions: median %.3f ms, p99 %.3f ms, max %.3f ms, %.0f questions/s"
                        + "  [target: p99 < 20 ms]%n",
                large.count,
                large.medianMs,
                large.p99Ms,
                large.maxMs,
                large.perSecond);
    }

    record Latency(int count, double medianMs, double p99Ms, double maxMs, double perSecond) {}

    record Mixed(int count, double meanMs, double p99Ms, double longP99Ms) {}

    /**
     * One long post in ten, as in a help channel; {@code distinct} appends a number, counting from
     * {@code firstNumber}, so no text repeats.
     */
    static Mixed mixed(AnswerEngine engine, int count, boolean distinct, int firstNumber) {
        long[] all = new long[count];
        List<Long> longs = new java.util.ArrayList<>();
        long total = 0;
        for (int i = 0; i < count; i++) {
            boolean isLong = i % 10 == 9;
            String text =
                    isLong ? POSTS.get(i % POSTS.size()) : QUESTIONS.get(i % QUESTIONS.size());
            if (distinct) text = text + " #" + (firstNumber + i);
            long t = System.nanoTime();
            engine.answer(text);
            long d = System.nanoTime() - t;
            all[i] = d;
            total += d;
            if (isLong) longs.add(d);
        }
        Arrays.sort(all);
        long[] l = longs.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Mixed(
                count,
                total / 1e6 / count,
                all[(int) Math.min(count - 1, Math.ceil(count * 0.99) - 1)] / 1e6,
                l.length == 0
                        ? 0
                        : l[(int) Math.min(l.length - 1, Math.ceil(l.length * 0.99) - 1)] / 1e6);
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
        return new Latency(
                count,
                nanos[count / 2] / 1e6,
                nanos[(int) Math.min(count - 1, Math.ceil(count * 0.99) - 1)] / 1e6,
                nanos[count - 1] / 1e6,
                count / totalSeconds);
    }

    private static void memory(PrintStream out) {
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long heapUsed = rt.totalMemory() - rt.freeMemory();
        long nonHeap = ManagementFactory.getMemoryMXBean().getNonHeapMemoryUsage().getUsed();
        out.printf(
                Locale.ROOT,
                "memory after load: heap used %.1f MB (heap committed %.1f MB), non-heap %.1f MB, resident %s  [target: resident <= 300 MB with -Xmx160m]%n",
                heapUsed / 1e6,
                rt.totalMemory() / 1e6,
                nonHeap / 1e6,
                procStatus("VmRSS:"));
    }

    /**
     * A size from /proc/self/status (Linux): {@code VmRSS:} the resident set now, {@code VmHWM:}
     * its peak. "n/a" elsewhere.
     */
    private static String procStatus(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(field)) {
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
