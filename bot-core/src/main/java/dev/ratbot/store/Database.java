package dev.ratbot.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * An open, migrated database: a HikariCP pool on SQLite or PostgreSQL with Ratbot's schema applied by Flyway.
 * Open one per process with {@link #open}, hand it to the JDBC stores, the scheduler and the delivery worker,
 * and close it last. Thread-safe.
 *
 * <p>SQLite runs in WAL mode (readers never block the writer) with a busy timeout, and every transaction begins
 * IMMEDIATE so that two writers queue up instead of failing on a lock upgrade. PostgreSQL is for more than one
 * instance; pass {@link DatabaseSettings#schema()} to keep Ratbot in its own schema.
 */
public final class Database implements AutoCloseable {

    private static final Pattern SAFE_SCHEMA = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final int SQLITE_BUSY_TIMEOUT_MS = 10_000;

    private final HikariDataSource pool;
    private final Dialect dialect;

    private Database(HikariDataSource pool, Dialect dialect) {
        this.pool = pool;
        this.dialect = dialect;
    }

    /** Opens the pool and migrates the schema to the newest version; throws {@link StoreException} on failure. */
    public static Database open(DatabaseSettings settings) {
        Dialect dialect = Dialect.of(settings.jdbcUrl());
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.jdbcUrl());
        config.setPoolName("ratbot-" + dialect.name().toLowerCase(java.util.Locale.ROOT));
        settings.password().ifPresent(config::setPassword);
        if (dialect == Dialect.SQLITE) {
            createParentFolder(settings.jdbcUrl());
            // sqlite-jdbc reads pragmas from the connection properties, so every pooled connection gets them.
            config.addDataSourceProperty("journal_mode", "WAL");
            config.addDataSourceProperty("synchronous", "NORMAL");
            config.addDataSourceProperty("busy_timeout", Integer.toString(SQLITE_BUSY_TIMEOUT_MS));
            config.addDataSourceProperty("foreign_keys", "true");
            config.addDataSourceProperty("transaction_mode", "IMMEDIATE");
            // One writer at a time anyway; a few connections let readers (/settings) run beside it in WAL mode.
            config.setMaximumPoolSize(settings.maxPoolSize() > 0 ? settings.maxPoolSize() : 4);
        } else {
            config.setMaximumPoolSize(settings.maxPoolSize() > 0 ? settings.maxPoolSize() : 10);
            settings.schema().ifPresent(schema -> config.setSchema(checkedSchema(schema)));
        }
        HikariDataSource pool = new HikariDataSource(config);
        try {
            var flyway = Flyway.configure()
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
        return new Database(pool, dialect);
    }

    public Dialect dialect() {
        return dialect;
    }

    public DataSource dataSource() {
        return pool;
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    public <T> T inTransaction(SqlWork<T> work) {
        try (Connection c = pool.getConnection()) {
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
                    // SQLite ends the transaction itself on some errors (SQLITE_FULL), and then the driver still
                    // thinks one is open: the next user of this connection would write outside any transaction.
                    // The connection goes, and the failure that matters is the one thrown.
                    e.addSuppressed(cleanup);
                    pool.evictConnection(c);
                }
                throw e;
            }
            c.setAutoCommit(true);
            return result;
        } catch (SQLException e) {
            throw new StoreException("database error: " + e.getMessage(), e);
        }
    }

    /** Runs {@code work} on a connection in auto-commit mode (single statements and reads). */
    public <T> T withConnection(SqlWork<T> work) {
        try (Connection c = pool.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new StoreException("database error: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        pool.close();
    }

    private static String checkedSchema(String schema) {
        // The schema name goes into SQL unquoted, so only plain identifiers are allowed.
        if (!SAFE_SCHEMA.matcher(schema).matches()) throw new IllegalArgumentException("bad schema name: " + schema);
        return schema;
    }

    private static void createParentFolder(String jdbcUrl) {
        String file = jdbcUrl.substring("jdbc:sqlite:".length());
        int query = file.indexOf('?');
        if (query >= 0) file = file.substring(0, query);
        if (file.startsWith("file:")) file = file.substring("file:".length());
        if (file.isEmpty() || file.equals(":memory:") || file.contains("mode=memory")) return;
        Path parent = Path.of(file).toAbsolutePath().getParent();
        try {
            if (parent != null) Files.createDirectories(parent);
        } catch (IOException e) {
            throw new StoreException("cannot create the database folder " + parent + ": " + e.getMessage(), e);
        }
    }
}
