package dev.triagedesk.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;

/**
 * API tokens stored before V26, when disabling an account left its tokens unrevoked (and enabling it again brought
 * them back): after migrating, the tokens of disabled accounts are revoked, those of enabled accounts untouched.
 * The same scenario runs on H2 and PostgreSQL.
 */
final class TokensOfDisabledAccounts {

    private static final OffsetDateTime AT = OffsetDateTime.of(2026, 1, 7, 10, 0, 0, 0, ZoneOffset.UTC);

    private TokensOfDisabledAccounts() {
    }

    /** Migrates to the last version before V26 and stores an enabled and a disabled account with tokens. */
    static void storeAsBefore(Function<String, Flyway> flywayTo, Connection c) throws SQLException {
        String before = Arrays.stream(flywayTo.apply("latest").info().all()).map(MigrationInfo::getVersion)
                .filter(v -> v.compareTo(MigrationVersion.fromVersion("26")) < 0).max(Comparator.naturalOrder()).orElseThrow().getVersion();
        flywayTo.apply(before).migrate();
        account(c, 1, "active", true);
        account(c, 2, "gone", false);
        token(c, 10, 1, false);
        token(c, 11, 1, true);
        token(c, 20, 2, false);
        token(c, 21, 2, true);
    }

    static void migrate(Function<String, Flyway> flywayTo) {
        flywayTo.apply("latest").migrate();
    }

    static void assertRevoked(Connection c) throws SQLException {
        Map<Long, Boolean> revoked = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT id, revoked FROM api_token ORDER BY id");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                revoked.put(r.getLong(1), r.getBoolean(2));
            }
        }
        assertThat(revoked).containsExactly(Map.entry(10L, false), Map.entry(11L, true), Map.entry(20L, true),
                Map.entry(21L, true));
    }

    private static void account(Connection c, long id, String name, boolean enabled) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO staff_user (id, username, password_hash, role,"
                + " enabled, created_at, version) VALUES (?, ?, 'hash', 'AGENT', ?, ?, 0)")) {
            s.setLong(1, id);
            s.setString(2, name);
            s.setBoolean(3, enabled);
            s.setObject(4, AT);
            s.executeUpdate();
        }
    }

    private static void token(Connection c, long id, long user, boolean revoked) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO api_token (id, user_id, name, token_hash, created_at,"
                + " revoked) VALUES (?, ?, 'script', ?, ?, ?)")) {
            s.setLong(1, id);
            s.setLong(2, user);
            s.setString(3, "hash-" + id);
            s.setObject(4, AT);
            s.setBoolean(5, revoked);
            s.executeUpdate();
        }
    }
}
