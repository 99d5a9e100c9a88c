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
 * Tickets stored before conversation IDs were indexed bare, as V4 left them: the rows hold what the old code made
 * of each typed URL. After migrating, each is found by its bare ID. The same scenario runs on H2 and PostgreSQL.
 */
final class ConversationIdRepair {

    static final String A = "6915a9bc-afa8-8327-9a1b-0123456789ab";
    static final String B = "11111111-2222-4333-8444-555555555555";
    static final String C = "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee";
    static final String D = "0badc0de-0000-4000-8000-000000000001";
    static final String E = "0badc0de-0000-4000-8000-000000000002";
    private static final OffsetDateTime AT = OffsetDateTime.of(2026, 1, 7, 10, 0, 0, 0, ZoneOffset.UTC);

    private ConversationIdRepair() {
    }

    /** Migrates to V4 (with {@code flywayTo}, a Flyway for a target version) and stores tickets with conversation IDs as the code before the fix indexed them. */
    static void storeAsBefore(Function<String, Flyway> flywayTo, Connection c) throws SQLException {
        flywayTo.apply("4").migrate();
        ticket(c, 1, "https://chatgpt.com/c/" + A + "?model=gpt-5");
        typed(c, 1, A + "?model=gpt-5");
        ticket(c, 2, "https://chatgpt.com/c/" + B + "#message-4");
        typed(c, 2, B + "#message-4");
        // the old code took what followed the last slash, also inside the query
        ticket(c, 3, "https://chatgpt.com/c/" + C + "/?ref=a/b");
        typed(c, 3, "b");
        // already bare: typed, and found in a HAR; a reported request ID is not a conversation and stays as it is
        ticket(c, 4, "https://chatgpt.com/c/" + D);
        typed(c, 4, D);
        try (PreparedStatement e = c.prepareStatement("INSERT INTO evidence (id, ticket_id, kind, status, file_name,"
                + " stored_size, received_size, added_at, added_after_submit, entry_count, failure_count,"
                + " stream_error_count, signal_count, secrets_removed, already_sanitized, partial_input)"
                + " VALUES (40, 4, 'HAR', 'ANALYZED', 'capture.har', 1, 1, ?, FALSE, 1, 0, 0, 0, 0, FALSE, FALSE)")) {
            e.setObject(1, AT);
            e.executeUpdate();
        }
        identifier(c, 4, 40L, "conversation", E);
        identifier(c, 4, null, "reported", "req_abc?x=1");
        // an address with no path left an empty ID
        ticket(c, 5, "https://chatgpt.com//");
        typed(c, 5, "");
    }

    /** Migrates to the latest version. */
    static void migrate(Function<String, Flyway> flywayTo) {
        flywayTo.apply("latest").migrate();
    }

    /** Every ticket is found by its bare ID, in the column the queue's search probes; the URLs are as given. */
    static void assertRepaired(Connection c) throws SQLException {
        assertThat(found(c, A)).containsExactly(1L);
        assertThat(found(c, B)).containsExactly(2L);
        assertThat(found(c, C)).containsExactly(3L);
        assertThat(found(c, D)).containsExactly(4L);
        assertThat(found(c, E)).containsExactly(4L);
        assertThat(found(c, "req_abc?x=1")).containsExactly(4L);
        assertThat(strings(c, "SELECT id_value FROM request_identifier WHERE ticket_id = 1")).containsExactly(A);
        assertThat(strings(c, "SELECT id_value FROM request_identifier WHERE name = 'conversation' ORDER BY id"))
                .containsExactly(A, B, C, D, E);
        assertThat(strings(c, "SELECT id_value FROM request_identifier WHERE ticket_id = 5")).isEmpty();
        assertThat(strings(c, "SELECT id_value FROM request_identifier WHERE lookup LIKE '%?%' OR lookup LIKE '%#%'"
                + " OR lookup = 'b'")).containsExactly("req_abc?x=1");
        assertThat(strings(c, "SELECT conversation_url FROM ticket WHERE id = 1"))
                .containsExactly("https://chatgpt.com/c/" + A + "?model=gpt-5");
    }

    private static void ticket(Connection c, long id, String conversationUrl) throws SQLException {
        try (PreparedStatement t = c.prepareStatement("INSERT INTO ticket (id, reference, reporter_token_hash,"
                + " created_at, updated_at, submitted_at, status, step_reached, product, conversation_url, version)"
                + " VALUES (?, ?, ?, ?, ?, ?, 'NEW', 5, 'CHATGPT_WEB', ?, 0)")) {
            t.setLong(1, id);
            t.setString(2, String.format("TD-2026-%06d", id));
            t.setString(3, "hash-" + id);
            t.setObject(4, AT);
            t.setObject(5, AT);
            t.setObject(6, AT);
            t.setString(7, conversationUrl);
            t.executeUpdate();
        }
    }

    private static void typed(Connection c, long ticket, String value) throws SQLException {
        identifier(c, ticket, null, "conversation", value);
    }

    private static void identifier(Connection c, long ticket, Long evidence, String name, String value)
            throws SQLException {
        try (PreparedStatement i = c.prepareStatement("INSERT INTO request_identifier (ticket_id, evidence_id, name,"
                + " id_value, lookup) VALUES (?, ?, ?, ?, ?)")) {
            i.setLong(1, ticket);
            i.setObject(2, evidence, java.sql.Types.BIGINT);
            i.setString(3, name);
            i.setString(4, value);
            i.setString(5, value.toLowerCase(java.util.Locale.ROOT));
            i.executeUpdate();
        }
    }

    /** The tickets the queue's identifier search finds for a search text: the same probe on {@code lookup}. */
    private static List<Long> found(Connection c, String search) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement(
                "SELECT DISTINCT ticket_id FROM request_identifier WHERE lookup = ? ORDER BY ticket_id")) {
            q.setString(1, search.toLowerCase(java.util.Locale.ROOT));
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    private static List<String> strings(Connection c, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement(sql); ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
