package dev.ratbot.app.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedactingPrintStreamTest {

    private static final String TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsawq";

    @Test
    @SuppressWarnings("OrphanedFormatString") // %3A is a URL-encoded colon, not a format specifier
    void secretsInLinesStackTracesAndUrlsAreReplaced() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream stream =
                new RedactingPrintStream(
                        new PrintStream(bytes, true, StandardCharsets.UTF_8),
                        List.of(TOKEN, "abc"));
        stream.println("POST https://api.telegram.org/bot" + TOKEN + "/getUpdates failed");
        new IllegalStateException("token " + TOKEN + " refused").printStackTrace(stream);
        stream.print(
                "encoded: 123456789%3AAAHdqTcvCH1vGWJxfSeofSAs0K5PALDsawq, short secrets are left: abc");
        stream.flush();
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(-1, out.indexOf("AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsawq"), out);
        assertEquals(
                true,
                out.startsWith("POST https://api.telegram.org/bot<redacted>/getUpdates failed\n"),
                out);
        assertEquals(
                true,
                out.contains("java.lang.IllegalStateException: token <redacted> refused"),
                out);
        assertEquals(true, out.endsWith("encoded: <redacted>, short secrets are left: abc"), out);
    }

    @Test
    void halfATokenInAStackTraceIsCaught() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream stream =
                new RedactingPrintStream(
                        new PrintStream(bytes, true, StandardCharsets.UTF_8), List.of(TOKEN));
        new IllegalStateException("server said: token ...SeofSAs0K5PALDsawq unknown")
                .printStackTrace(stream);
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(
                true,
                out.startsWith(
                        "java.lang.IllegalStateException: server said: token ...<redacted> unknown\n"),
                out);
    }

    @Test
    void aSecretWrittenByteByByteIsStillCaught() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream stream =
                new RedactingPrintStream(
                        new PrintStream(bytes, true, StandardCharsets.UTF_8), List.of(TOKEN));
        for (byte b : ("x" + TOKEN + "y\n").getBytes(StandardCharsets.UTF_8)) stream.write(b);
        assertEquals("x<redacted>y\n", bytes.toString(StandardCharsets.UTF_8));
    }
}
