package dev.triagedesk.persistence;

import java.sql.Connection;
import java.sql.DriverManager;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link DataMigrationTests} on a real PostgreSQL server (see {@link PostgresTestDatabase}), each test in a schema
 * of its own.
 */
@ExtendWith(PostgresTestDatabase.Required.class)
class PostgresDataMigrationTests {

    private PostgresTestDatabase database;

    @BeforeEach
    void freshSchema() throws Exception {
        if (PostgresTestDatabase.configured()) {
            database = PostgresTestDatabase.createSchema();
        }
    }

    @AfterEach
    void dropSchema() throws Exception {
        if (database != null) {
            database.dropSchema();
        }
    }

    @Test
    void storedConversationIdsAreRepairedAndFoundByTheBareId() throws Exception {
        try (Connection c = connection()) {
            ConversationIdRepair.storeAsBefore(this::flyway, c);
            ConversationIdRepair.migrate(this::flyway);
            ConversationIdRepair.assertRepaired(c);
        }
    }

    @Test
    void whereAHarBrokeOffMovesToItsOwnColumn() throws Exception {
        try (Connection c = connection()) {
            PartialReasonMove.storeAsBefore(this::flyway, c);
            PartialReasonMove.migrate(this::flyway);
            PartialReasonMove.assertMoved(c);
        }
    }

    @Test
    void storedTicketsAreFoundByWhatTheirEvidenceHolds() throws Exception {
        try (Connection c = connection()) {
            EvidenceWordsReindex.storeAsBefore(this::flyway, c);
            EvidenceWordsReindex.migrate(this::flyway);
            EvidenceWordsReindex.assertIndexed(c);
        }
    }

    @Test
    void findingsTakeTheirIdsFromSequencesAboveTheStoredOnes() throws Exception {
        try (Connection c = connection()) {
            FindingIdSequences.storeAsBefore(this::flyway, c);
            FindingIdSequences.migrate(this::flyway);
            FindingIdSequences.assertIdsAboveTheStoredOnes(c);
        }
    }

    private Connection connection() throws Exception {
        return DriverManager.getConnection(database.applicationUrl(), database.user, database.password);
    }

    private Flyway flyway(String target) {
        return Flyway.configure().dataSource(database.applicationUrl(), database.user, database.password)
                .schemas(database.schema).locations("classpath:db/migration").target(target).load();
    }
}
