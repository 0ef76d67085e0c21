package dev.ratbot.app.ops;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A last line of defence for the logs: a stream that writes whole lines and replaces every configured secret (and its
 * URL-encoded form) with {@code <redacted>}. {@code serve} puts it under {@code System.err}, where slf4j-simple writes,
 * so that a token inside a library's exception message or stack trace never reaches the log. Our own log
 * statements never include secrets in the first place.
 */
public final class RedactingPrintStream extends PrintStream {

    static final String REDACTED = "<redacted>";

    private final PrintStream target;
    private final List<String> secrets;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);

    /** Secrets shorter than this are not redacted: they would mangle ordinary words and are not real tokens. */
    private static final int SHORTEST_SECRET = 6;

    public RedactingPrintStream(PrintStream target, Iterable<String> secrets) {
        super(target, true, StandardCharsets.UTF_8);
        this.target = target;
        Set<String> forms = new LinkedHashSet<>();
        for (String s : secrets) {
            if (s == null || s.length() < SHORTEST_SECRET) continue;
            forms.add(s);
            forms.add(URLEncoder.encode(s, StandardCharsets.UTF_8));
        }
        List<String> sorted = new ArrayList<>(forms);
        // Longest first, so that a secret containing another is replaced whole.
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        this.secrets = List.copyOf(sorted);
    }

    /** Puts a redacting stream under System.err and System.out; returns nothing to undo, as it lasts for the process. */
    public static void install(Iterable<String> secrets) {
        System.setErr(new RedactingPrintStream(System.err, secrets));
        System.setOut(new RedactingPrintStream(System.out, secrets));
    }

    /** {@code text} with every secret replaced. */
    String redact(String text) {
        String out = text;
        for (String s : secrets) {
            if (out.contains(s)) out = out.replace(s, REDACTED);
        }
        return out;
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
