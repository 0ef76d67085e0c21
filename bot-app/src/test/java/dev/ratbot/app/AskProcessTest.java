package dev.ratbot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ratbot ask --json} as a real process at a small heap, fed through real pipes: a 20 MB line
 * is answered cut (no out-of-memory, nothing lost after it), and {@code ask --json | head -1} ends
 * once head has its line.
 */
class AskProcessTest {

    private static final String QUESTION = "How do I hold my rat properly?\n";

    @TempDir Path dir;

    private Process start(Path stderr) throws IOException {
        List<String> command =
                List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx128m",
                        "-XX:+UseSerialGC",
                        "--enable-native-access=ALL-UNNAMED",
                        "-cp",
                        System.getProperty("java.class.path"),
                        "dev.ratbot.app.Main",
                        "ask",
                        "--json");
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(dir.toFile()).redirectError(stderr.toFile());
        builder.environment().clear();
        builder.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        return builder.start();
    }

    @Test
    void aTwentyMegabyteLineAtASmallHeapIsAnsweredCutAndTheNextLineToo() throws Exception {
        Path stderr = dir.resolve("stderr.txt");
        Process p = start(stderr);
        Thread feeder =
                Thread.ofPlatform()
                        .start(
                                () -> {
                                    byte[] chunk = new byte[64 * 1024];
                                    Arrays.fill(chunk, (byte) 'x');
                                    try (OutputStream in = p.getOutputStream()) {
                                        for (int i = 0; i < 320; i++) in.write(chunk);
                                        in.write(
                                                ("\n" + QUESTION).getBytes(StandardCharsets.UTF_8));
                                    } catch (IOException e) {
                                        // the process ended early: the assertions below say why
                                    }
                                });
        List<String> lines = new ArrayList<>();
        try (BufferedReader out =
                new BufferedReader(
                        new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) lines.add(line);
        }
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "still running");
        feeder.join();
        String errors = Files.readString(stderr);
        assertEquals(0, p.exitValue(), errors);
        assertFalse(errors.contains("OutOfMemoryError"), errors);
        assertEquals(2, lines.size(), "one answer per line");
        ObjectMapper json = new ObjectMapper();
        assertEquals(
                "x".repeat(ConsoleBot.MAX_LINE_CHARS),
                json.readTree(lines.get(0)).get("question").asText());
        JsonNode second = json.readTree(lines.get(1));
        assertEquals(QUESTION.strip(), second.get("question").asText());
        assertTrue(second.get("answered").asBoolean(), lines.get(1));
    }

    @Test
    void aClosedOutputPipeEndsTheCommandAsHeadOneDoes() throws Exception {
        Path stderr = dir.resolve("stderr.txt");
        Process p = start(stderr);
        Thread feeder =
                Thread.ofPlatform()
                        .daemon(true)
                        .start(
                                () -> {
                                    byte[] line = QUESTION.getBytes(StandardCharsets.UTF_8);
                                    try (OutputStream in = p.getOutputStream()) {
                                        while (true)
                                            in.write(
                                                    line); // like `yes`: more than anyone will read
                                    } catch (IOException e) {
                                        // the process ended and closed its end
                                    }
                                });
        String first;
        BufferedReader out =
                new BufferedReader(
                        new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        first = out.readLine();
        out.close(); // head -1 exits
        assertTrue(
                p.waitFor(60, TimeUnit.SECONDS),
                "ask --json kept running after its output was closed");
        feeder.join(10_000);
        assertEquals(0, p.exitValue(), Files.readString(stderr));
        assertTrue(new ObjectMapper().readTree(first).get("answered").asBoolean(), first);
        assertFalse(Files.readString(stderr).contains("Exception"), Files.readString(stderr));
    }
}
