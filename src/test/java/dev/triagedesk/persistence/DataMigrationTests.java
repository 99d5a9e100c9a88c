package dev.triagedesk.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * The migrations that move or repair stored data, on the embedded H2, each in a database of its own:
 * V5 makes conversation IDs stored with a query, fragment or worse bare and findable; V6 moves where a HAR read in
 * part broke off from {@code reason} to {@code partial_reason}; V21 indexes the words of stored tickets' evidence; V55 gives the finding tables sequences above their stored ids, V56 lets H2 keep a thousand of their values in
 * memory, and V57 drops H2's second index of a column. {@link PostgresDataMigrationTests} runs the same.
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

    /**
     * H2 writes a sequence's state to its file, in a commit that writes every page the upload's transaction changed
     * so far, each time the values it keeps in memory run out: 32 by default, a few times per large HAR.
     */
    @Test
    void h2KeepsAThousandValuesOfEachFindingSequenceInMemory() throws Exception {
        String url = "jdbc:h2:mem:finding-sequence-cache;DB_CLOSE_DELAY=-1";
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            flyway(url, "latest").migrate();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT SEQUENCE_NAME, CACHE"
                    + " FROM INFORMATION_SCHEMA.SEQUENCES WHERE SEQUENCE_NAME LIKE '%\\_SEQ' ORDER BY SEQUENCE_NAME")) {
                Map<String, Long> cache = new TreeMap<>();
                while (rs.next()) {
                    cache.put(rs.getString(1).toLowerCase(java.util.Locale.ROOT), rs.getLong(2));
                }
                assertThat(cache).containsAllEntriesOf(Map.of("failing_request_seq", 1000L,
                        "console_finding_seq", 1000L, "finding_signal_seq", 1000L, "request_identifier_seq", 1000L));
            }
        }
    }

    /**
     * H2 indexes a foreign key's column by itself; the migrations index some of them again by name, for PostgreSQL.
     * Every insert paid for both. After the migrations each column list is indexed once, and the finding tables'
     * foreign keys are still indexed (a ticket's findings are read and deleted by ticket).
     */
    @Test
    void h2IndexesEachColumnListOnce() throws Exception {
        String url = "jdbc:h2:mem:duplicate-indexes;DB_CLOSE_DELAY=-1";
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            flyway(url, "56").migrate();
            assertThat(db.migration.V57__no_duplicate_indexes_on_h2.duplicates(c)).contains("FAILING_REQUEST_TICKET",
                    "FAILING_REQUEST_EVIDENCE", "REQUEST_IDENTIFIER_TICKET", "FINDING_SIGNAL_TICKET");
            flyway(url, "latest").migrate();
            assertThat(db.migration.V57__no_duplicate_indexes_on_h2.duplicates(c)).isEmpty();
            Map<String, Long> indexedTicketIds = new TreeMap<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT k.TABLE_NAME, COUNT(*)"
                    + " FROM INFORMATION_SCHEMA.INDEX_COLUMNS k WHERE k.COLUMN_NAME = 'TICKET_ID'"
                    + " AND k.ORDINAL_POSITION = 1 AND k.TABLE_NAME IN ('FAILING_REQUEST', 'REQUEST_IDENTIFIER',"
                    + " 'FINDING_SIGNAL', 'CONSOLE_FINDING') GROUP BY k.TABLE_NAME")) {
                while (rs.next()) {
                    indexedTicketIds.put(rs.getString(1), rs.getLong(2));
                }
            }
            assertThat(indexedTicketIds).containsOnlyKeys("FAILING_REQUEST", "REQUEST_IDENTIFIER", "FINDING_SIGNAL",
                    "CONSOLE_FINDING").allSatisfy((table, count) -> assertThat(count).isEqualTo(1L));
        }
    }

    private static Flyway flyway(String url, String target) {
        return Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").target(target).load();
    }
}
