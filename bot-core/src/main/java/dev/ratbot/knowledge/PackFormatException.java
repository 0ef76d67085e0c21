package dev.ratbot.knowledge;

/**
 * A knowledge pack that cannot be loaded: a file that breaks the pack format, or a folder that
 * cannot be read. The message always names the file, and the line (1-based) when the problem sits
 * on one, as {@code file:line: problem}, so an operator can fix it from the start-up log alone.
 */
public final class PackFormatException extends RuntimeException {
    private final String file;
    private final int line;

    /**
     * @param file the file (or folder) at fault, as the operator named it
     * @param line the 1-based line, or 0 when the problem is not on one line
     * @param problem what is wrong, in words an operator can act on
     */
    public PackFormatException(String file, int line, String problem) {
        super(line > 0 ? file + ":" + line + ": " + problem : file + ": " + problem);
        this.file = file;
        this.line = line;
    }

    public PackFormatException(String file, int line, String problem, Throwable cause) {
        this(file, line, problem);
        initCause(cause);
    }

    /** The file or folder at fault. */
    public String file() {
        return file;
    }

    /** The 1-based line of the problem, or 0 when it concerns the whole file. */
    public int line() {
        return line;
    }
}
