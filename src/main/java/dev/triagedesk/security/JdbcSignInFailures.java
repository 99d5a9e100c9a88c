package dev.triagedesk.security;

import dev.triagedesk.cluster.ClusterLock;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Failed sign-ins counted in the database ({@code sign_in_failure}), so every instance behind a load balancer sees
 * the same counts ({@code triage.cluster=true}); the throttle's rules are the same as with
 * {@link InMemorySignInFailures}. Keys are stored as their SHA-256: the table names no account or address.
 */
@Component
@ConditionalOnProperty(name = "triage.cluster", havingValue = "true")
class JdbcSignInFailures implements SignInFailures {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ClusterLock lock;

    JdbcSignInFailures(JdbcTemplate jdbc, Clock clock, ClusterLock lock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.lock = lock;
    }

    @Override
    public Count get(String key) {
        List<Count> counts = jdbc.query("SELECT failures, last_at FROM sign_in_failure WHERE key_hash = ? AND last_at > ?",
                (rs, i) -> new Count(rs.getInt(1), rs.getTimestamp(2).toInstant()), hash(key),
                Timestamp.from(forgottenBefore()));
        return counts.isEmpty() ? null : counts.get(0);
    }

    @Override
    public void add(String key, Instant at) {
        String hash = hash(key);
        Timestamp when = Timestamp.from(at);
        // a count older than the throttle's memory starts again at one, as the in-memory one is forgotten
        String update = "UPDATE sign_in_failure SET failures = CASE WHEN last_at > ? THEN failures + 1 ELSE 1 END,"
                + " last_at = CASE WHEN last_at > ? THEN last_at ELSE ? END WHERE key_hash = ?";
        Timestamp forgotten = Timestamp.from(forgottenBefore());
        if (jdbc.update(update, forgotten, when, when, hash) == 1) {
            return;
        }
        try {
            jdbc.update("INSERT INTO sign_in_failure (key_hash, failures, last_at) VALUES (?, 1, ?)", hash, when);
        } catch (DuplicateKeyException e) {
            // another instance counted the first failure meanwhile
            jdbc.update(update, forgotten, when, when, hash);
        }
    }

    @Override
    public void clear(String key) {
        jdbc.update("DELETE FROM sign_in_failure WHERE key_hash = ?", hash(key));
    }

    @Override
    public void clearAll() {
        jdbc.update("DELETE FROM sign_in_failure");
    }

    /** Forgotten counts go once an hour, by one instance. */
    @Scheduled(initialDelayString = "PT1H", fixedDelayString = "PT1H")
    void forgetOld() {
        lock.runExclusively("sign-in-failures", Duration.ofMinutes(10), () -> jdbc.update(
                "DELETE FROM sign_in_failure WHERE last_at <= ?", Timestamp.from(forgottenBefore())));
    }

    private Instant forgottenBefore() {
        return clock.instant().minus(SignInThrottle.MEMORY);
    }

    private static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
