package dev.triagedesk.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The setup code shared by instances on one database, stored as its SHA-256 only (one row, {@code setup_code}): the
 * first instance to start claims it with its own code and prints that; the others accept it. A claim older than
 * {@link #EXPIRES} (a cluster stopped before anyone used its code) gives way to a new one.
 */
final class SharedSetupCode {

    static final Duration EXPIRES = Duration.ofDays(1);

    private final JdbcTemplate jdbc;

    SharedSetupCode(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores this code unless a recent one is stored; true when this code is now the shared one. */
    boolean claim(String code, Instant now) {
        jdbc.update("DELETE FROM setup_code WHERE created_at < ?", Timestamp.from(now.minus(EXPIRES)));
        try {
            return jdbc.update("INSERT INTO setup_code (id, code_hash, created_at) VALUES (1, ?, ?)", hash(code),
                    Timestamp.from(now)) == 1;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /** Whether the code given is the one stored (compared in constant time). */
    boolean matches(String given) {
        List<String> stored = jdbc.queryForList("SELECT code_hash FROM setup_code WHERE id = 1", String.class);
        return !stored.isEmpty() && MessageDigest.isEqual(stored.get(0).getBytes(StandardCharsets.US_ASCII),
                hash(given).getBytes(StandardCharsets.US_ASCII));
    }

    static String hash(String code) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(code.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
