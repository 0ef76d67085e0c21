package dev.ratbot.app.ops.logging;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/**
 * One line per event: {@code 2026-03-08T09:00:00.123+01:00 WARN TelegramAdapter - message
 * (IOException: refused; caused by ConnectException: Connection refused)}. A message's own line
 * breaks become {@code " | "}, and an exception is folded onto the line as its type and message and
 * those of its causes, so that a library's error is one line like ours. The stack trace follows on
 * lines of its own only when the logger is at debug level.
 */
final class OneLineLogger extends LegacyAbstractLogger {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX")
                    .withZone(ZoneId.systemDefault());

    /** Causes shown on the line; deeper ones are in the stack trace at debug level. */
    private static final int CAUSES = 4;

    private static final int MAX_PART = 500;

    private final Level level;
    private final String shortName;
    private final transient LongSupplier clock;
    private final transient Supplier<PrintStream> out;

    OneLineLogger(String name, Level level, LongSupplier clock, Supplier<PrintStream> out) {
        this.name = name;
        this.level = level;
        this.shortName = name.substring(name.lastIndexOf('.') + 1);
        this.clock = clock;
        this.out = out;
    }

    @Override
    public boolean isTraceEnabled() {
        return enabled(Level.TRACE);
    }

    @Override
    public boolean isDebugEnabled() {
        return enabled(Level.DEBUG);
    }

    @Override
    public boolean isInfoEnabled() {
        return enabled(Level.INFO);
    }

    @Override
    public boolean isWarnEnabled() {
        return enabled(Level.WARN);
    }

    @Override
    public boolean isErrorEnabled() {
        return enabled(Level.ERROR);
    }

    boolean enabled(Level at) {
        return at.toInt() >= level.toInt();
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(
            Level at, Marker marker, String pattern, Object[] arguments, Throwable throwable) {
        var formatted = MessageFormatter.basicArrayFormat(pattern, arguments);
        StringBuilder line = new StringBuilder(160);
        line.append(TIME.format(Instant.ofEpochMilli(clock.getAsLong())))
                .append(' ')
                .append(at.name())
                .append(' ')
                .append(shortName)
                .append(" - ")
                .append(oneLine(formatted == null ? "" : formatted));
        if (throwable != null) line.append(" (").append(chain(throwable)).append(')');
        line.append('\n');
        if (throwable != null && isDebugEnabled()) line.append(stackTrace(throwable));
        out.get().print(line);
    }

    /** The exception's type and message, then its causes', on one line. */
    @SuppressWarnings(
            "ReferenceEquality") // a cause that is the exception itself ends the chain: identity is
    // meant
    static String chain(Throwable failure) {
        StringBuilder b = new StringBuilder();
        int shown = 0;
        for (Throwable t = failure;
                t != null && shown <= CAUSES;
                t = t.getCause() == t ? null : t.getCause(), shown++) {
            if (shown > 0) b.append("; caused by ");
            b.append(t.getClass().getSimpleName());
            if (t.getMessage() != null) b.append(": ").append(cut(oneLine(t.getMessage())));
        }
        return b.toString();
    }

    private static String stackTrace(Throwable t) {
        StringWriter trace = new StringWriter();
        t.printStackTrace(new PrintWriter(trace));
        String text = trace.toString();
        return text.endsWith("\n") ? text : text + "\n";
    }

    private static String oneLine(String text) {
        return text.strip().replaceAll("\\s*(\\r\\n|\\r|\\n)\\s*", " | ");
    }

    private static String cut(String text) {
        return text.length() <= MAX_PART ? text : text.substring(0, MAX_PART) + "…";
    }
}
