package dev.ratbot.app.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JdksTest {

    @TempDir Path dir;

    private Path install(String name, String releaseVersion, boolean withJava) throws IOException {
        Path root = dir.resolve(name);
        Files.createDirectories(root.resolve("bin"));
        Files.writeString(
                root.resolve("release"),
                "IMPLEMENTOR=\"Somebody\"\nJAVA_VERSION=\"" + releaseVersion + "\"\n");
        if (withJava) {
            Path java = root.resolve("bin/java");
            Files.writeString(java, "#!/bin/sh\n");
            Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return root;
    }

    @ParameterizedTest
    @CsvSource({"21.0.4, 21", "25, 25", "1.8.0_402, 8", "17.0.15, 17", "26-ea, 26"})
    void theVersionIsReadFromTheReleaseFile(String releaseVersion, int feature) throws IOException {
        assertEquals(feature, Jdks.featureVersion(install("jdk", releaseVersion, true)));
    }

    @Test
    void aFolderWithoutAReleaseFileIsVersionZero() throws IOException {
        assertEquals(0, Jdks.featureVersion(Files.createDirectories(dir.resolve("empty"))));
    }

    @Test
    void theNewestInstallationOfTheNeededVersionIsChosen() throws IOException {
        Path old = install("java-17", "17.0.15", true);
        Path newer = install("temurin-25", "25.0.3", true);
        Path middle = install("java-21", "21.0.4", true);
        Path noJava = install("jre-26", "26", false);

        Optional<Path> java = new Jdks(List.of(old, middle, noJava, newer)).newestJava(21);

        assertEquals(Optional.of(newer.resolve("bin/java")), java);
    }

    @Test
    void noneIsChosenWhenEveryInstallationIsTooOld() throws IOException {
        Path old = install("java-17", "17.0.15", true);

        assertEquals(Optional.empty(), new Jdks(List.of(old)).newestJava(21));
    }

    @Test
    void aMacOsBundleIsLookedIntoForItsHome() throws IOException {
        Path bundle = Files.createDirectories(dir.resolve("temurin-21.jdk"));
        Files.createDirectories(bundle.resolve("Contents"));
        Path home = Files.move(install("home", "21.0.2", true), bundle.resolve("Contents/Home"));

        assertEquals(
                Optional.of(home.resolve("bin/java")), new Jdks(List.of(bundle)).newestJava(21));
    }
}
