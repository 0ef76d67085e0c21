package dev.ratbot.app.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Lines of text with a bound on memory, wherever input enters (standard input, secret files). A
 * line longer than {@code maxChars} is cut while it is read: its first {@code maxChars} characters
 * are returned at once and the rest is skipped, never held, when the next line is asked for. {@code
 * "\r\n"}, {@code "\r"} and {@code "\n"} each end one line, and a line end is never waited for
 * beyond what it takes to see it, so an interactive user gets their answer as soon as they press
 * Enter. A surrogate pair is never cut in half. Not thread-safe.
 */
public final class BoundedLineReader implements Closeable {

    private final Reader in;
    private final int maxChars;
    private final char[] buffer = new char[8192];
    private int position, limit;

    /** The last line ended with '\r': a '\n' right after it belongs to the same line end. */
    private boolean afterCarriageReturn;

    /** The last line was cut: the rest of it is skipped before the next one. */
    private boolean skippingRest;

    private boolean lastCut;

    public BoundedLineReader(Reader in, int maxChars) {
        this.in = Objects.requireNonNull(in, "in");
        if (maxChars < 1) throw new IllegalArgumentException("maxChars < 1");
        this.maxChars = maxChars;
    }

    /** Lines of UTF-8 text; malformed bytes read as U+FFFD, as a terminal shows them. */
    public static BoundedLineReader utf8(InputStream in, int maxChars) {
        return new BoundedLineReader(new InputStreamReader(in, StandardCharsets.UTF_8), maxChars);
    }

    /**
     * The next line without its line end, cut to {@code maxChars}; null at the end of the input.
     */
    public String readLine() throws IOException {
        if (skippingRest) {
            skippingRest = false;
            if (!skipToLineEnd()) return null;
        }
        StringBuilder line = new StringBuilder(Math.min(maxChars, 256));
        lastCut = false;
        boolean any = false;
        while (true) {
            if (position == limit && !fill()) return any ? line.toString() : null;
            char c = buffer[position++];
            if (afterCarriageReturn) {
                afterCarriageReturn = false;
                if (c == '\n') continue;
            }
            any = true;
            if (c == '\n') return line.toString();
            if (c == '\r') {
                afterCarriageReturn = true;
                return line.toString();
            }
            if (line.length() == maxChars) {
                position--;
                return cut(line);
            }
            line.append(c);
        }
    }

    /** Whether the line {@link #readLine()} returned last was longer than the bound and cut. */
    public boolean lastLineWasCut() {
        return lastCut;
    }

    private String cut(StringBuilder line) {
        lastCut = true;
        skippingRest = true;
        // The character after the cut completes a surrogate pair: drop its first half too.
        if (Character.isHighSurrogate(line.charAt(line.length() - 1)))
            line.setLength(line.length() - 1);
        return line.toString();
    }

    /** Reads past the end of the current line; false when the input ends first. */
    private boolean skipToLineEnd() throws IOException {
        while (true) {
            if (position == limit && !fill()) return false;
            char c = buffer[position++];
            if (c == '\n') return true;
            if (c == '\r') {
                afterCarriageReturn = true;
                return true;
            }
        }
    }

    private boolean fill() throws IOException {
        int n;
        do {
            n = in.read(buffer, 0, buffer.length);
        } while (n == 0);
        if (n < 0) return false;
        position = 0;
        limit = n;
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
