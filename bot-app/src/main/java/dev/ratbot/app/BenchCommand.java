package dev.ratbot.app;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code ratbot bench}: prints speed and memory figures of the answer engine (and, later, delivery). */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Measure answer speed and memory; prints medians and percentiles.")
final class BenchCommand implements Callable<Integer> {

    @Override
    public Integer call() throws Exception {
        dev.ratbot.answer.AnswerBenchmark.run(System.out);
        return 0;
    }
}
