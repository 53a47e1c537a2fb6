package org.openloop.crm.testkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.ActiveProfilesResolver;

/**
 * Which database the integration tests run on: system property {@code crm.test.database} = {@code h2} (default) or
 * {@code postgresql}, with {@code crm.test.datasource-url}, {@code -username}, {@code -password} for PostgreSQL.
 */
public final class TestDatabase {

    public static final String PROPERTY = "crm.test.database";
    public static final String DEFAULT_POSTGRESQL_URL = "jdbc:postgresql://127.0.0.1:5432/crm_test";

    private static volatile String unreachable;
    private static volatile boolean checked;

    private TestDatabase() {
    }

    /** {@code h2} or {@code postgresql}; anything else is a configuration mistake and fails the run. */
    public static String selected() {
        String value = System.getProperty(PROPERTY, "h2").trim().toLowerCase(Locale.ROOT);
        if (value.isEmpty()) {
            return "h2";
        }
        if (!value.equals("h2") && !value.equals("postgresql")) {
            throw new IllegalStateException("-D" + PROPERTY + "=" + value + " is not supported: use h2 or postgresql");
        }
        return value;
    }

    public static String postgresqlUrl() {
        String url = System.getProperty("crm.test.datasource-url", "");
        return url.isBlank() ? DEFAULT_POSTGRESQL_URL : url.trim();
    }

    /** Profiles {@code test} plus the selected database. */
    public static final class Profiles implements ActiveProfilesResolver {

        @Override
        public String[] resolve(Class<?> testClass) {
            return new String[] { "test", selected() };
        }
    }

    /**
     * Fails every integration test with a clear message when PostgreSQL was asked for but does not answer, instead
     * of a long Spring context stack trace (and never a skip). Checked once per JVM.
     */
    public static final class RequireReachable implements BeforeAllCallback {

        @Override
        public void beforeAll(ExtensionContext context) {
            if (!selected().equals("postgresql")) {
                return;
            }
            if (!checked) {
                synchronized (TestDatabase.class) {
                    if (!checked) {
                        unreachable = probe();
                        checked = true;
                    }
                }
            }
            if (unreachable != null) {
                throw new AssertionError(unreachable);
            }
        }

        private static String probe() {
            String url = postgresqlUrl();
            DriverManager.setLoginTimeout(5);
            try (Connection connection = DriverManager.getConnection(url,
                    System.getProperty("crm.test.datasource-username", "postgres"),
                    System.getProperty("crm.test.datasource-password", ""))) {
                return connection.isValid(5) ? null : "PostgreSQL at " + url + " does not answer";
            }
            catch (SQLException e) {
                return "-Dcrm.test.database=postgresql was given but the test database " + url
                        + " cannot be reached (" + e.getMessage() + "). Start PostgreSQL and create the database "
                        + "(createdb -h 127.0.0.1 -U postgres crm_test), or pass -Dcrm.test.datasource-url=...";
            }
        }
    }
}
