package dev.ratbot.app;

import dev.ratbot.app.config.StartupException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The {@code --knowledge DIR} option shared by every command; falls back to RATBOT_KNOWLEDGE, then
 * the built-in pack.
 */
final class KnowledgeOption {

    @Option(
            names = "--knowledge",
            paramLabel = "DIR",
            description =
                    "A folder of knowledge-pack Markdown files to answer from (default: $RATBOT_KNOWLEDGE, else the built-in guide).")
    Path directory;

    /** The configured pack folder, or null for the built-in pack. */
    Path directory() {
        Path dir = directory;
        if (dir == null) {
            String env = System.getenv("RATBOT_KNOWLEDGE");
            if (env != null && !env.isBlank()) dir = Path.of(env.strip());
        }
        if (dir != null && !Files.isDirectory(dir)) {
            throw new StartupException(
                    "knowledge: "
                            + dir
                            + " is not a folder of .md files (set by --knowledge or RATBOT_KNOWLEDGE)");
        }
        return dir;
    }

    Knowledge load() {
        return Knowledge.load(directory());
    }
}
