package dev.triagedesk.persistence;

import java.sql.Connection;
import java.sql.DriverManager;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** V26 revokes the API tokens of accounts disabled before disabling did so: on H2, and on PostgreSQL when one is configured. */
class TokenRevocationMigrationTests {

    @Test
    void tokensOfDisabledAccountsAreRevoked() throws Exception {
        String url = "jdbc:h2:mem:token-revocation-migration;DB_CLOSE_DELAY=-1";
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            TokensOfDisabledAccounts.storeAsBefore(target -> flyway(url, target), c);
            TokensOfDisabledAccounts.migrate(target -> flyway(url, target));
            TokensOfDisabledAccounts.assertRevoked(c);
        }
    }

    private static Flyway flyway(String url, String target) {
        return Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").target(target).load();
    }

    /** The same on a real PostgreSQL server (see {@link PostgresTestDatabase}), in a schema of its own. */
    @Nested
    @ExtendWith(PostgresTestDatabase.Required.class)
    class OnPostgres {

        private PostgresTestDatabase database;

        @AfterEach
        void dropSchema() throws Exception {
            if (database != null) {
                database.dropSchema();
            }
        }

        @Test
        void tokensOfDisabledAccountsAreRevoked() throws Exception {
            database = PostgresTestDatabase.createSchema();
            try (Connection c = DriverManager.getConnection(database.applicationUrl(), database.user, database.password)) {
                TokensOfDisabledAccounts.storeAsBefore(this::flyway, c);
                TokensOfDisabledAccounts.migrate(this::flyway);
                TokensOfDisabledAccounts.assertRevoked(c);
            }
        }

        private Flyway flyway(String target) {
            return Flyway.configure().dataSource(database.applicationUrl(), database.user, database.password)
                    .schemas(database.schema).locations("classpath:db/migration").target(target).load();
        }
    }
}
