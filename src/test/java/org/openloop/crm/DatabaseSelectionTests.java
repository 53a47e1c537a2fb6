package org.openloop.crm;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;

import javax.sql.DataSource;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openloop.crm.testkit.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The suite really runs on the database {@code -Dcrm.test.database} names, with the whole schema migrated. */
@CrmIntegrationTest
class DatabaseSelectionTests {

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Test
    @DisplayName("the application's DataSource is the selected database (h2 or postgresql)")
    void dataSourceIsTheSelectedDatabase() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName();
            String url = connection.getMetaData().getURL();
            if (TestDatabase.selected().equals("postgresql")) {
                assertThat(product).isEqualTo("PostgreSQL");
                assertThat(url).startsWith("jdbc:postgresql:");
            }
            else {
                assertThat(product).isEqualTo("H2");
                assertThat(url).startsWith("jdbc:h2:mem:");
            }
        }
    }

    @Test
    @DisplayName("Flyway applied the main migrations and the test-only migration")
    void migrationsApplied() {
        var versions = jdbc.sql("select version from flyway_schema_history where success = true")
                .query(String.class).list();
        assertThat(versions).contains("1", "2", "3", "4", "5", "1000");
    }
}
