package dev.ratbot.app.ops.logging;

import java.io.PrintStream;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;

/**
 * Hands out one {@link OneLineLogger} per name, each with its level fixed from {@link LogLevels}.
 */
final class OneLineLoggerFactory implements ILoggerFactory {

    private final LogLevels levels;
    private final LongSupplier clock;
    private final Supplier<PrintStream> out;
    private final ConcurrentMap<String, OneLineLogger> loggers = new ConcurrentHashMap<>();

    /**
     * @param out where lines go, asked per event, so that a stream put under System.err later is
     *     used
     */
    OneLineLoggerFactory(LogLevels levels, LongSupplier clock, Supplier<PrintStream> out) {
        this.levels = levels;
        this.clock = clock;
        this.out = out;
    }

    @Override
    public Logger getLogger(String name) {
        return loggers.computeIfAbsent(name, n -> new OneLineLogger(n, levels.of(n), clock, out));
    }
}
