package dev.triagedesk.persistence;

import java.sql.Connection;
import java.sql.DriverManager;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * V6 on a real PostgreSQL server (see {@link PostgresTestDatabase}), in a schema of its own: the same scenario as
 * {@link PartialReasonMigrationTests}.
 */
@ExtendWith(PostgresTestDatabase.Required.class)
class PostgresPartialReasonMigrationTests {

    private static PostgresTestDatabase database;

    @BeforeAll
    static void freshSchema() throws Exception {
        if (PostgresTestDatabase.configured()) {
            database = PostgresTestDatabase.createSchema();
        }
    }

    @AfterAll
    static void dropSchema() throws Exception {
        if (database != null) {
            database.dropSchema();
        }
    }

    @Test
    void whereAHarBrokeOffMovesToItsOwnColumn() throws Exception {
        try (Connection c = DriverManager.getConnection(database.applicationUrl(), database.user, database.password)) {
            PartialReasonMove.storeAsBefore(PostgresPartialReasonMigrationTests::flyway, c);
            PartialReasonMove.migrate(PostgresPartialReasonMigrationTests::flyway);
            PartialReasonMove.assertMoved(c);
        }
    }

    private static Flyway flyway(String target) {
        return Flyway.configure().dataSource(database.applicationUrl(), database.user, database.password)
                .schemas(database.schema).locations("classpath:db/migration").target(target).load();
    }
}
