package dev.triagedesk.persistence;

import java.sql.Connection;
import java.sql.DriverManager;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * The migrations that move or repair stored data, on the embedded H2, each in a database of its own:
 * V5 makes conversation IDs stored with a query, fragment or worse bare and findable; V6 moves where a HAR read in
 * part broke off from {@code reason} to {@code partial_reason}; V21 indexes the words of stored tickets' evidence; V55 gives the finding tables sequences above their stored ids. {@link PostgresDataMigrationTests} runs the same.
 */
class DataMigrationTests {

    @Test
    void storedConversationIdsAreRepairedAndFoundByTheBareId() throws Exception {
        String url = "jdbc:h2:mem:conversation-id-migration;DB_CLOSE_DELAY=-1";
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            ConversationIdRepair.storeAsBefore(target -> flyway(url, target), c);
            ConversationIdRepair.migrate(target -> flyway(url, target));
            ConversationIdRepair.assertRepaired(c);
        }
    }

    @Test
    void whereAHarBrokeOffMovesToItsOwnColumn() throws Exception {
        String url = "jdbc:h2:mem:partial-reason-migration;DB_CLOSE_DELAY=-1";
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            PartialReasonMove.storeAsBefore(target -> flyway(url, target), c);
            PartialReasonMove.migrate(target -> flyway(url, target));
            PartialReasonMove.assertMoved(c);
        }
    }

    @Test
    void storedTicketsAreFoundByWhatTheirEvidenceHolds() throws Exception {
        String url = "jdbc:h2:mem:evidence-words-migration;DB_CLOSE_DELAY=-1";
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            EvidenceWordsReindex.storeAsBefore(target -> flyway(url, target), c);
            EvidenceWordsReindex.migrate(target -> flyway(url, target));
            EvidenceWordsReindex.assertIndexed(c);
        }
    }

    @Test
    void findingsTakeTheirIdsFromSequencesAboveTheStoredOnes() throws Exception {
        String url = "jdbc:h2:mem:finding-id-sequences;DB_CLOSE_DELAY=-1";
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            FindingIdSequences.storeAsBefore(target -> flyway(url, target), c);
            FindingIdSequences.migrate(target -> flyway(url, target));
            FindingIdSequences.assertIdsAboveTheStoredOnes(c);
        }
    }

    private static Flyway flyway(String url, String target) {
        return Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").target(target).load();
    }
}
