package dev.ratbot.app.boot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The ahead-of-time cache that the build leaves beside the jar on JDK 25 and newer ({@code
 * ratbot.aot}, see bot-app's {@code pom.xml}): the classes a start loads, already parsed and
 * linked, and how their methods were used. It cuts a third of the time from start to first answer.
 * A JVM only takes it at launch, so the launcher passes it on when it moves to a newer java, as the
 * {@code ratbot} script does. The JVM itself refuses a cache made from another jar or another JDK
 * and carries on without it; the options keep that refusal out of the output, which {@code ask
 * --json} owns.
 */
final class AotCache {

    /** The first Java whose JVM records and reads such a cache in one step (JEP 514). */
    static final int SINCE = 25;

    private AotCache() {}

    /**
     * The JVM options that start this jar with its cache on a java of that version; none when that
     * java cannot read it, when there is no cache or it is older than the jar, or when the
     * operator's own options already choose an archive.
     */
    static List<String> options(Path jar, int javaVersion, List<String> given) {
        if (javaVersion < SINCE) return List.of();
        for (String option : given)
            if (option.startsWith("-XX:AOT") || option.startsWith("-XX:SharedArchiveFile"))
                return List.of();
        String name = jar.getFileName().toString();
        if (!name.endsWith(".jar")) return List.of();
        Path cache = jar.resolveSibling(name.substring(0, name.length() - 4) + ".aot");
        try {
            if (!Files.isRegularFile(cache)
                    || Files.getLastModifiedTime(cache).compareTo(Files.getLastModifiedTime(jar))
                            < 0) return List.of();
        } catch (IOException e) {
            return List.of();
        }
        return List.of("-XX:AOTCache=" + cache, "-Xlog:aot*=off");
    }
}
