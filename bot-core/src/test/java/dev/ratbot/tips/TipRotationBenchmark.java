package dev.ratbot.tips;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * How long choosing a subscription's next tip takes (the scheduler does it once per delivery). Run
 * with {@code java -cp bot-core/target/classes:bot-core/target/test-classes:<deps>
 * dev.ratbot.tips.TipRotationBenchmark} or from an IDE; prints the median and the 99th percentile
 * in microseconds.
 */
public final class TipRotationBenchmark {

    public static void main(String[] args) {
        TipCatalogue catalogue = TipCatalogue.from(GuideFixture.pack());
        TipRotation rotation = new TipRotation(catalogue);
        int rounds = 200_000;
        long[] nanos = new long[rounds];
        long sink = 0;
        for (int warm = 0; warm < 2; warm++) {
            for (int i = 0; i < rounds; i++) {
                long subscription = i * 7919L;
                Set<String> delivered = new HashSet<>();
                // Halfway through a cycle, the usual case.
                for (Tip t : rotation.order(subscription, 3).subList(0, (i % catalogue.size())))
                    delivered.add(t.id());
                long start = System.nanoTime();
                sink += rotation.next(subscription, 3, delivered).orElseThrow().cycle();
                nanos[i] = System.nanoTime() - start;
            }
        }
        Arrays.sort(nanos);
        System.out.printf(
                "TipRotation.next over %d tips: median %.1f us, p99 %.1f us (%d)%n",
                catalogue.size(),
                nanos[rounds / 2] / 1000.0,
                nanos[rounds * 99 / 100] / 1000.0,
                sink % 2);
    }
}
