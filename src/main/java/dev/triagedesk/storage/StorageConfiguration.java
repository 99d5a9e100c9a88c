package dev.triagedesk.storage;

import dev.triagedesk.storage.s3.S3EvidenceStorage;
import dev.triagedesk.system.TriageProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Chooses the evidence store from {@code triage.storage.type}: the local folder unless told otherwise. (The S3
 * store's client is closed with the context: Spring infers its {@code close} method.)
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StorageProperties.class)
class StorageConfiguration {

    @Bean
    EvidenceStorage evidenceStorage(StorageProperties storage, TriageProperties triage) {
        return switch (storage.type()) {
            case LOCAL -> new LocalEvidenceStorage(triage);
            case S3 -> S3EvidenceStorage.connect(storage.s3());
        };
    }
}
