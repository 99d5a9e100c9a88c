package dev.triagedesk.report;

import dev.triagedesk.ticket.Upload;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@code Idempotency-Key} of {@code POST /api/reports}: the key a client sends with a report, remembered with
 * the ticket it made, so that sending the same request again (its answer was lost: a timeout, a crash) returns
 * that ticket instead of making a second one.
 *
 * <p>Only a SHA-256 of the key is stored, with a SHA-256 of the request (the report part and every file part's
 * name and content) and the token of the reporter's link sealed (AES-GCM) under a key derived from the idempotency
 * key: the retry gets the same link, a copy of the database opens nothing. The row is written first in the
 * transaction that creates the ticket, so a concurrent duplicate waits on it and, when the first is still running
 * after the lock timeout (2 s on H2 and PostgreSQL alike), is told to retry; a crash leaves both or neither.
 */
@Component
public class IdempotencyKeys {

    /** Shortest and longest key taken: long enough not to be guessed (a UUID is 36 characters). */
    public static final int MIN_LENGTH = 16;
    public static final int MAX_LENGTH = 255;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A key as sent, with the hash of the request it came with. */
    public record Key(String value, String requestHash) {

        String lookup() {
            return hex(sha256("lookup\0" + value));
        }
    }

    /** What a key was stored with. */
    record Stored(String requestHash, Long ticketId, String sealedToken) {
    }

    /** The key came with another request than the one it was first used for. */
    public static class KeyReusedException extends RuntimeException {
        KeyReusedException() {
            super("This Idempotency-Key was used for a different request.");
        }
    }

    /** The first request with this key has not finished yet. */
    public static class KeyInUseException extends RuntimeException {
        KeyInUseException() {
            super("A request with this Idempotency-Key is still being processed.");
        }
    }

    private final JdbcTemplate jdbc;

    IdempotencyKeys(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** True for a key that may be used: {@value #MIN_LENGTH} to {@value #MAX_LENGTH} visible ASCII characters. */
    public static boolean acceptable(String key) {
        return key != null && key.length() >= MIN_LENGTH && key.length() <= MAX_LENGTH
                && key.chars().allMatch(c -> c > 0x20 && c < 0x7f);
    }

    /** The key of a request: its report part and its uploads (in the order sent) make its hash. */
    public static Key of(String key, String report, List<Upload> uploads) {
        MessageDigest request = digest();
        update(request, "report");
        update(request, report);
        byte[] buffer = new byte[64 * 1024];
        for (Upload upload : uploads) {
            update(request, upload.declared().name());
            update(request, upload.originalName());
            MessageDigest content = digest();
            try (InputStream in = Files.newInputStream(upload.file())) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    content.update(buffer, 0, n);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            update(request, hex(content.digest()));
        }
        return new Key(key, hex(request.digest()));
    }

    /** Takes the key for a request about to make a ticket, in its transaction; waits while another holds it. */
    void claim(Key key, Instant now) {
        jdbc.update("INSERT INTO idempotency_key (key_hash, request_hash, created_at) VALUES (?, ?, ?)", key.lookup(),
                key.requestHash(), Timestamp.from(now));
    }

    /** Names the ticket the claimed key made, and keeps its reporter token sealed. */
    void complete(Key key, long ticketId, String token) {
        jdbc.update("UPDATE idempotency_key SET ticket_id = ?, sealed_token = ? WHERE key_hash = ?", ticketId,
                seal(key.value(), token), key.lookup());
    }

    Optional<Stored> find(Key key) {
        return jdbc.query("SELECT request_hash, ticket_id, sealed_token FROM idempotency_key WHERE key_hash = ?",
                rs -> rs.next() ? Optional.of(new Stored(rs.getString(1), (Long) rs.getObject(2, Long.class),
                        rs.getString(3))) : Optional.empty(), key.lookup());
    }

    static String seal(String key, String token) {
        try {
            byte[] iv = new byte[12];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, sealingKey(key), new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(token.getBytes(StandardCharsets.UTF_8));
            byte[] out = Arrays.copyOf(iv, iv.length + sealed.length);
            System.arraycopy(sealed, 0, out, iv.length, sealed.length);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String unseal(String key, String sealed) {
        try {
            byte[] in = Base64.getUrlDecoder().decode(sealed);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, sealingKey(key), new GCMParameterSpec(128, in, 0, 12));
            return new String(cipher.doFinal(in, 12, in.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SecretKeySpec sealingKey(String key) {
        return new SecretKeySpec(sha256("seal\0" + key), "AES");
    }

    private static void update(MessageDigest digest, String s) {
        digest.update((s == null ? "" : s).getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
    }

    private static byte[] sha256(String s) {
        return digest().digest(s.getBytes(StandardCharsets.UTF_8));
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
