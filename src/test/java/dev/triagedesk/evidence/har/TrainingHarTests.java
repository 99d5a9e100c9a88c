package dev.triagedesk.evidence.har;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triagedesk.evidence.Engines;
import dev.triagedesk.evidence.Failure;
import dev.triagedesk.evidence.HarAnalysis;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HAR the server warms the engine up with takes the paths an upload does: its failures are found, its event
 * stream's error too, and every credential it carries is redacted (the leftover scan would refuse the copy else).
 */
class TrainingHarTests {

    /** What the training HAR plants as credentials: session cookies, bearer tokens, a password, query and body tokens. */
    private static final Pattern PLANTED = Pattern.compile("session-token=([A-Za-z0-9]{40})|Bearer (eyJ[A-Za-z0-9.]+)"
            + "|\\\\\"password\\\\\":\\\\\"([A-Za-z0-9]{16})|&token=([A-Za-z0-9]{24})|access_token\\\\\":\\\\\"([A-Za-z0-9]{32})"
            + "|__cf_bm=([A-Za-z0-9]{43})");

    @TempDir
    Path dir;

    @Test
    void itsFailuresAreFoundAndItsCredentialsRedacted() throws Exception {
        Path har = dir.resolve("training.har");
        TrainingHar.write(har, 20, 2048, 7);
        HarAnalysis a = Engines.analyze(har);
        assertThat(a.summary().entryCount()).isEqualTo(20L * TrainingHar.KINDS);
        List<Integer> statuses = a.failures().stream().map(Failure::status).distinct().sorted().toList();
        assertThat(statuses).containsExactly(0, 429, 500);
        assertThat(a.failures()).hasSize(20 * 3);
        assertThat(a.streamErrors()).hasSize(20);

        String raw = Files.readString(har);
        Matcher m = PLANTED.matcher(raw);
        int planted = 0;
        String copy = Engines.sanitize(har, true);
        while (m.find()) {
            for (int g = 1; g <= m.groupCount(); g++) {
                if (m.group(g) != null) {
                    planted++;
                    assertThat(copy).doesNotContain(m.group(g));
                }
            }
        }
        // per entry a session cookie and a bearer token, per response a __cf_bm cookie (the network failure has none),
        // per round a password, a query token and an access token
        assertThat(planted).isEqualTo(20 * (TrainingHar.KINDS * 2 + TrainingHar.KINDS - 1 + 3));
    }

    @Test
    void theSameSeedWritesTheSameFile() throws Exception {
        TrainingHar.write(dir.resolve("a.har"), 3, 1024, 11);
        TrainingHar.write(dir.resolve("b.har"), 3, 1024, 11);
        TrainingHar.write(dir.resolve("c.har"), 3, 1024, 12);
        assertThat(Files.mismatch(dir.resolve("a.har"), dir.resolve("b.har"))).isEqualTo(-1L);
        assertThat(Files.mismatch(dir.resolve("a.har"), dir.resolve("c.har"))).isNotEqualTo(-1L);
    }
}
