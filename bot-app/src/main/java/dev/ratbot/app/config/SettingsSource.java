package dev.ratbot.app.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The raw text of every setting, merged from the configuration file and the environment (the
 * environment wins), with secrets read from their {@code _FILE} variables. Rejects what it does not
 * know: a file key that is no setting, and an environment variable with Ratbot's prefixes ({@code
 * RATBOT_}, {@code TELEGRAM_}, {@code DISCORD_}) that is none either. Every problem is a {@link
 * StartupException} whose one-line message names the setting and never shows a secret.
 */
final class SettingsSource {

    /** A configuration file is a few settings; anything this big is a wrong path. */
    static final int MAX_CONFIG_BYTES = 1024 * 1024;

    private static final String[] PREFIXES = {"RATBOT_", "TELEGRAM_", "DISCORD_"};

    /**
     * Variables with our prefixes that belong to the launcher scripts and the test suite, not to
     * the bot.
     */
    private static final String[] NOT_SETTINGS = {"RATBOT_JDK", "RATBOT_REQUIRE_POSTGRES"};

    private final Map<Setting, Value> values;

    /**
     * A setting's text and where it came from ("environment" or the file name), for error messages.
     */
    record Value(String text, String origin) {}

    private SettingsSource(Map<Setting, Value> values) {
        this.values = values;
    }

    /**
     * Reads {@code file} (when given, else the one RATBOT_CONFIG names) and {@code env}.
     *
     * @param file a file given on the command line (--config), which wins over RATBOT_CONFIG
     */
    static SettingsSource load(Map<String, String> env, Optional<Path> file) {
        Map<Setting, Value> values = new EnumMap<>(Setting.class);
        Optional<Path> configFile =
                file.or(() -> nonBlank(env.get(Setting.RATBOT_CONFIG.name())).map(Path::of));
        if (configFile.isPresent()) values.putAll(readFile(configFile.get()));
        Map<String, String> ours = new TreeMap<>();
        env.forEach(
                (name, text) -> {
                    if (Arrays.stream(PREFIXES).anyMatch(name::startsWith) && !ignored(name))
                        ours.put(name, text);
                });
        values.putAll(read(ours, "environment", null));
        return new SettingsSource(values);
    }

    /** The stripped text of the setting, empty when unset or blank. */
    Optional<Value> get(Setting setting) {
        return Optional.ofNullable(values.get(setting));
    }

    private static Map<Setting, Value> readFile(Path path) {
        Properties properties = new Properties();
        try (InputStream file = Files.newInputStream(path)) {
            // Read up to the cap only: a wrong path such as /dev/zero must not fill the memory.
            byte[] bytes = file.readNBytes(MAX_CONFIG_BYTES + 1);
            if (bytes.length > MAX_CONFIG_BYTES)
                throw new StartupException(
                        "RATBOT_CONFIG: the configuration file "
                                + path
                                + " is over "
                                + MAX_CONFIG_BYTES / 1024
                                + " KiB; is it the right file?");
            try (Reader in = new StringReader(new String(bytes, StandardCharsets.UTF_8))) {
                properties.load(in);
            }
        } catch (NoSuchFileException e) {
            throw new StartupException(
                    "RATBOT_CONFIG: the configuration file " + path + " does not exist");
        } catch (IOException | IllegalArgumentException e) {
            throw new StartupException(
                    "RATBOT_CONFIG: cannot read the configuration file "
                            + path
                            + " ("
                            + e.getMessage()
                            + ")");
        }
        String origin =
                path.getFileName() == null ? path.toString() : path.getFileName().toString();
        if (properties.containsKey(Setting.RATBOT_CONFIG.name())) {
            throw new StartupException(
                    origin + ": RATBOT_CONFIG cannot be set inside the configuration file itself");
        }
        Map<String, String> raw = new TreeMap<>();
        for (String key : properties.stringPropertyNames())
            raw.put(key, properties.getProperty(key));
        return read(raw, origin, path.toAbsolutePath().getParent());
    }

    private static boolean ignored(String name) {
        return Arrays.asList(NOT_SETTINGS).contains(name) || name.contains("_TEST_");
    }

    /**
     * Turns one source's keys into settings; a secret's _FILE twin is read here (relative paths in
     * the configuration file from the file's folder). A secret given both ways in one source is
     * refused.
     */
    private static Map<Setting, Value> read(Map<String, String> raw, String origin, Path base) {
        Map<Setting, Value> values = new EnumMap<>(Setting.class);
        for (Map.Entry<String, String> entry : raw.entrySet()) {
            String key = entry.getKey();
            Optional<Setting> direct = Setting.named(key);
            Optional<Setting> viaFile =
                    key.endsWith(Setting.FILE_SUFFIX)
                            ? Setting.named(
                                            key.substring(
                                                    0, key.length() - Setting.FILE_SUFFIX.length()))
                                    .filter(Setting::secret)
                            : Optional.empty();
            if (direct.isEmpty() && viaFile.isEmpty())
                throw new StartupException(unknown(key, origin));
            if (direct.isPresent() && direct.get() == Setting.RATBOT_CONFIG) continue;
            Optional<String> text = nonBlank(entry.getValue());
            if (text.isEmpty()) continue;
            Setting setting = direct.orElseGet(viaFile::get);
            if (values.containsKey(setting)) {
                throw new StartupException(
                        setting.name()
                                + ": set both "
                                + setting.name()
                                + " and "
                                + setting.name()
                                + Setting.FILE_SUFFIX
                                + " in the "
                                + origin
                                + "; keep one");
            }
            values.put(
                    setting,
                    direct.isPresent()
                            ? new Value(text.get(), origin)
                            : new Value(
                                    readSecretFile(
                                            key,
                                            setting,
                                            base == null
                                                    ? Path.of(text.get())
                                                    : base.resolve(text.get()),
                                            origin),
                                    "file named by " + key));
        }
        return values;
    }

    /**
     * The secret on the first line of the file {@code key} names; a problem is one line naming both
     * settings.
     */
    private static String readSecretFile(String key, Setting setting, Path file, String origin) {
        try {
            return Secret.fromFile(file).reveal();
        } catch (Secret.Unreadable e) {
            String what =
                    e.opened()
                            ? " holds no " + setting.name()
                            : " cannot be read for " + setting.name();
            throw new StartupException(
                    key + "=" + file + " (" + origin + ")" + what + ": " + e.getMessage());
        }
    }

    private static String unknown(String key, String origin) {
        String where = origin.equals("environment") ? "environment variable " : origin + ": ";
        String hint =
                closest(key)
                        .map(s -> " (did you mean " + s + "?)")
                        .orElse(". Known settings: see the README");
        return where + key + " is not a Ratbot setting" + hint;
    }

    /** The known name nearest to a misspelt one, if it is near enough to be a likely typo. */
    static Optional<String> closest(String key) {
        return Arrays.stream(Setting.values())
                .map(Setting::name)
                .min(Comparator.comparingInt(name -> distance(key, name)))
                .filter(name -> distance(key, name) <= Math.max(2, name.length() / 4));
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) previous[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] t = previous;
            previous = current;
            current = t;
        }
        return previous[b.length()];
    }

    private static Optional<String> nonBlank(String text) {
        return text == null || text.isBlank() ? Optional.empty() : Optional.of(text.strip());
    }
}
