package dev.triagedesk.evidence.redact;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The server-side key of the fingerprint HMAC. It comes from configuration or from a key file created once in the
 * data folder (readable by the owner only), so fingerprints stay stable across runs and between the command line
 * and the web app on one machine.
 */
public final class RedactionKey {

    public static final String FILE_NAME = "redaction.key";
    private static final int KEY_BYTES = 32;

    private final byte[] bytes;

    private RedactionKey(byte[] bytes) {
        if (bytes.length < 16) {
            throw new IllegalArgumentException("a redaction key needs at least 16 bytes");
        }
        this.bytes = bytes.clone();
    }

    /** A key given as text (for example the {@code TRIAGE_REDACTION_KEY} environment variable). */
    public static RedactionKey of(String secret) {
        return new RedactionKey(secret.getBytes(StandardCharsets.UTF_8));
    }

    public static RedactionKey random() {
        byte[] b = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(b);
        return new RedactionKey(b);
    }

    /** Reads the key file in {@code folder}, creating it with a fresh random key the first time. */
    public static RedactionKey fromFolder(Path folder) {
        Path file = folder.resolve(FILE_NAME);
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(folder);
                byte[] fresh = new byte[KEY_BYTES];
                new SecureRandom().nextBytes(fresh);
                try {
                    Files.writeString(file, HexFormat.of().formatHex(fresh) + "\n", StandardOpenOption.CREATE_NEW);
                    restrictToOwner(file);
                } catch (FileAlreadyExistsException raced) {
                    // another process created it first: use theirs
                }
            }
            String hex = Files.readString(file).trim();
            return new RedactionKey(HexFormat.of().parseHex(hex));
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot read or create the redaction key file " + file + ": "
                    + e.getMessage(), e);
        }
    }

    private static void restrictToOwner(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException ignored) {
            // not a POSIX file system: the folder's own permissions apply
        }
    }

    byte[] bytes() {
        return bytes.clone();
    }

    /**
     * A key for another use, derived from this one (HMAC-SHA256 of {@code purpose}): 32 bytes that every instance
     * sharing this key derives alike, and that tell nothing of it or of fingerprints.
     */
    public byte[] derive(String purpose) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(bytes, "HmacSHA256"));
            return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RedactionKey k && Arrays.equals(bytes, k.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "RedactionKey[hidden]";
    }
}
