package dev.triagedesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triagedesk.evidence.EvidenceEngine;
import dev.triagedesk.evidence.redact.RedactionKey;
import dev.triagedesk.storage.TemporaryFiles;
import dev.triagedesk.system.TriageProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server's engine warm-up reads its made-up HAR at least once and leaves nothing in the temporary folder. */
class EngineWarmUpTests {

    @TempDir
    Path dataDir;

    @Test
    void readsTheTrainingHarAndCleansUp() throws Exception {
        TriageProperties properties = new TriageProperties(dataDir, new TriageProperties.Upload(null, 50, null), 2000,
                "");
        EngineWarmUp warmUp = new EngineWarmUp(EvidenceEngine.withDefaults(RedactionKey.of("warm-up-test-key-0123")),
                new TemporaryFiles(properties));
        assertThat(warmUp.run(1)).isEqualTo(1);
        try (Stream<Path> left = Files.list(dataDir.resolve("tmp"))) {
            assertThat(left).isEmpty();
        }
    }
}
