package dev.triagedesk.system;

import dev.triagedesk.evidence.EvidenceEngine;
import dev.triagedesk.evidence.redact.RedactionKey;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The evidence engine as a bean, keyed like the command line (same key file, same fingerprints). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TriageProperties.class)
class EngineConfiguration {

    @Bean
    EvidenceEngine evidenceEngine(TriageProperties properties) {
        RedactionKey key = properties.redactionKey().isBlank()
                ? RedactionKey.fromFolder(properties.dataDir())
                : RedactionKey.of(properties.redactionKey());
        return EvidenceEngine.withDefaults(key);
    }
}
