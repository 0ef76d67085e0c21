package dev.ratbot.app.boot;

import java.io.File;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The jar's entry point, compiled for Java 11 so that {@code java -jar ratbot.jar} works on a
 * machine whose default {@code java} is older than the 21 the bot needs (Debian 12's is 17) instead
 * of failing with a class-version error. On Java 21 or newer it simply runs {@code
 * dev.ratbot.app.Main}. On an older one it runs the same command line, standard streams and exit
 * code included, on the newest JDK 21+ that {@link Jdks} finds, and says so on standard error only
 * when it finds none.
 */
public final class Launcher {

    static final int NEEDED = 21;

    private Launcher() {}

    public static void main(String[] args) throws Throwable {
        if (Runtime.version().feature() >= NEEDED) {
            // Looked up by name: this class is compiled for an older Java than Main.
            MethodHandle main =
                    MethodHandles.lookup()
                            .findStatic(
                                    Class.forName("dev.ratbot.app.Main"),
                                    "main",
                                    MethodType.methodType(void.class, String[].class));
            main.invokeExact(args);
            return;
        }
        Optional<Path> java = Jdks.fromMachine().newestJava(NEEDED);
        if (java.isEmpty()) {
            System.err.println(
                    "ratbot: this is Java "
                            + Runtime.version().feature()
                            + " and Ratbot needs Java "
                            + NEEDED
                            + " or newer; none was found in JAVA_HOME or /usr/lib/jvm. Install one (e.g. 'apt-get"
                            + " install openjdk-21-jre') or run the jar with a newer java.");
            System.exit(1);
        }
        System.exit(runOn(java.get(), args));
    }

    /**
     * The serial collector, as the {@code ratbot} script starts the bot, unless the operator's own
     * options choose one. The bot answers on few threads from a heap of tens of megabytes; with the
     * default G1 and {@code -Xmx160m}, {@code ask --json} over 20,000 posts peaked at 354 to 394 MB
     * resident against 299 to 311 MB serial, since G1 works through a young generation of up to
     * three fifths of the heap.
     */
    static List<String> collector(List<String> given) {
        for (String option : given)
            if (option.startsWith("-XX:+Use") && option.endsWith("GC")) return List.of();
        return List.of("-XX:+UseSerialGC");
    }

    /** Runs Main on that java with this JVM's options and class path; returns its exit code. */
    private static int runOn(Path java, String[] args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        List<String> given = ManagementFactory.getRuntimeMXBean().getInputArguments();
        command.addAll(given);
        String classPath = System.getProperty("java.class.path");
        if (classPath.endsWith(".jar") && !classPath.contains(File.pathSeparator)) {
            int version = Jdks.featureVersion(java.getParent().getParent());
            command.addAll(collector(given));
            command.addAll(AotCache.options(Paths.get(classPath), version, given));
            // As the jar, so that its manifest's settings (native access for ONNX and SQLite)
            // apply.
            command.add("-jar");
            command.add(classPath);
        } else {
            command.add("-cp");
            command.add(classPath);
            command.add("dev.ratbot.app.Main");
        }
        command.addAll(List.of(args));
        Process child = new ProcessBuilder(command).inheritIO().start();
        // A SIGTERM to this process stops the bot gracefully, as it would without the hop.
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    child.destroy();
                                    try {
                                        child.waitFor();
                                    } catch (InterruptedException e) {
                                        Thread.currentThread().interrupt();
                                    }
                                }));
        return child.waitFor();
    }
}
