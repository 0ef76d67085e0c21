package dev.ratbot.app.serve;

import dev.ratbot.app.config.StartupException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * On SQLite only one {@code serve} may run per database file: a second one would poll Telegram a
 * second time and fight over the file. This lock (an OS file lock on {@code <file>.serve-lock},
 * freed by the OS however the process ends) makes the second one stop at start with a message that
 * says so.
 */
final class SingleInstanceLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private SingleInstanceLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock for the SQLite file of {@code jdbcUrl}; empty for in-memory databases.
     *
     * @throws StartupException when another instance holds it
     */
    static Optional<SingleInstanceLock> acquire(String jdbcUrl) {
        Optional<Path> file = sqliteFile(jdbcUrl);
        if (file.isEmpty()) return Optional.empty();
        Path lockFile = file.get().resolveSibling(file.get().getFileName() + ".serve-lock");
        FileChannel channel = null;
        try {
            Files.createDirectories(lockFile.toAbsolutePath().getParent());
            channel =
                    FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) throw new OverlappingFileLockException();
            return Optional.of(new SingleInstanceLock(channel, lock));
        } catch (OverlappingFileLockException e) {
            closeQuietly(channel);
            throw new StartupException(
                    "RATBOT_DB_URL="
                            + jdbcUrl
                            + ": another ratbot serve already uses this SQLite file;"
                            + " SQLite supports one instance only: stop the other, or point every instance at PostgreSQL to run several");
        } catch (IOException e) {
            closeQuietly(channel);
            throw new StartupException(
                    "RATBOT_DB_URL="
                            + jdbcUrl
                            + ": cannot create "
                            + lockFile
                            + " ("
                            + e.getMessage()
                            + ")");
        }
    }

    static Optional<Path> sqliteFile(String jdbcUrl) {
        if (!jdbcUrl.startsWith("jdbc:sqlite:")) return Optional.empty();
        String file = jdbcUrl.substring("jdbc:sqlite:".length());
        int query = file.indexOf('?');
        if (query >= 0) file = file.substring(0, query);
        if (file.startsWith("file:")) file = file.substring("file:".length());
        if (file.isEmpty() || file.equals(":memory:") || jdbcUrl.contains("mode=memory"))
            return Optional.empty();
        return Optional.of(Path.of(file).toAbsolutePath());
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            // Closing the channel releases it too.
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) return;
        try {
            channel.close();
        } catch (IOException e) {
            // Nothing left to release.
        }
    }
}
