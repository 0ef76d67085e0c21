package dev.ratbot.app.io;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * UTF-8 lines to standard output, flushed one by one, that notice when the reader has gone: {@code
 * ratbot ask --json | head -1} must end once {@code head} has its line, but a {@link PrintStream}
 * swallows the broken pipe and would let the command read and answer its whole input for no one.
 */
public final class LineOutput {

    private final PrintStream target;
    private final PrintWriter writer;

    public LineOutput(PrintStream target) {
        this.target = Objects.requireNonNull(target, "target");
        this.writer =
                new PrintWriter(new OutputStreamWriter(target, StandardCharsets.UTF_8), false);
    }

    /**
     * Writes the text and a line end and flushes; false once the output is closed, when writing
     * more is pointless.
     */
    public boolean println(String text) {
        writer.println(text);
        return flush();
    }

    /**
     * Writes the text without a line end (a prompt) and flushes; false once the output is closed.
     */
    public boolean print(String text) {
        writer.print(text);
        return flush();
    }

    private boolean flush() {
        writer.flush();
        // The writer sees errors of the stream beneath it only when that stream throws; System.out
        // never does.
        return !writer.checkError() && !target.checkError();
    }
}
