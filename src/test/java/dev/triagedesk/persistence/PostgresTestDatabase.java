package dev.triagedesk.persistence;

import dev.triagedesk.support.RequiredTool;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestInstanceFactoryContext;
import org.junit.jupiter.api.extension.TestInstancePreConstructCallback;

/**
 * The PostgreSQL server the persistence tests run against, named by {@code TRIAGE_TEST_DB_URL} (a JDBC URL),
 * {@code TRIAGE_TEST_DB_USER} and {@code TRIAGE_TEST_DB_PASSWORD}; .ci/run starts one and sets them. Each run gets a
 * schema of its own ({@code it_<epoch seconds>_<random>}), created empty and dropped afterwards, so no leftover data
 * from an earlier run or a concurrent one is ever seen. Schemas left by a run that was killed are dropped by a later
 * run once they are a day old.
 */
final class PostgresTestDatabase {

    static final String URL_VARIABLE = "TRIAGE_TEST_DB_URL";
    private static final Pattern RUN_SCHEMA = Pattern.compile("it_(\\d+)_[0-9a-f]+");
    private static final Duration STALE = Duration.ofDays(1);

    final String serverUrl;
    final String user;
    final String password;
    final String schema;

    private PostgresTestDatabase(String serverUrl, String user, String password, String schema) {
        this.serverUrl = serverUrl;
        this.user = user;
        this.password = password;
        this.schema = schema;
    }

    /**
     * Skips each test (locally) or fails it (in CI) unless a server is configured. It runs before the test instance
     * is made, so before Spring tries to start the application against a server that is not there, and the reason
     * shows on every skipped test.
     */
    static final class Required implements TestInstancePreConstructCallback {

        @Override
        public void preConstructTestInstance(TestInstanceFactoryContext factoryContext, ExtensionContext context) {
            RequiredTool.require(configured(), "a PostgreSQL server is needed for the persistence tests: set "
                    + URL_VARIABLE + " (jdbc:postgresql://host:port/database), TRIAGE_TEST_DB_USER and"
                    + " TRIAGE_TEST_DB_PASSWORD");
        }
    }

    static boolean configured() {
        String url = System.getenv(URL_VARIABLE);
        return url != null && !url.isBlank();
    }

    /** Creates this run's empty schema on the configured server. */
    static PostgresTestDatabase createSchema() throws SQLException {
        String url = System.getenv(URL_VARIABLE);
        byte[] random = new byte[4];
        new SecureRandom().nextBytes(random);
        String schema = "it_" + Instant.now().getEpochSecond() + "_" + HexFormat.of().formatHex(random);
        PostgresTestDatabase db = new PostgresTestDatabase(url, System.getenv().getOrDefault("TRIAGE_TEST_DB_USER", ""),
                System.getenv().getOrDefault("TRIAGE_TEST_DB_PASSWORD", ""), schema);
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            dropStaleSchemas(c);
            s.execute("CREATE SCHEMA " + schema);
        }
        return db;
    }

    /** The JDBC URL the application uses: the same server, with this run's schema as its current schema. */
    String applicationUrl() {
        return serverUrl + (serverUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(serverUrl, user, password);
    }

    void dropSchema() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    private static void dropStaleSchemas(Connection c) throws SQLException {
        List<String> stale = new ArrayList<>();
        long cutoff = Instant.now().minus(STALE).getEpochSecond();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'it\\_%'")) {
            while (rs.next()) {
                Matcher m = RUN_SCHEMA.matcher(rs.getString(1));
                if (m.matches() && Long.parseLong(m.group(1)) < cutoff) {
                    stale.add(m.group());
                }
            }
        }
        try (Statement s = c.createStatement()) {
            for (String schema : stale) {
                try {
                    s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                } catch (SQLException notOurs) {
                    // another role's schema: leave it
                }
            }
        }
    }
}
