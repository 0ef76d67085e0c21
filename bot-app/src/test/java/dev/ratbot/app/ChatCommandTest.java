package dev.ratbot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
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
        System.setIn(Pipes.endless("Why does my rat chirp?"));
        System.setOut(
                new PrintStream(
                        Pipes.closed(new java.util.concurrent.atomic.AtomicInteger()),
                        true,
                        StandardCharsets.UTF_8));
        assertEquals(0, assertTimeoutPreemptively(Duration.ofSeconds(60), () -> Main.run("chat")));
    }
}
