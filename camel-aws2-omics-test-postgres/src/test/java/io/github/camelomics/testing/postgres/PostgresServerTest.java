package io.github.camelomics.testing.postgres;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real server: it answers SQL while open, refuses clients while stopped and has its data again once restarted, and
 * after close its process and directory are gone.
 */
class PostgresServerTest {

    @Test
    void aStartedServerAnswersSqlAndIsGoneAfterClose() throws Exception {
        Path dir;
        PostgresServer server = PostgresServer.start(Path.of("target/postgres"));
        try {
            dir = server.directory();
            try (Connection connection = server.dataSource().getConnection();
                 Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT current_setting('server_version_num')::int / 10000")) {
                assertTrue(rs.next());
                assertEquals(17, rs.getInt(1));
            }
        } finally {
            server.close();
        }

        assertFalse(Files.exists(dir), "the server's directory is deleted");
        assertThrows(SQLException.class, () -> server.dataSource().getConnection().close(), "nothing listens any more");
    }

    @Test
    void aStoppedServerRefusesClientsAndARestartedOneHasItsData() throws Exception {
        try (PostgresServer server = PostgresServer.start(Path.of("target/postgres"))) {
            sql(server, "CREATE TABLE kept (n int); INSERT INTO kept VALUES (42)");

            server.stop();
            assertThrows(SQLException.class, () -> server.dataSource().getConnection().close(), "nothing listens");

            server.restart();
            try (Connection connection = server.dataSource().getConnection();
                 Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT n FROM kept")) {
                assertTrue(rs.next());
                assertEquals(42, rs.getInt(1), "the data survived the outage");
            }
        }
    }

    private static void sql(PostgresServer server, String sql) throws SQLException {
        try (Connection connection = server.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
