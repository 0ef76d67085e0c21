package dev.ratbot.app;

import dev.ratbot.answer.AnswerBenchmark;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ratbot bench}: prints the answer engine's speed and memory figures (medians and
 * percentiles) against the targets. Delivery throughput is measured by {@code
 * scripts/bench-delivery}, which needs a database.
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description =
                "Measure answer latency, throughput, start-up and memory; prints medians and percentiles.")
final class BenchCommand implements Callable<Integer> {

    @Option(
            names = "--large",
            paramLabel = "PASSAGES",
            defaultValue = "100000",
            description =
                    "Passages in the synthetic large pack (0 skips it; default ${DEFAULT-VALUE}).")
    int largePassages;

    @Override
    public Integer call() {
        if (largePassages < 0)
            throw new picocli.CommandLine.ParameterException(
                    new picocli.CommandLine(this), "--large must be 0 or more");
        AnswerBenchmark.run(System.out, largePassages);
        return 0;
    }
}
