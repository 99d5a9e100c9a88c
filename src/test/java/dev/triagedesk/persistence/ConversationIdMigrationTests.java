package dev.triagedesk.persistence;

import java.sql.Connection;
import java.sql.DriverManager;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** V5 on the embedded H2: conversation IDs stored with a query, fragment or worse become bare and findable. */
class ConversationIdMigrationTests {

    private static final String URL = "jdbc:h2:mem:conversation-id-migration;DB_CLOSE_DELAY=-1";

    @Test
    void storedConversationIdsAreRepairedAndFoundByTheBareId() throws Exception {
        try (Connection c = DriverManager.getConnection(URL, "sa", "")) {
            ConversationIdRepair.storeAsBefore(ConversationIdMigrationTests::flyway, c);
            ConversationIdRepair.migrate(ConversationIdMigrationTests::flyway);
            ConversationIdRepair.assertRepaired(c);
        }
    }

    private static Flyway flyway(String target) {
        return Flyway.configure().dataSource(URL, "sa", "").locations("classpath:db/migration").target(target).load();
    }
}
