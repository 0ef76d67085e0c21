package dev.ratbot.app.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.PipedReader;
import java.io.PipedWriter;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Lines as people and programs send them, cut while read, with every kind of line end counted once.
 */
class BoundedLineReaderTest {

    /**
     * A reader that hands out one character per call, so every line end falls on a buffer boundary
     * somewhere.
     */
    private static Reader trickling(String text) {
        return new Reader() {
            private int next;

            @Override
            public int read(char[] buffer, int offset, int length) {
                if (next == text.length()) return -1;
                buffer[offset] = text.charAt(next++);
                return 1;
            }

            @Override
            public void close() {}
        };
    }

    private static List<String> lines(Reader reader, int max) throws IOException {
        BoundedLineReader in = new BoundedLineReader(reader, max);
        List<String> out = new ArrayList<>();
        for (String line; (line = in.readLine()) != null; ) out.add(line);
        return out;
    }

    /** Input (with \r and \n spelt out) and the lines it holds, joined by '|'. */
    @ParameterizedTest
    @CsvSource(
            delimiter = ';',
            value = {
                "one\\ntwo\\n;           one|two",
                "one\\r\\ntwo\\r\\n;     one|two",
                "one\\rtwo\\r;           one|two",
                "one\\rtwo;              one|two",
                "one\\r\\n\\r\\ntwo;     one||two",
                "one\\n\\rtwo;           one||two",
                "\\r\\r;                 |",
                "\\n;                    ''",
                "no line end;            no line end",
                "one\\r\\n\\ntwo;        one||two",
            })
    void eachLineEndEndsOneLine(String input, String expected) throws IOException {
        String text = input.replace("\\r", "\r").replace("\\n", "\n");
        List<String> want = expected.isEmpty() ? List.of("") : List.of(expected.split("\\|", -1));
        assertEquals(want, lines(new StringReader(text), 100), "read in one go");
        assertEquals(want, lines(trickling(text), 100), "read a character at a time");
    }

    @Test
    void nothingIsNoLineAtAll() throws IOException {
        assertEquals(List.of(), lines(new StringReader(""), 10));
    }

    @Test
    void aLongLineIsCutAndTheRestOfItSkipped() throws IOException {
        BoundedLineReader in = new BoundedLineReader(trickling("abcdefgh\r\nxy\nabc\n"), 3);
        assertEquals("abc", in.readLine());
        assertTrue(in.lastLineWasCut());
        assertEquals("xy", in.readLine());
        assertFalse(in.lastLineWasCut());
        assertEquals("abc", in.readLine());
        assertFalse(in.lastLineWasCut(), "exactly as long as the bound is not cut");
        assertNull(in.readLine());
    }

    @Test
    void aCutNeverSplitsASurrogatePair() throws IOException {
        BoundedLineReader in = new BoundedLineReader(new StringReader("ab\uD83D\uDC00cd\nok"), 3);
        assertEquals("ab", in.readLine());
        assertEquals("ok", in.readLine());
    }

    /** 20 MB without a line end, generated as it is read: only the bound is ever held. */
    @Test
    void aTwentyMegabyteLineCostsOnlyTheBound() throws IOException {
        long size = 20L << 20;
        InputStream huge =
                new InputStream() {
                    private long sent;

                    @Override
                    public int read() {
                        if (sent == size) return -1;
                        return sent++ < size - 6
                                ? 'x'
                                : "\nlast\n".charAt((int) (sent - 1 - (size - 6)));
                    }

                    @Override
                    public int read(byte[] b, int off, int len) {
                        int n = 0;
                        for (int c; n < len && (c = read()) >= 0; n++) b[off + n] = (byte) c;
                        return n == 0 ? -1 : n;
                    }
                };
        BoundedLineReader in = BoundedLineReader.utf8(huge, 4096);
        assertEquals("x".repeat(4096), in.readLine());
        assertTrue(in.lastLineWasCut());
        assertEquals("last", in.readLine());
        assertNull(in.readLine());
    }

    /**
     * A file of zeros (TELEGRAM_BOT_TOKEN_FILE=/dev/zero) has no line end: the first cut comes at
     * once.
     */
    @Test
    void anEndlessLineIsCutWithoutReadingToItsEnd() {
        InputStream zeros =
                new InputStream() {
                    @Override
                    public int read() {
                        return 0;
                    }
                };
        String first =
                assertTimeoutPreemptively(
                        Duration.ofSeconds(10),
                        () -> BoundedLineReader.utf8(zeros, 4096).readLine());
        assertEquals(4096, first.length());
    }

    /**
     * In a terminal, Enter may send only '\r': the line is answered without waiting for what
     * follows.
     */
    @Test
    void aLineEndIsNotWaitedForBeyondItself() throws Exception {
        PipedWriter keyboard = new PipedWriter();
        BoundedLineReader in = new BoundedLineReader(new PipedReader(keyboard), 100);
        // One reading thread throughout: a pipe refuses writes once the thread that last read has
        // ended.
        java.util.concurrent.ExecutorService reader =
                java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            keyboard.write("how do I hold my rat?\r");
            keyboard.flush();
            assertEquals(
                    "how do I hold my rat?",
                    reader.submit(in::readLine).get(10, java.util.concurrent.TimeUnit.SECONDS));
            keyboard.write("\nnext\n");
            keyboard.close();
            assertEquals(
                    "next",
                    reader.submit(in::readLine).get(10, java.util.concurrent.TimeUnit.SECONDS),
                    "the \\n after the \\r ends no second line");
        } finally {
            reader.shutdownNow();
        }
    }

    @Test
    void malformedUtf8ReadsAsReplacementCharacters() throws IOException {
        BoundedLineReader in =
                BoundedLineReader.utf8(
                        new java.io.ByteArrayInputStream(new byte[] {'o', 'k', (byte) 0xC3, '\n'}),
                        10);
        assertEquals("ok\uFFFD", in.readLine());
        assertEquals(
                List.of("é"),
                lines(
                        new java.io.InputStreamReader(
                                new java.io.ByteArrayInputStream(
                                        "é\n".getBytes(StandardCharsets.UTF_8)),
                                StandardCharsets.UTF_8),
                        10));
    }
}
