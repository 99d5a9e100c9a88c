package dev.triagedesk.evidence.redact;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Short keyed fingerprints of secrets. A plain hash of a short secret (a PIN, a short ID) can be brute-forced;
 * an HMAC whose key stays with the server cannot, yet the same token still gets the same fingerprint everywhere
 * it appears. Not thread-safe: one per document.
 *
 * <p>HMAC-SHA256 (RFC 2104) with the keyed inner and outer digest states computed once: {@code javax.crypto.Mac}
 * hashes the padded key again for every message, a third of the work for a cookie-sized secret, and a large HAR
 * has hundreds of thousands of them. A capture repeats the same session cookie in every request, so fingerprints
 * are also remembered, direct-mapped by the secret's hash: a one-off secret takes a slot and leaves, where in a map
 * it made every later lookup slower.
 */
public final class Fingerprinter {

    private static final int HEX_CHARS = 8;
    private static final int BLOCK = 64;
    private static final int REMEMBERED = 1 << 12;

    private final MessageDigest inner;
    private final MessageDigest outer;
    private final String[] rememberedSecrets = new String[REMEMBERED];
    private final String[] rememberedFingerprints = new String[REMEMBERED];
    private final int[] rememberedHashes = new int[REMEMBERED];

    public Fingerprinter(RedactionKey key) {
        try {
            byte[] k = key.bytes();
            if (k.length > BLOCK) {
                k = MessageDigest.getInstance("SHA-256").digest(k);
            }
            byte[] ipad = new byte[BLOCK];
            byte[] opad = new byte[BLOCK];
            for (int i = 0; i < BLOCK; i++) {
                byte b = i < k.length ? k[i] : 0;
                ipad[i] = (byte) (b ^ 0x36);
                opad[i] = (byte) (b ^ 0x5c);
            }
            inner = MessageDigest.getInstance("SHA-256");
            inner.update(ipad);
            outer = MessageDigest.getInstance("SHA-256");
            outer.update(opad);
            inner.clone(); // fail here, not on the first secret, if this JVM's digest cannot be cloned
        } catch (NoSuchAlgorithmException | CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    public String of(String secret) {
        int hash = secret.hashCode();
        int slot = (hash ^ hash >>> 16) & (REMEMBERED - 1);
        String known = rememberedSecrets[slot];
        if (rememberedHashes[slot] == hash && known != null && known.equals(secret)) {
            return rememberedFingerprints[slot];
        }
        String fingerprint = HexFormat.of().formatHex(hmac(secret.getBytes(StandardCharsets.UTF_8)), 0, HEX_CHARS / 2);
        rememberedSecrets[slot] = secret;
        rememberedFingerprints[slot] = fingerprint;
        rememberedHashes[slot] = hash;
        return fingerprint;
    }

    /** HMAC-SHA256 of {@code message} under this fingerprinter's key. */
    byte[] hmac(byte[] message) {
        try {
            MessageDigest in = (MessageDigest) inner.clone();
            byte[] innerHash = in.digest(message);
            MessageDigest out = (MessageDigest) outer.clone();
            return out.digest(innerHash);
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }
}
