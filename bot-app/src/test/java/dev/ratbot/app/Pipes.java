package dev.ratbot.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/** The two ends of a pipe that a command may never see the end of, for its input-bound tests. */
final class Pipes {

    private Pipes() {}

    /** Input that repeats one line for ever. */
    static InputStream endless(String line) {
        byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
        return new InputStream() {
            private long next;

            @Override
            public int read() {
                return bytes[(int) (next++ % bytes.length)];
            }

            @Override
            public int read(byte[] b, int off, int len) {
                for (int i = 0; i < len; i++) b[off + i] = (byte) read();
                return len;
            }
        };
    }

    /** Output whose reader has gone ("Broken pipe"); counts the writes tried. */
    static OutputStream closed(AtomicInteger writes) {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                writes.incrementAndGet();
                throw new IOException("Broken pipe");
            }
        };
    }
}
