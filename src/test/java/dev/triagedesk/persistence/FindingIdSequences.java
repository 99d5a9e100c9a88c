package dev.triagedesk.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;

/**
 * V55 gives the four finding tables sequences instead of identity columns (ids handed to Hibernate 50 at a time,
 * so their rows are inserted in batches). Rows stored before keep their ids; the ids handed out afterwards, to
 * Hibernate's pooled optimizer (the 50 values up to the one it draws) or to a plain {@code INSERT} without an id
 * (the column's default), are all above them and never the same twice. The same scenario runs on H2 and
 * PostgreSQL.
 */
final class FindingIdSequences {

    private static final OffsetDateTime AT = OffsetDateTime.of(2026, 1, 7, 10, 0, 0, 0, ZoneOffset.UTC);
    private static final int STEP = 50;
    private static final List<String> TABLES = List.of("failing_request", "console_finding", "finding_signal",
            "request_identifier");
    /** The highest id stored before the migration in each table: a gap below it, as deletions leave. */
    private static final long HIGHEST = 7_003;

    private FindingIdSequences() {
    }

    /** Migrates to the last version before V55 and stores a ticket with a row of each kind, at high ids. */
    static void storeAsBefore(Function<String, Flyway> flywayTo, Connection c) throws SQLException {
        MigrationVersion v55 = MigrationVersion.fromVersion("55");
        MigrationVersion before = Arrays.stream(flywayTo.apply("latest").info().all()).map(MigrationInfo::getVersion)
                .filter(v -> v.compareTo(v55) < 0).max(MigrationVersion::compareTo).orElseThrow();
        flywayTo.apply(before.getVersion()).migrate();
        try (PreparedStatement t = c.prepareStatement("INSERT INTO ticket (id, reference, reporter_token_hash,"
                + " created_at, updated_at, submitted_at, status, step_reached, product, description, version)"
                + " VALUES (1, 'TD-2026-000001', 'hash-1', ?, ?, ?, 'NEW', 5, 'CHATGPT_WEB', 'Saving fails', 0)")) {
            t.setObject(1, AT);
            t.setObject(2, AT);
            t.setObject(3, AT);
            t.executeUpdate();
        }
        try (PreparedStatement e = c.prepareStatement("INSERT INTO evidence (id, ticket_id, kind, status, file_name,"
                + " stored_size, received_size, added_at, added_after_submit, entry_count, failure_count,"
                + " stream_error_count, signal_count, secrets_removed, already_sanitized, partial_input)"
                + " VALUES (10, 1, 'HAR', 'ANALYZED', 'capture.har', 1, 1, ?, FALSE, 1, 1, 0, 1, 0, FALSE, FALSE)")) {
            e.setObject(1, AT);
            e.executeUpdate();
        }
        try (Statement s = c.createStatement()) {
            for (long id : new long[] {3, HIGHEST}) {
                s.executeUpdate("INSERT INTO failing_request (id, ticket_id, evidence_id, entry_index, stream_error,"
                        + " method, url, status) VALUES (" + id + ", 1, 10, 0, FALSE, 'POST',"
                        + " 'https://api.openai.com/v1/chat/completions', 500)");
                s.executeUpdate("INSERT INTO console_finding (id, ticket_id, evidence_id, line_number, level, message)"
                        + " VALUES (" + id + ", 1, 10, 3, 'error', 'Failed to load resource')");
                s.executeUpdate("INSERT INTO finding_signal (id, ticket_id, evidence_id, signal_type, entry_index)"
                        + " VALUES (" + id + ", 1, 10, 'CLOUDFLARE_CHALLENGE', 0)");
                s.executeUpdate("INSERT INTO request_identifier (id, ticket_id, evidence_id, failing_request_id, name,"
                        + " id_value, lookup) VALUES (" + id + ", 1, 10, 3, 'x-request-id', 'req_" + id + "', 'req_"
                        + id + "')");
            }
        }
    }

    static void migrate(Function<String, Flyway> flywayTo) {
        flywayTo.apply("latest").migrate();
    }

    static void assertIdsAboveTheStoredOnes(Connection c) throws SQLException {
        for (String table : TABLES) {
            Set<Long> handedOut = new HashSet<>();
            // a block of the pooled optimizer: the STEP values up to the one drawn
            long drawn = nextValue(c, table + "_seq");
            for (long id = drawn - STEP + 1; id <= drawn; id++) {
                handedOut.add(id);
            }
            assertThat(drawn - STEP + 1).as("the first id Hibernate takes in %s", table).isGreaterThan(HIGHEST);
            // plain inserts without an id, as scripts and the queue benchmark write them
            for (int i = 0; i < 3; i++) {
                long id = insertWithoutId(c, table);
                assertThat(id).as("an id by default in %s", table).isGreaterThan(HIGHEST);
                assertThat(handedOut.add(id)).as("id %d of %s handed out once", id, table).isTrue();
            }
            long next = nextValue(c, table + "_seq");
            for (long id = next - STEP + 1; id <= next; id++) {
                assertThat(handedOut.add(id)).as("id %d of %s handed out once", id, table).isTrue();
            }
            assertThat(count(c, table)).isEqualTo(2 + 3);
        }
    }

    private static long nextValue(Connection c, String sequence) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT nextval('" + sequence + "')")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long insertWithoutId(Connection c, String table) throws SQLException {
        String sql = switch (table) {
            case "failing_request" -> "INSERT INTO failing_request (ticket_id, evidence_id, entry_index, stream_error,"
                    + " method, url, status) VALUES (1, 10, 1, FALSE, 'GET', 'https://chatgpt.com/backend-api/me', 429)";
            case "console_finding" -> "INSERT INTO console_finding (ticket_id, evidence_id, line_number, level,"
                    + " message) VALUES (1, 10, 4, 'error', 'net::ERR_CONNECTION_RESET')";
            case "finding_signal" -> "INSERT INTO finding_signal (ticket_id, evidence_id, signal_type, entry_index)"
                    + " VALUES (1, 10, 'CLOUDFLARE_CHALLENGE', 1)";
            default -> "INSERT INTO request_identifier (ticket_id, name, id_value, lookup)"
                    + " VALUES (1, 'reported', 'req_typed', 'req_typed')";
        };
        try (PreparedStatement s = c.prepareStatement(sql, new String[] {"id"})) {
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static long count(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
