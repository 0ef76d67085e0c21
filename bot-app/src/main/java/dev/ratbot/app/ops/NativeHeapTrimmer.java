package dev.ratbot.app.ops;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * Hands back to the system the native memory the process has already freed. ONNX Runtime (loading
 * the embedding model, and buffers sized to each post) and the JIT compiler allocate and free tens
 * of megabytes through glibc's malloc, which keeps what is freed in its per-thread arenas. Measured
 * during {@code ratbot bench} with {@code -Xmx160m}: 45 MB of 308 MB resident was such memory, and
 * it took the process over the 300 MB target.
 *
 * <p>The JVM's own {@code System.trim_native_heap} returns it; JDK 22 can run that on a timer
 * ({@code -XX:TrimNativeHeapInterval}), but an operator's plain {@code java -jar} on Java 21 passes
 * no such flag, so this calls it on a daemon thread. Where the platform has no trim (not glibc),
 * the JVM says so and the first try is the last.
 */
public final class NativeHeapTrimmer {

    /**
     * Often enough that the buffers of long posts do not pile up between trims; a trim takes
     * milliseconds on its own thread. Measured with {@code ask --json} over 20,000 labelled posts
     * and questions ({@code -Xmx160m}, serial collector): peak resident 299 MB trimming every
     * second against 317 to 321 MB every five, in the same time (26 to 29 s).
     */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);

    /** What the JVM's report of a trim starts with; anything else means it cannot trim here. */
    static final String TRIMMED = "Trim native heap";

    private NativeHeapTrimmer() {}

    /**
     * Trims every {@code interval}, the first time one interval from now, for the life of the
     * process (the thread is a daemon).
     */
    public static void start(Duration interval) {
        if (interval.isNegative() || interval.isZero())
            throw new IllegalArgumentException("interval must be positive: " + interval);
        ScheduledExecutorService timer =
                Executors.newSingleThreadScheduledExecutor(
                        runnable -> {
                            Thread t = new Thread(runnable, "ratbot-native-heap-trim");
                            t.setDaemon(true);
                            return t;
                        });
        long millis = interval.toMillis();
        // trimOnce never throws, so the future holds no failure to look at.
        var unused =
                timer.scheduleWithFixedDelay(
                        () -> {
                            if (trimOnce().isEmpty()) timer.shutdown();
                        },
                        millis,
                        millis,
                        TimeUnit.MILLISECONDS);
    }

    /**
     * One trim now; the JVM's one-line report (resident memory before and after) when it trimmed,
     * empty when this platform cannot.
     */
    static Optional<String> trimOnce() {
        try {
            Object report =
                    ManagementFactory.getPlatformMBeanServer()
                            .invoke(
                                    new ObjectName("com.sun.management:type=DiagnosticCommand"),
                                    "systemTrimNativeHeap",
                                    new Object[] {new String[0]},
                                    new String[] {String[].class.getName()});
            String line = String.valueOf(report).strip();
            return line.startsWith(TRIMMED) ? Optional.of(line) : Optional.empty();
        } catch (JMException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
