package dev.ratbot.app.ops.logging;

import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.slf4j.event.Level;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * Writes {@code java.util.logging} records (OkHttp's and Lucene's warnings, for instance) as one
 * line each through our loggers, instead of the JDK's console handler, which takes two lines per
 * record. Loggers' JUL levels are kept.
 */
final class JulBridge extends Handler {

    private static final Formatter MESSAGE =
            new Formatter() {
                @Override
                public String format(LogRecord record) {
                    return formatMessage(record);
                }
            };

    private final OneLineLoggerFactory loggers;

    JulBridge(OneLineLoggerFactory loggers) {
        this.loggers = loggers;
    }

    /** Replaces the JUL root logger's handlers with this bridge. */
    static void install(OneLineLoggerFactory loggers) {
        Logger root = Logger.getLogger("");
        for (Handler h : root.getHandlers()) root.removeHandler(h);
        root.addHandler(new JulBridge(loggers));
    }

    @Override
    public void publish(LogRecord record) {
        if (record == null) return;
        String name = record.getLoggerName() == null ? "java.util.logging" : record.getLoggerName();
        org.slf4j.Logger logger = loggers.getLogger(name);
        Level level = level(record.getLevel());
        if (!logger.isEnabledForLevel(level)) return;
        LoggingEventBuilder event = logger.atLevel(level).setMessage(MESSAGE.formatMessage(record));
        if (record.getThrown() != null) event = event.setCause(record.getThrown());
        event.log();
    }

    private static Level level(java.util.logging.Level jul) {
        int v = jul.intValue();
        if (v >= java.util.logging.Level.SEVERE.intValue()) return Level.ERROR;
        if (v >= java.util.logging.Level.WARNING.intValue()) return Level.WARN;
        if (v >= java.util.logging.Level.INFO.intValue()) return Level.INFO;
        if (v >= java.util.logging.Level.FINE.intValue()) return Level.DEBUG;
        return Level.TRACE;
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
}
