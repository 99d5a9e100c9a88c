package dev.triagedesk.system;

import dev.triagedesk.evidence.EvidenceEngine;
import dev.triagedesk.evidence.redact.RedactionKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The evidence engine as a bean, keyed like the command line (same key file, same fingerprints). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TriageProperties.class)
class EngineConfiguration {

    @Bean
    EvidenceEngine evidenceEngine(RedactionKey redactionKey) {
        return EvidenceEngine.withDefaults(redactionKey);
    }

    /** The key itself, for what derives a key of its own from it (the sealed sessions of several instances). */
    @Bean("redactionKey")
    RedactionKey theRedactionKey(TriageProperties properties, Environment environment) {
        return redactionKey(properties, environment);
    }

    /**
     * The key given ({@code TRIAGE_REDACTION_KEY}), read from a file ({@code TRIAGE_REDACTION_KEY_FILE}, e.g. a
     * mounted secret), or made in the data folder on first use. Several instances (shared evidence storage or
     * {@code triage.cluster=true}) must share one key, or the same secret gets a fingerprint per instance: each would
     * make its own in its own data folder, so start-up refuses instead.
     */
    static RedactionKey redactionKey(TriageProperties properties, Environment environment) {
        if (!properties.redactionKey().isBlank()) {
            return RedactionKey.of(properties.redactionKey());
        }
        String keyFile = environment.getProperty("triage.redaction-key-file", "");
        if (!keyFile.isBlank()) {
            try {
                return RedactionKey.of(Files.readString(Path.of(keyFile)).strip());
            } catch (IOException e) {
                throw new UncheckedIOException("triage.redaction-key-file (TRIAGE_REDACTION_KEY_FILE) cannot be read",
                        e);
            }
        }
        boolean cluster = environment.getProperty("triage.cluster", Boolean.class, false);
        boolean sharedStorage = "s3".equals(environment.getProperty("triage.storage.type", "local")
                .toLowerCase(Locale.ROOT));
        if (cluster || sharedStorage) {
            throw new IllegalStateException("Several instances share this database or evidence store ("
                    + (cluster ? "triage.cluster=true" : "triage.storage.type=s3") + "), so they must share one"
                    + " redaction key: set TRIAGE_REDACTION_KEY (or TRIAGE_REDACTION_KEY_FILE) to the same secret on"
                    + " every instance. Without it each instance would make its own key, and the same secret would get"
                    + " a different fingerprint on each.");
        }
        return RedactionKey.fromFolder(properties.dataDir());
    }
}
