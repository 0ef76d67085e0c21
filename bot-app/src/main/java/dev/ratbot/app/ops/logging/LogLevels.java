package dev.ratbot.app.ops.logging;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.event.Level;

/**
 * Which events are written: a default level and levels per logger-name prefix (the longest prefix
 * wins), from {@code ratbot-logging.properties} in the jar ({@code level=info}, {@code
 * level.org.telegram=warn}), overridden by system properties of the same names with {@code
 * ratbot.log.} in front, e.g. {@code -Dratbot.log.level.dev.ratbot.telegram=debug}. At debug level
 * an event's stack trace is written too.
 */
public final class LogLevels {

    static final String RESOURCE = "ratbot-logging.properties";
    private static final String KEY = "level";
    private static final String SYSTEM_PREFIX = "ratbot.log.";

    private final Level fallback;
    private final Map<String, Level> byPrefix;

    LogLevels(Level fallback, Map<String, Level> byPrefix) {
        this.fallback = fallback;
        this.byPrefix = Map.copyOf(byPrefix);
    }

    /** The levels in the jar's file with the system properties' overrides. */
    static LogLevels load(Properties system) {
        Properties file = new Properties();
        try (InputStream in = LogLevels.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in != null) file.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        Properties merged = new Properties();
        merged.putAll(file);
        for (String name : system.stringPropertyNames()) {
            if (name.startsWith(SYSTEM_PREFIX + KEY))
                merged.setProperty(
                        name.substring(SYSTEM_PREFIX.length()), system.getProperty(name));
        }
        Level fallback = Level.INFO;
        Map<String, Level> byPrefix = new HashMap<>();
        for (String name : merged.stringPropertyNames()) {
            Optional<Level> level = parse(merged.getProperty(name));
            if (level.isEmpty()) continue;
            if (name.equals(KEY)) fallback = level.get();
            else if (name.startsWith(KEY + "."))
                byPrefix.put(name.substring(KEY.length() + 1), level.get());
        }
        return new LogLevels(fallback, byPrefix);
    }

    /**
     * The level of the logger named {@code name}: that of its longest configured prefix, else the
     * default.
     */
    Level of(String name) {
        String n = name;
        while (true) {
            Level level = byPrefix.get(n);
            if (level != null) return level;
            int dot = n.lastIndexOf('.');
            if (dot < 0) return fallback;
            n = n.substring(0, dot);
        }
    }

    private static Optional<Level> parse(String text) {
        try {
            return Optional.of(Level.valueOf(text.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
