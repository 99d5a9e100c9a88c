package dev.triagedesk.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.Arrays;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;

/**
 * Tickets stored before V21 were found by the words of their text only: after migrating, also by what their
 * evidence holds (host, path, status, error code, request IDs, a ray without its suffix) and by compounds of their
 * text. A draft stays out of the index. The same scenario runs on H2 and PostgreSQL.
 */
final class EvidenceWordsReindex {

    private static final OffsetDateTime AT = OffsetDateTime.of(2026, 1, 7, 10, 0, 0, 0, ZoneOffset.UTC);

    private EvidenceWordsReindex() {
    }

    /** Migrates to the last version before V21 and stores two submitted tickets with evidence, and a draft. */
    static void storeAsBefore(Function<String, Flyway> flywayTo, Connection c) throws SQLException {
        MigrationVersion v21 = MigrationVersion.fromVersion("21");
        MigrationVersion before = Arrays.stream(flywayTo.apply("latest").info().all()).map(MigrationInfo::getVersion)
                .filter(v -> v.compareTo(v21) < 0).max(MigrationVersion::compareTo).orElseThrow();
        flywayTo.apply(before.getVersion()).migrate();
        ticket(c, 1, "TD-2026-000001", "Saving fails with insufficient_quota", true);
        ticket(c, 2, "TD-2026-000002", "Profiles are empty", true);
        ticket(c, 3, null, "A draft", false);
        evidence(c, 10, 1);
        evidence(c, 20, 2);
        evidence(c, 30, 3);
        failure(c, 100, 1, 10, "https://api.openai.com/v1/chat/completions?key=x", 429, "insufficient_quota",
                "insufficient_quota");
        failure(c, 200, 2, 20, "https://db.supabase.co/rest/v1/rpc/list_profiles", 500, "42P17", null);
        failure(c, 300, 3, 30, "https://draft.example.com/x", 500, "draft_code", null);
        try (Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO console_finding (ticket_id, evidence_id, line_number, level, message, url,"
                    + " status, net_error) VALUES (2, 20, 3, 'error', '{\"error\":{\"code\":\"model_cap_exceeded\"}}',"
                    + " 'https://chatgpt.com/backend-api/conversation', 502, 'net::ERR_CONNECTION_RESET')");
            s.executeUpdate("INSERT INTO request_identifier (ticket_id, evidence_id, failing_request_id, name, id_value,"
                    + " lookup) VALUES (2, 20, 200, 'cf-ray', '8f2b1c3d4e5f6789-FRA', '8f2b1c3d4e5f6789-fra')");
            s.executeUpdate("INSERT INTO request_identifier (ticket_id, name, id_value, lookup) VALUES"
                    + " (1, 'reported', 'req_0123456789abcdef', 'req_0123456789abcdef')");
            s.executeUpdate("INSERT INTO ticket_word (ticket_id, word) VALUES (1, 'saving'), (1, 'fails'),"
                    + " (1, 'with'), (1, 'insufficient'), (1, 'quota'), (2, 'profiles'), (2, 'are'), (2, 'empty')");
        }
    }

    static void migrate(Function<String, Flyway> flywayTo) {
        flywayTo.apply("latest").migrate();
    }

    static void assertIndexed(Connection c) throws SQLException {
        assertThat(words(c, 1)).contains("saving", "insufficient", "insufficient_quota", "api.openai.com",
                "openai.com", "v1/chat/completions", "completions", "429", "req_0123456789abcdef")
                .doesNotContain("key");
        assertThat(words(c, 2)).contains("profiles", "db.supabase.co", "supabase.co", "rest/v1/rpc/list_profiles",
                "list_profiles", "42p17", "500", "chatgpt.com", "backend-api/conversation", "backend-api", "502",
                "err_connection_reset", "model_cap_exceeded", "8f2b1c3d4e5f6789", "8f2b1c3d4e5f6789-fra");
        assertThat(words(c, 3)).isEmpty();
    }

    private static void ticket(Connection c, long id, String reference, String description, boolean submitted)
            throws SQLException {
        try (PreparedStatement t = c.prepareStatement("INSERT INTO ticket (id, reference, reporter_token_hash,"
                + " created_at, updated_at, submitted_at, status, step_reached, product, description, version)"
                + " VALUES (?, ?, ?, ?, ?, ?, 'NEW', 5, 'CHATGPT_WEB', ?, 0)")) {
            t.setLong(1, id);
            t.setString(2, reference);
            t.setString(3, "hash-" + id);
            t.setObject(4, AT);
            t.setObject(5, AT);
            t.setObject(6, submitted ? AT : null);
            t.setString(7, description);
            t.executeUpdate();
        }
    }

    private static void evidence(Connection c, long id, long ticket) throws SQLException {
        try (PreparedStatement e = c.prepareStatement("INSERT INTO evidence (id, ticket_id, kind, status, file_name,"
                + " stored_size, received_size, added_at, added_after_submit, entry_count, failure_count,"
                + " stream_error_count, signal_count, secrets_removed, already_sanitized, partial_input)"
                + " VALUES (?, ?, 'HAR', 'ANALYZED', 'capture.har', 1, 1, ?, FALSE, 1, 1, 0, 0, 0, FALSE, FALSE)")) {
            e.setLong(1, id);
            e.setLong(2, ticket);
            e.setObject(3, AT);
            e.executeUpdate();
        }
    }

    private static void failure(Connection c, long id, long ticket, long evidence, String url, int status, String code,
                                String type) throws SQLException {
        try (PreparedStatement f = c.prepareStatement("INSERT INTO failing_request (id, ticket_id, evidence_id,"
                + " entry_index, stream_error, method, url, status, error_code, error_type)"
                + " VALUES (?, ?, ?, 0, FALSE, 'POST', ?, ?, ?, ?)")) {
            f.setLong(1, id);
            f.setLong(2, ticket);
            f.setLong(3, evidence);
            f.setString(4, url);
            f.setInt(5, status);
            f.setString(6, code);
            f.setString(7, type);
            f.executeUpdate();
        }
    }

    private static List<String> words(Connection c, long ticket) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT word FROM ticket_word WHERE ticket_id = ?")) {
            q.setLong(1, ticket);
            try (ResultSet rs = q.executeQuery()) {
                List<String> words = new ArrayList<>();
                while (rs.next()) {
                    words.add(rs.getString(1));
                }
                return words;
            }
        }
    }
}
