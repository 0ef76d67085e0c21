package dev.ratbot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The console chat reads lines as a terminal sends them, bounded, and stops when no one reads its
 * answers.
 */
class ChatCommandTest {

    private final InputStream stdin = System.in;
    private final PrintStream stdout = System.out;

    @AfterEach
    void restore() {
        System.setIn(stdin);
        System.setOut(stdout);
    }

    @Test
    void aCarriageReturnEndsALineAndAHugeLineIsAnsweredCut() {
        String input =
                "How do I hold my rat properly?\r"
                        + "how do I hold my rat ".repeat(50_000)
                        + "\r\nquit\r\n"
                        + "What is the boiling point of water?\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        assertEquals(0, Main.run("chat"));
        String chat = out.toString(StandardCharsets.UTF_8);
        assertEquals(
                2,
                chat.split("Support them from underneath", -1).length - 1,
                "both questions answered once:\n" + chat);
        assertFalse(chat.contains("couldn't find"), "nothing after quit is read:\n" + chat);
    }

    @Test
    void aClosedOutputEndsTheChat() {
        InputStream endless =
                new InputStream() {
                    private final byte[] line =
                            "Why does my rat chirp?\n".getBytes(StandardCharsets.UTF_8);
                    private long next;

                    @Override
                    public int read() {
                        return line[(int) (next++ % line.length)];
                    }

                    @Override
                    public int read(byte[] b, int off, int len) {
                        for (int i = 0; i < len; i++) b[off + i] = (byte) read();
                        return len;
                    }
                };
        System.setIn(endless);
        System.setOut(
                new PrintStream(
                        new OutputStream() {
                            @Override
                            public void write(int b) throws IOException {
                                throw new IOException("Broken pipe");
                            }
                        },
                        true,
                        StandardCharsets.UTF_8));
        assertEquals(0, assertTimeoutPreemptively(Duration.ofSeconds(60), () -> Main.run("chat")));
    }
}
