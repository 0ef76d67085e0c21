package dev.ratbot.app.config;

import dev.ratbot.app.io.BoundedLineReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A token or password. Its {@link #toString()} never shows the value, so a secret can sit in a
 * record that is logged or printed; only {@link #reveal()} gives it out, to the one library call
 * that needs it.
 */
public record Secret(String value) {

    /**
     * The longest first line a secret file may have: tokens and passwords are far shorter, a wrong
     * file is not.
     */
    public static final int MAX_FILE_LINE_CHARS = 4096;

    public Secret {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty()) throw new IllegalArgumentException("empty secret");
    }

    /**
     * The secret on the first line of {@code file} (Docker and Kubernetes secrets), stripped of
     * spaces and a byte order mark. Reads that line and no further, and never more than {@link
     * #MAX_FILE_LINE_CHARS} characters of it, so a wrong path ({@code /dev/zero}, a log file) is a
     * clear mistake rather than a crash.
     *
     * @throws Unreadable saying why in words an operator can act on
     */
    public static Secret fromFile(Path file) throws Unreadable {
        return fromFile(file, Files::newInputStream);
    }

    /**
     * Opens a file for reading; a seam so that tests running as root can still meet a refused file.
     */
    interface Opener {
        java.io.InputStream open(Path file) throws IOException;
    }

    static Secret fromFile(Path file, Opener opener) throws Unreadable {
        if (Files.isDirectory(file)) throw new Unreadable(false, "it is a folder, not a file");
        String line;
        // Strict UTF-8: a secret read as replacement characters would fail later, and say less.
        try (BoundedLineReader in =
                new BoundedLineReader(
                        new InputStreamReader(
                                opener.open(file), StandardCharsets.UTF_8.newDecoder()),
                        MAX_FILE_LINE_CHARS)) {
            line = in.readLine();
            if (in.lastLineWasCut()) {
                throw new Unreadable(
                        true,
                        "its first line is longer than "
                                + MAX_FILE_LINE_CHARS
                                + " characters (is it the right file?)");
            }
        } catch (NoSuchFileException e) {
            throw new Unreadable(false, "no such file");
        } catch (AccessDeniedException e) {
            throw new Unreadable(
                    false,
                    "permission denied to user "
                            + System.getProperty("user.name", "?")
                            + " (give that user read access)");
        } catch (CharacterCodingException e) {
            throw new Unreadable(true, "its first line is not UTF-8 text");
        } catch (FileSystemException e) {
            throw new Unreadable(
                    false, e.getReason() != null ? e.getReason() : e.getClass().getSimpleName());
        } catch (IOException e) {
            throw new Unreadable(
                    false, e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName());
        }
        String secret =
                line == null ? "" : (line.startsWith("\uFEFF") ? line.substring(1) : line).strip();
        if (secret.isEmpty())
            throw new Unreadable(true, line == null ? "it is empty" : "its first line is empty");
        return new Secret(secret);
    }

    /** The secret itself, for the client that authenticates with it; never log it. */
    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "<redacted>";
    }

    /** Why a secret file gave no secret; never holds any of its content. */
    public static final class Unreadable extends Exception {
        private final boolean opened;

        Unreadable(boolean opened, String reason) {
            super(reason, null, false, false);
            this.opened = opened;
        }

        /**
         * True when the file was read but holds no usable secret; false when it could not be read
         * at all.
         */
        public boolean opened() {
            return opened;
        }
    }
}
