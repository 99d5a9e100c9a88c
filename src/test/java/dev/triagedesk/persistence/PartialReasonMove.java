package dev.triagedesk.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.flywaydb.core.Flyway;

/**
 * Evidence stored before V6, when a HAR read only in part kept where it broke off in {@code reason}: after migrating
 * that is its {@code partial_reason}, and {@code reason} is left to files that could not be read. The same scenario
 * runs on H2 and PostgreSQL.
 */
final class PartialReasonMove {

    static final String BROKE_OFF = "The file breaks off at line 756, column 10 (a property name expected):"
            + " only the 4 complete entries before the break were read.";
    static final String NOTHING_READ = "broken before its first complete request, so nothing could be read.";
    private static final OffsetDateTime AT = OffsetDateTime.of(2026, 1, 7, 10, 0, 0, 0, ZoneOffset.UTC);

    private PartialReasonMove() {
    }

    /** Migrates to V5 and stores a ticket with a HAR read in part, one read whole and one rejected. */
    static void storeAsBefore(Function<String, Flyway> flywayTo, Connection c) throws SQLException {
        flywayTo.apply("5").migrate();
        try (PreparedStatement t = c.prepareStatement("INSERT INTO ticket (id, reference, reporter_token_hash,"
                + " created_at, updated_at, submitted_at, status, step_reached, product, version)"
                + " VALUES (1, 'TD-2026-000001', 'hash-1', ?, ?, ?, 'NEW', 5, 'CHATGPT_WEB', 0)")) {
            t.setObject(1, AT);
            t.setObject(2, AT);
            t.setObject(3, AT);
            t.executeUpdate();
        }
        evidence(c, 10, "ANALYZED", true, BROKE_OFF);
        evidence(c, 11, "ANALYZED", false, null);
        evidence(c, 12, "REJECTED", true, NOTHING_READ);
    }

    static void migrate(Function<String, Flyway> flywayTo) {
        flywayTo.apply("latest").migrate();
    }

    static void assertMoved(Connection c) throws SQLException {
        assertThat(row(c, 10)).containsExactly(null, BROKE_OFF);
        assertThat(row(c, 11)).containsExactly(null, null);
        assertThat(row(c, 12)).containsExactly(NOTHING_READ, null);
    }

    private static void evidence(Connection c, long id, String status, boolean partial, String reason)
            throws SQLException {
        try (PreparedStatement e = c.prepareStatement("INSERT INTO evidence (id, ticket_id, kind, status, file_name,"
                + " reason, stored_size, received_size, added_at, added_after_submit, entry_count, failure_count,"
                + " stream_error_count, signal_count, secrets_removed, already_sanitized, partial_input)"
                + " VALUES (?, 1, 'HAR', ?, 'capture.har', ?, 1, 1, ?, FALSE, 4, 0, 0, 0, 0, FALSE, ?)")) {
            e.setLong(1, id);
            e.setString(2, status);
            e.setString(3, reason);
            e.setObject(4, AT);
            e.setBoolean(5, partial);
            e.executeUpdate();
        }
    }

    /** {@code reason} and {@code partial_reason} of an evidence row. */
    private static List<String> row(Connection c, long id) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT reason, partial_reason FROM evidence WHERE id = ?")) {
            q.setLong(1, id);
            try (ResultSet rs = q.executeQuery()) {
                assertThat(rs.next()).isTrue();
                List<String> values = new ArrayList<>();
                values.add(rs.getString(1));
                values.add(rs.getString(2));
                return values;
            }
        }
    }
}
