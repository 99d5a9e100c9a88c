package dev.triagedesk.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.triagedesk.evidence.redact.RedactionKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

/** One redaction key for every instance: several instances refuse to start without one given. */
class EngineConfigurationTests {

    @TempDir
    Path dataDir;

    private TriageProperties properties(String key) {
        return new TriageProperties(dataDir, new TriageProperties.Upload(null, 50, null), 2000, key);
    }

    @Test
    void oneInstanceMakesItsKeyInTheDataFolder() {
        assertThat(EngineConfiguration.redactionKey(properties(""), new MockEnvironment())).isNotNull();
        assertThat(dataDir.resolve(RedactionKey.FILE_NAME)).exists();
    }

    @Test
    void sharedStorageOrClusterWithoutAKeyRefusesToStartSayingWhy() {
        for (MockEnvironment env : new MockEnvironment[] {new MockEnvironment().withProperty("triage.cluster", "true"),
                new MockEnvironment().withProperty("triage.storage.type", "s3")}) {
            assertThatThrownBy(() -> EngineConfiguration.redactionKey(properties(""), env))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("TRIAGE_REDACTION_KEY")
                    .hasMessageContaining("different fingerprint");
        }
        assertThat(dataDir.resolve(RedactionKey.FILE_NAME)).doesNotExist();
    }

    @Test
    void aKeyGivenOrInAFileIsUsedBySeveralInstances() throws IOException {
        MockEnvironment cluster = new MockEnvironment().withProperty("triage.cluster", "true");
        assertThat(EngineConfiguration.redactionKey(properties("shared-secret-of-the-test"), cluster)).isNotNull();
        Path file = Files.writeString(dataDir.resolve("key-file"), "shared-secret-of-the-test\n");
        cluster.setProperty("triage.redaction-key-file", file.toString());
        assertThat(EngineConfiguration.redactionKey(properties(""), cluster)).isNotNull();
        assertThat(dataDir.resolve(RedactionKey.FILE_NAME)).doesNotExist();
    }
}
