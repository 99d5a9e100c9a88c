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
 * part broke off from {@code reason} to {@code partial_reason}; V21 indexes the words of stored tickets' evidence; V55 gives the finding tables sequences above their stored ids, and V56 lets H2 keep a thousand of their values in
 * memory. {@link PostgresDataMigrationTests} runs the same.
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

    private static Flyway flyway(String url, String target) {
        return Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").target(target).load();
    }
}
