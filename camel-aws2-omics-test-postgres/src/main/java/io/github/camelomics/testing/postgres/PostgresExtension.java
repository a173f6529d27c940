package io.github.camelomics.testing.postgres;

import java.nio.file.Path;

import javax.sql.DataSource;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One real PostgreSQL server per test class ({@link PostgresServer}), started before its tests and stopped after them,
 * whether they passed or not.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final PostgresExtension POSTGRES = new PostgresExtension();
 *
 * @Test
 * void recordsInTheDatabase() {
 *     DataSource dataSource = POSTGRES.dataSource();
 *     ...
 * }
 * }</pre>
 *
 * The binaries are unpacked once into {@code target/postgres} of the module (system property
 * {@value #WORK_DIR_PROPERTY} names another directory); each server gets a directory of its own below it, deleted
 * when it stops.
 */
public final class PostgresExtension implements BeforeAllCallback, AfterAllCallback {

    public static final String WORK_DIR_PROPERTY = "camelomics.postgres.dir";

    private PostgresServer server;

    @Override
    public void beforeAll(ExtensionContext context) {
        server = PostgresServer.start(Path.of(System.getProperty(WORK_DIR_PROPERTY, "target/postgres")));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    public PostgresServer server() {
        if (server == null) {
            throw new IllegalStateException("PostgreSQL runs only while the test class runs");
        }
        return server;
    }

    /** A new DataSource of the server's database. */
    public DataSource dataSource() {
        return server().dataSource();
    }

    public String jdbcUrl() {
        return server().jdbcUrl();
    }
}
