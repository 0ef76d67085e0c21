package dev.ratbot.app.serve;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real {@code ratbot serve} (or other command) in a child JVM on this test's class path, with
 * exactly the environment given (plus PATH), its standard output and error captured to one file.
 */
final class ServeProcess implements AutoCloseable {

    private static final Pattern OPS_PORT =
            Pattern.compile("operations endpoint listening on http://[^:]+:(\\d+)");

    private final Process process;
    private final Path output;

    private ServeProcess(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    static ServeProcess start(Path workDir, Map<String, String> env, String... args)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.add("-XX:+UseSerialGC");
        command.add("--enable-native-access=ALL-UNNAMED");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("dev.ratbot.app.Main");
        command.addAll(List.of(args));
        Files.createDirectories(workDir);
        Path output = Files.createTempFile(workDir, "serve-", ".log");
        ProcessBuilder builder =
                new ProcessBuilder(command)
                        .directory(workDir.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(output.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        builder.environment().clear();
        builder.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        builder.environment().putAll(env);
        return new ServeProcess(builder.start(), output);
    }

    /** Everything the process printed so far. */
    String output() {
        try {
            return Files.readString(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Waits for the process to end and returns its exit code. */
    int exitCode(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS))
            fail("still running after " + timeout + ":\n" + output());
        return process.exitValue();
    }

    /** Waits until the output matches {@code pattern}; returns the match. */
    Matcher await(Pattern pattern, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            Matcher m = pattern.matcher(output());
            if (m.find()) return m;
            if (!process.isAlive())
                fail(
                        "the process ended (exit "
                                + process.exitValue()
                                + ") before printing "
                                + pattern
                                + ":\n"
                                + output());
            Thread.sleep(50);
        }
        fail("no " + pattern + " within " + timeout + ":\n" + output());
        return null;
    }

    /** The operations endpoint's port, once the process has printed it. */
    int opsPort(Duration timeout) throws InterruptedException {
        return Integer.parseInt(await(OPS_PORT, timeout).group(1));
    }

    /** Waits until /readyz answers 200. */
    void awaitReady(Duration timeout) throws Exception {
        int port = opsPort(timeout);
        HttpClient http = HttpClient.newHttpClient();
        long end = System.nanoTime() + timeout.toNanos();
        String last = "";
        while (System.nanoTime() < end) {
            try {
                HttpResponse<String> r =
                        http.send(
                                HttpRequest.newBuilder(
                                                URI.create("http://127.0.0.1:" + port + "/readyz"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) return;
                last = r.body();
            } catch (IOException e) {
                last = e.toString();
            }
            if (!process.isAlive()) fail("the process ended before it was ready:\n" + output());
            Thread.sleep(100);
        }
        fail("not ready within " + timeout + " (" + last + "):\n" + output());
    }

    /** SIGTERM, as docker stop and systemctl stop send it. */
    void terminate() {
        process.destroy();
    }

    /** SIGKILL: the process gets no chance to clean up. */
    void kill() {
        process.destroyForcibly();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
