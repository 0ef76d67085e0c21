package dev.ratbot.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * An open, migrated database: a HikariCP pool on SQLite or PostgreSQL with Ratbot's schema applied
 * by Flyway. Open one per process with {@link #open}, hand it to the JDBC stores, the scheduler and
 * the delivery worker, and close it last. Thread-safe.
 *
 * <p>SQLite runs in WAL mode (readers never block the writer) with a busy timeout, and every
 * transaction begins IMMEDIATE so that two writers queue up instead of failing on a lock upgrade.
 * PostgreSQL is for more than one instance; pass {@link DatabaseSettings#schema()} to keep Ratbot
 * in its own schema.
 *
 * <p>Asking for a connection waits at most {@link DatabaseSettings#connectionTimeout()}. What
 * connections and failures show about the store goes to its {@link #health()}; {@link
 * #forReplies()} gives the view for work people wait on, which fails at once while the store is
 * unreachable, and {@link #probeEvery} keeps the health current (including a full disk) when
 * nothing else runs.
 */
public final class Database implements AutoCloseable {

    private static final Pattern SAFE_SCHEMA = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final int SQLITE_BUSY_TIMEOUT_MS = 10_000;

    /** Below this much free space on the SQLite file's disk a probe finds the store full. */
    static final long MIN_FREE_BYTES = 1 << 20;

    /** Below this many free pages under SQLite's max_page_count a probe finds the store full. */
    static final long MIN_FREE_PAGES = 8;

    private final HikariDataSource pool;
    private final Dialect dialect;
    private final StoreHealth health;
    private final Optional<Path> sqliteFile;
    private volatile ScheduledExecutorService prober;

    /**
     * The view of {@link #forReplies()}: fails at once while the store is unreachable; closing it
     * closes nothing.
     */
    private final boolean forReplies;

    private Database(
            HikariDataSource pool,
            Dialect dialect,
            StoreHealth health,
            Optional<Path> sqliteFile,
            boolean forReplies) {
        this.pool = pool;
        this.dialect = dialect;
        this.health = health;
        this.sqliteFile = sqliteFile;
        this.forReplies = forReplies;
    }

    /**
     * This database for work someone is waiting on (a reply to a command, an update to
     * acknowledge): while the store is known to be unreachable, it throws a {@link StoreException}
     * at once instead of waiting the pool's connection timeout. The same pool and health;
     * background work keeps using this database and waiting, and its connections (or {@link
     * #probeEvery the probe}) notice when the store is back. Closing the view does nothing.
     */
    public Database forReplies() {
        return forReplies ? this : new Database(pool, dialect, health, sqliteFile, true);
    }

    /**
     * Opens the pool and migrates the schema to the newest version; throws {@link StoreException}
     * on failure.
     */
    public static Database open(DatabaseSettings settings) {
        return open(settings, StoreHealth.logged());
    }

    /** The same, reporting the store's health to {@code health}. */
    public static Database open(DatabaseSettings settings, StoreHealth health) {
        Dialect dialect = Dialect.of(settings.jdbcUrl());
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.jdbcUrl());
        config.setPoolName("ratbot-" + dialect.name().toLowerCase(java.util.Locale.ROOT));
        config.setConnectionTimeout(settings.connectionTimeout().toMillis());
        settings.password().ifPresent(config::setPassword);
        Optional<Path> sqliteFile =
                dialect == Dialect.SQLITE ? sqliteFile(settings.jdbcUrl()) : Optional.empty();
        if (dialect == Dialect.SQLITE) {
            createParentFolder(sqliteFile);
            // sqlite-jdbc reads pragmas from the connection properties, so every pooled connection
            // gets them.
            config.addDataSourceProperty("journal_mode", "WAL");
            config.addDataSourceProperty("synchronous", "NORMAL");
            config.addDataSourceProperty("busy_timeout", Integer.toString(SQLITE_BUSY_TIMEOUT_MS));
            config.addDataSourceProperty("foreign_keys", "true");
            config.addDataSourceProperty("transaction_mode", "IMMEDIATE");
            // One writer at a time anyway; a few connections let readers (/settings) run beside it
            // in WAL mode.
            config.setMaximumPoolSize(settings.maxPoolSize() > 0 ? settings.maxPoolSize() : 4);
        } else {
            config.setMaximumPoolSize(settings.maxPoolSize() > 0 ? settings.maxPoolSize() : 10);
            settings.schema().ifPresent(schema -> config.setSchema(checkedSchema(schema)));
        }
        HikariDataSource pool = new HikariDataSource(config);
        try {
            var flyway =
                    Flyway.configure()
                            .dataSource(pool)
                            .locations(dialect.migrations())
                            .table("ratbot_schema_history");
            if (dialect == Dialect.POSTGRESQL && settings.schema().isPresent()) {
                flyway.schemas(checkedSchema(settings.schema().get())).createSchemas(true);
            }
            flyway.load().migrate();
        } catch (RuntimeException e) {
            pool.close();
            throw new StoreException("could not migrate the database schema: " + e.getMessage(), e);
        }
        return new Database(pool, dialect, health, sqliteFile, false);
    }

    public Dialect dialect() {
        return dialect;
    }

    public DataSource dataSource() {
        return pool;
    }

    /** What the last operations and probes found about the store. */
    public StoreHealth health() {
        return health;
    }

    /**
     * Runs {@code work} in one transaction: committed when it returns, rolled back when it throws.
     */
    public <T> T inTransaction(SqlWork<T> work) {
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            T result;
            try {
                result = work.run(c);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                try {
                    c.rollback();
                    c.setAutoCommit(true);
                } catch (SQLException cleanup) {
                    // SQLite ends the transaction itself on some errors (SQLITE_FULL), and then the
                    // driver still
                    // thinks one is open: the next user of this connection would write outside any
                    // transaction.
                    // The connection goes, and the failure that matters is the one thrown.
                    e.addSuppressed(cleanup);
                    pool.evictConnection(c);
                }
                throw e;
            }
            c.setAutoCommit(true);
            health.reachable();
            return result;
        } catch (SQLException e) {
            health.failed(e);
            throw new StoreException("database error: " + e.getMessage(), e);
        }
    }

    /** Runs {@code work} on a connection in auto-commit mode (single statements and reads). */
    public <T> T withConnection(SqlWork<T> work) {
        try (Connection c = connect()) {
            T result = work.run(c);
            health.reachable();
            return result;
        } catch (SQLException e) {
            health.failed(e);
            throw new StoreException("database error: " + e.getMessage(), e);
        }
    }

    private Connection connect() {
        if (forReplies && health.unreachable()) {
            String why =
                    health.degraded().map(StoreHealth.Degraded::describe).orElse("unreachable");
            throw new StoreException(
                    "the database is " + why,
                    new SQLTransientConnectionException("the database is " + why));
        }
        try {
            // Not yet "reachable": the pool hands out a recently used connection without checking
            // it, which may have
            // died with the network; only work that went through says the store answers.
            return pool.getConnection();
        } catch (SQLException e) {
            health.cannotConnect(e);
            throw new StoreException("cannot connect to the database: " + e.getMessage(), e);
        }
    }

    /**
     * Looks at the store now and tells {@link #health()}: whether a connection can be had, and on
     * SQLite whether there is room left to write (the disk's free space, and the file's
     * max_page_count). Never throws.
     */
    public void probe() {
        try {
            health.probed(
                    withConnection(
                            c -> {
                                if (!c.isValid(2))
                                    return Optional.of(
                                            new StoreHealth.Fault(
                                                    StoreHealth.Problem.UNREACHABLE,
                                                    "connection not valid"));
                                return room(c);
                            }));
        } catch (RuntimeException e) {
            // Connection failures have already been reported by connect().
        }
    }

    /**
     * Probes every {@code every} on a daemon thread until {@link #close()}, so that an outage or a
     * full disk is noticed (and its end too) without waiting for the next question or readiness
     * check.
     */
    public synchronized void probeEvery(Duration every) {
        if (prober != null || forReplies) return;
        prober =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread t = new Thread(r, "ratbot-store-probe");
                            t.setDaemon(true);
                            return t;
                        });
        var unused =
                prober.scheduleWithFixedDelay(
                        this::probe, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    private Optional<StoreHealth.Fault> room(Connection c) throws SQLException {
        if (dialect != Dialect.SQLITE) return Optional.empty();
        if (sqliteFile.isPresent()) {
            try {
                Path folder = sqliteFile.get().toAbsolutePath().getParent();
                if (folder != null
                        && Files.getFileStore(folder).getUsableSpace() < MIN_FREE_BYTES) {
                    return Optional.of(
                            new StoreHealth.Fault(
                                    StoreHealth.Problem.FULL, "less than 1 MB free on the disk"));
                }
            } catch (IOException e) {
                // The disk cannot say; the pages below still can.
            }
        }
        long left =
                pragma(c, "max_page_count") - pragma(c, "page_count") + pragma(c, "freelist_count");
        return left < MIN_FREE_PAGES
                ? Optional.of(
                        new StoreHealth.Fault(StoreHealth.Problem.FULL, "max_page_count reached"))
                : Optional.empty();
    }

    private static long pragma(Connection c, String name) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("PRAGMA " + name)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    @Override
    public void close() {
        if (forReplies) return;
        ScheduledExecutorService p = prober;
        if (p != null) p.shutdownNow();
        pool.close();
    }

    private static String checkedSchema(String schema) {
        // The schema name goes into SQL unquoted, so only plain identifiers are allowed.
        if (!SAFE_SCHEMA.matcher(schema).matches())
            throw new IllegalArgumentException("bad schema name: " + schema);
        return schema;
    }

    /** The file of a SQLite URL; empty for an in-memory database. */
    private static Optional<Path> sqliteFile(String jdbcUrl) {
        String file = jdbcUrl.substring("jdbc:sqlite:".length());
        int query = file.indexOf('?');
        if (query >= 0) file = file.substring(0, query);
        if (file.startsWith("file:")) file = file.substring("file:".length());
        if (file.isEmpty() || file.equals(":memory:") || file.contains("mode=memory"))
            return Optional.empty();
        return Optional.of(Path.of(file));
    }

    private static void createParentFolder(Optional<Path> file) {
        if (file.isEmpty()) return;
        Path parent = file.get().toAbsolutePath().getParent();
        try {
            if (parent != null) Files.createDirectories(parent);
        } catch (IOException e) {
            throw new StoreException(
                    "cannot create the database folder " + parent + ": " + e.getMessage(), e);
        }
    }
}
