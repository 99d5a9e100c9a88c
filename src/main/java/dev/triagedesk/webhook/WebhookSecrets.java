package dev.triagedesk.webhook;

import dev.triagedesk.evidence.redact.RedactionKey;
import dev.triagedesk.system.TriageProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Endpoint secrets: made at random, shown once, and stored sealed (AES-256-GCM) under a key file in the data folder
 * ({@code webhook.key}, made on first use), so a copy of the database alone signs nothing. Several instances
 * ({@code triage.cluster=true}) each have a data folder of their own, so there the key is derived from the redaction
 * key they share instead: a secret registered through one instance is unsealed by whichever sends the delivery.
 */
@Component
class WebhookSecrets {

    static final String KEY_FILE = "webhook.key";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path keyFile;
    private volatile SecretKeySpec key;

    WebhookSecrets(TriageProperties properties, RedactionKey redactionKey, Environment environment) {
        this.keyFile = properties.dataDir().resolve(KEY_FILE);
        if (environment.getProperty("triage.cluster", Boolean.class, false)) {
            this.key = new SecretKeySpec(redactionKey.derive("triage-desk webhook secrets v1"), "AES");
        }
    }

    /** A new secret, {@code whsec_} and 32 random bytes in Base64 (as the Standard Webhooks convention writes them). */
    String newSecret() {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        return "whsec_" + Base64.getEncoder().encodeToString(raw);
    }

    String seal(String secret) {
        try {
            byte[] iv = new byte[12];
            RANDOM.nextBytes(iv);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(128, iv));
            byte[] sealed = c.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv)
                    .put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    String unseal(String sealed) {
        try {
            byte[] all = Base64.getDecoder().decode(sealed);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(128, all, 0, 12));
            return new String(c.doFinal(all, 12, all.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the webhook secret cannot be unsealed (was " + KEY_FILE + " replaced?)", e);
        }
    }

    private SecretKeySpec key() {
        SecretKeySpec k = key;
        if (k == null) {
            synchronized (this) {
                if (key == null) {
                    key = new SecretKeySpec(readOrMake(), "AES");
                }
                k = key;
            }
        }
        return k;
    }

    private byte[] readOrMake() {
        try {
            if (!Files.exists(keyFile)) {
                Files.createDirectories(keyFile.getParent());
                byte[] raw = new byte[32];
                RANDOM.nextBytes(raw);
                try {
                    Files.writeString(keyFile, Base64.getEncoder().encodeToString(raw), StandardOpenOption.CREATE_NEW);
                } catch (java.nio.file.FileAlreadyExistsException e) {
                    // another instance made it first: use theirs
                }
            }
            return Base64.getDecoder().decode(Files.readString(keyFile).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
