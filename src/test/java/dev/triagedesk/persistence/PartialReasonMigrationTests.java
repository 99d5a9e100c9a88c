package dev.triagedesk.persistence;

import java.sql.Connection;
import java.sql.DriverManager;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** V6 on the embedded H2: where a HAR read in part broke off moves from {@code reason} to {@code partial_reason}. */
class PartialReasonMigrationTests {

    private static final String URL = "jdbc:h2:mem:partial-reason-migration;DB_CLOSE_DELAY=-1";

    @Test
    void whereAHarBrokeOffMovesToItsOwnColumn() throws Exception {
        try (Connection c = DriverManager.getConnection(URL, "sa", "")) {
            PartialReasonMove.storeAsBefore(PartialReasonMigrationTests::flyway, c);
            PartialReasonMove.migrate(PartialReasonMigrationTests::flyway);
            PartialReasonMove.assertMoved(c);
        }
    }

    private static Flyway flyway(String target) {
        return Flyway.configure().dataSource(URL, "sa", "").locations("classpath:db/migration").target(target).load();
    }
}
