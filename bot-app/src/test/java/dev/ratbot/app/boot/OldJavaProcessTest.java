package dev.ratbot.app.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A machine whose default java is older than 21 (Debian 12's is 17) still runs the bot: the
 * launcher, started on that old java, answers through a JDK 21+ it finds, with standard input,
 * output and the exit code passed through. Needs an old JDK under /usr/lib/jvm, as on the machines
 * we build on; skipped where there is none.
 */
class OldJavaProcessTest {

    private static Optional<Path> oldJava() throws IOException {
        Path jvms = Paths.get("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) return Optional.empty();
        try (Stream<Path> installs = Files.list(jvms)) {
            return installs.filter(
                            p -> {
                                int v = Jdks.featureVersion(p);
                                return v >= 11 && v < Launcher.NEEDED;
                            })
                    .map(p -> p.resolve("bin/java"))
                    .filter(Files::isExecutable)
                    .findFirst();
        }
    }

    /** The launcher with these arguments, started on the machine's old java. */
    private static Process launch(String... args) throws IOException {
        Optional<Path> java = oldJava();
        assumeTrue(java.isPresent(), "no JDK older than 21 under /usr/lib/jvm");
        List<String> command = new ArrayList<>();
        command.add(java.get().toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("dev.ratbot.app.boot.Launcher");
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    @Test
    void onAnOldJavaTheLauncherAnswersThroughANewerOne() throws Exception {
        Process process = launch("ask", "--json");
        try (var in = process.getOutputStream()) {
            in.write("How do I pick up my rat safely?\n".getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the launcher did not end");

        assertEquals(0, process.exitValue(), out);
        assertEquals(1, out.lines().count(), out);
        assertTrue(
                out.startsWith(
                        "{\"question\":\"How do I pick up my rat safely?\",\"answered\":true,"),
                out);
    }

    @Test
    void onAnOldJavaAnUnknownCommandKeepsItsExitCode() throws Exception {
        Process process = launch("no-such-command");
        process.getOutputStream().close();
        process.getInputStream().transferTo(OutputStream.nullOutputStream());
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the launcher did not end");

        assertEquals(2, process.exitValue());
    }
}
