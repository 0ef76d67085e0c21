package dev.ratbot.app.ops;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * A last line of defence for the logs: a stream that writes whole lines and blanks every configured
 * secret, and any part of one (see {@link Redactor}), as {@code <redacted>}. {@code serve} puts it
 * under {@code System.err}, where the log is written, so that a token inside a library's exception
 * message, or half of one echoed back by a server, never reaches the log. Our own log statements
 * never include secrets in the first place.
 */
public final class RedactingPrintStream extends PrintStream {

    static final String REDACTED = Redactor.REDACTED;

    private final PrintStream target;
    private final Redactor redactor;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);

    public RedactingPrintStream(PrintStream target, Iterable<String> secrets) {
        this(target, new Redactor(secrets));
    }

    public RedactingPrintStream(PrintStream target, Redactor redactor) {
        super(target, true, StandardCharsets.UTF_8);
        this.target = target;
        this.redactor = redactor;
    }

    /**
     * Puts a redacting stream under System.err and System.out; returns nothing to undo, as it lasts
     * for the process.
     */
    public static void install(Redactor redactor) {
        System.setErr(new RedactingPrintStream(System.err, redactor));
        System.setOut(new RedactingPrintStream(System.out, redactor));
    }

    /** {@code text} with every secret replaced. */
    String redact(String text) {
        return redactor.redact(text);
    }

    @Override
    public synchronized void write(int b) {
        line.write(b);
        if (b == '\n') emit();
    }

    @Override
    public synchronized void write(byte[] buf, int off, int len) {
        for (int i = off; i < off + len; i++) {
            line.write(buf[i]);
            if (buf[i] == '\n') emit();
        }
    }

    @Override
    public synchronized void flush() {
        if (line.size() > 0) emit();
        target.flush();
    }

    @Override
    public void close() {
        flush();
        target.close();
    }

    private void emit() {
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        byte[] bytes = redact(text).getBytes(StandardCharsets.UTF_8);
        target.write(bytes, 0, bytes.length);
        if (text.endsWith("\n")) target.flush();
    }
}
