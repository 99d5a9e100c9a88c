package dev.triagedesk.evidence.redact;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Short keyed fingerprints of secrets. A plain hash of a short secret (a PIN, a short ID) can be brute-forced;
 * an HMAC whose key stays with the server cannot, yet the same token still gets the same fingerprint everywhere
 * it appears. Not thread-safe: one per document.
 */
public final class Fingerprinter {

    private static final int HEX_CHARS = 8;
    private final Mac mac;

    public Fingerprinter(RedactionKey key) {
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.bytes(), "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    public String of(String secret) {
        byte[] digest = mac.doFinal(secret.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, HEX_CHARS / 2);
    }
}
