package uk.sse.engines;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresEngineTest {

    @Test
    void createInsertSelectThroughTheJdbcUrl() throws Exception {
        PostgresEngine pg = Engines.postgres();
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), pg.username(), pg.password());
                Statement s = c.createStatement()) {
            s.execute("create schema jdbc_url_test");
            s.execute("create table jdbc_url_test.school (urn int primary key, name text not null, tags text[])");
            try (PreparedStatement insert = c.prepareStatement("insert into jdbc_url_test.school values (?, ?, ?)")) {
                insert.setInt(1, 100000);
                insert.setString(2, "Hill Top Primary");
                insert.setArray(3, c.createArrayOf("text", new String[] {"primary", "rural"}));
                assertThat(insert.executeUpdate()).isEqualTo(1);
            }
            try (ResultSet rs = s.executeQuery(
                    "select name, cardinality(tags), version() from jdbc_url_test.school where urn = 100000")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("Hill Top Primary");
                assertThat(rs.getInt(2)).isEqualTo(2);
                assertThat(rs.getString(3)).startsWith("PostgreSQL 17.");
            }
        }
    }

    @Test
    void dataSourceWorksAndDataLivesInTheWorkDirectory() throws Exception {
        PostgresEngine pg = Engines.postgres();
        try (Connection c = pg.dataSource().getConnection();
                Statement s = c.createStatement()) {
            s.execute("create schema data_source_test");
            s.execute("create table data_source_test.t (id bigint generated always as identity, v jsonb)");
            s.execute("insert into data_source_test.t (v) values ('{\"a\": 1}')");
            try (ResultSet rs =
                    s.executeQuery("select v ->> 'a', current_setting('data_directory') from data_source_test.t")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("1");
                Path dataDir = Path.of(rs.getString(2));
                assertThat(dataDir).startsWith(Engines.baseDir());
                assertThat(Files.exists(dataDir.resolve("PG_VERSION"))).isTrue();
            }
        }
    }

    @Test
    void closeStopsTheServerAndRemovesItsData(@TempDir Path workDir) throws Exception {
        PostgresEngine pg = PostgresEngine.start(workDir);
        int port = pg.port();
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), pg.username(), pg.password());
                ResultSet rs = c.createStatement().executeQuery("select 1")) {
            assertThat(rs.next()).isTrue();
        }
        assertThat(workDir.resolve("data/PG_VERSION")).exists();

        pg.close();

        assertThat(Ports.accepts("localhost", port)).isFalse();
        assertThat(workDir.resolve("data")).doesNotExist();
        pg.close(); // idempotent
    }
}
