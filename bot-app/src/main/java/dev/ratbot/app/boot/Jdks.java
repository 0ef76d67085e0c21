package dev.ratbot.app.boot;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * Java installations on this machine, where build wrappers look for them: {@code JAVA_HOME}, then
 * the usual install folders. A folder counts when it has {@code bin/java} and a {@code release}
 * file naming its version (every JDK and JRE since 9 has one).
 */
final class Jdks {

    private final List<Path> candidates;

    Jdks(List<Path> candidates) {
        this.candidates = List.copyOf(candidates);
    }

    static Jdks fromMachine() {
        List<Path> found = new ArrayList<>();
        String javaHome = System.getenv("JAVA_HOME");
        if (javaHome != null && !javaHome.isBlank()) found.add(Paths.get(javaHome));
        String home = System.getProperty("user.home", "");
        for (String parent :
                List.of(
                        "/usr/lib/jvm",
                        "/usr/java",
                        "/opt/java",
                        "/opt",
                        home + "/.sdkman/candidates/java",
                        home + "/.jdks",
                        "/Library/Java/JavaVirtualMachines")) {
            found.addAll(children(Paths.get(parent)));
        }
        return new Jdks(found);
    }

    /** The {@code bin/java} of the newest installation of at least that version. */
    Optional<Path> newestJava(int atLeast) {
        Path best = null;
        int bestVersion = atLeast - 1;
        for (Path candidate : candidates) {
            for (Path root : List.of(candidate, candidate.resolve("Contents/Home"))) {
                int version = featureVersion(root);
                Path java = root.resolve("bin/java");
                if (version > bestVersion && Files.isExecutable(java)) {
                    best = java;
                    bestVersion = version;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** JAVA_VERSION="21.0.4" (or "1.8.0_402") in the release file; 0 when unreadable. */
    static int featureVersion(Path root) {
        Properties release = new Properties();
        try (InputStream in = Files.newInputStream(root.resolve("release"))) {
            release.load(in);
        } catch (IOException | IllegalArgumentException e) {
            return 0;
        }
        String version = release.getProperty("JAVA_VERSION", "").replace("\"", "").trim();
        if (version.startsWith("1.")) version = version.substring(2);
        int end = 0;
        while (end < version.length() && Character.isDigit(version.charAt(end))) end++;
        return end == 0 ? 0 : Integer.parseInt(version.substring(0, end));
    }

    private static List<Path> children(Path parent) {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(parent)) return out;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(parent)) {
            for (Path entry : entries) if (Files.isDirectory(entry)) out.add(entry);
        } catch (IOException e) {
            return out;
        }
        return out;
    }
}
