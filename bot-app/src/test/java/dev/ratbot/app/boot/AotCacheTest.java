package dev.ratbot.app.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AotCacheTest {

    private static final Instant BUILT = Instant.parse("2026-12-01T10:00:00Z");

    @TempDir Path dir;

    private Path jar;

    @BeforeEach
    void aJarBuiltAtTen() throws IOException {
        jar = Files.writeString(dir.resolve("ratbot.jar"), "jar");
        Files.setLastModifiedTime(jar, FileTime.from(BUILT));
    }

    private Path cacheRecordedAt(Instant when) throws IOException {
        Path cache = Files.writeString(dir.resolve("ratbot.aot"), "cache");
        Files.setLastModifiedTime(cache, FileTime.from(when));
        return cache;
    }

    @Test
    void aCacheRecordedAfterTheJarIsPassedOnToJava25() throws IOException {
        Path cache = cacheRecordedAt(BUILT.plusSeconds(8));

        assertEquals(
                List.of("-XX:AOTCache=" + cache, "-Xlog:aot*=off"),
                AotCache.options(jar, 25, List.of("-Xmx160m")));
    }

    @Test
    void aCacheOlderThanTheJarIsLeftOut() throws IOException {
        cacheRecordedAt(BUILT.minusSeconds(60));

        assertEquals(List.of(), AotCache.options(jar, 25, List.of()));
    }

    @Test
    void withoutACacheNothingIsAdded() {
        assertEquals(List.of(), AotCache.options(jar, 26, List.of()));
    }

    @Test
    void javaOlderThan25CannotReadTheCache() throws IOException {
        cacheRecordedAt(BUILT.plusSeconds(8));

        assertEquals(List.of(), AotCache.options(jar, 24, List.of()));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "-XX:AOTCache=/opt/ratbot/other.aot",
                "-XX:AOTMode=off",
                "-XX:SharedArchiveFile=/opt/ratbot/app.jsa"
            })
    void theOperatorsOwnArchiveSettingWins(String option) throws IOException {
        cacheRecordedAt(BUILT.plusSeconds(8));

        assertEquals(List.of(), AotCache.options(jar, 25, List.of("-Xmx160m", option)));
    }
}
