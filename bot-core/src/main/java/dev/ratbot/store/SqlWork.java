package dev.ratbot.store;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A piece of work on one connection, run by {@link Database#inTransaction} or {@link
 * Database#withConnection}.
 */
@FunctionalInterface
public interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
}
