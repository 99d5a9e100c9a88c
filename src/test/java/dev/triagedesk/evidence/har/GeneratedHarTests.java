package dev.triagedesk.evidence.har;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triagedesk.evidence.Corpus;
import dev.triagedesk.evidence.Engines;
import dev.triagedesk.evidence.Failure;
import dev.triagedesk.evidence.HarAnalysis;
import dev.triagedesk.evidence.RequestId;
import dev.triagedesk.evidence.SignalType;
import dev.triagedesk.evidence.StreamError;
import dev.triagedesk.evidence.TriagePath;
import dev.triagedesk.support.RequiredTool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A realistic ChatGPT/OpenAI HAR from ../shared/tools/makehar.py, checked against the generator's oracle: the
 * failing entries, the stream errors, the request IDs of each, and every planted secret gone after sanitizing.
 */
class GeneratedHarTests {

    @TempDir
    static Path dir;
    static Path har;
    static JsonNode oracle;

    @BeforeAll
    static void generate() throws Exception {
        RequiredTool.require(RequiredTool.commandWorks("python3", "--version"), "python3 is needed to run makehar.py");
        Path tool = Corpus.dir().resolveSibling("tools").resolve("makehar.py");
        har = dir.resolve("generated.har");
        Path oracleFile = dir.resolve("generated.oracle.json");
        Process p = new ProcessBuilder("python3", tool.toString(), "--size-mb", "6", "--seed", "11", "--asset-kb", "64",
                "--out", har.toString(), "--oracle", oracleFile.toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        oracle = Engines.tree(Files.readString(oracleFile));
    }

    @Test
    void findsExactlyTheFailingEntriesAndStreamErrorsTheOracleLists() {
        HarAnalysis a = Engines.engine().analyzeHar(Engines.single(har), HarReadMode.STRICT, 1_000_000);
        assertThat(a.summary().entryCount()).isEqualTo(oracle.path("entryCount").asLong());
        assertThat(a.failures()).extracting(Failure::entry).containsExactlyElementsOf(ints(oracle.path("failing")));
        assertThat(a.streamErrors()).extracting(StreamError::entry).containsExactlyElementsOf(ints(oracle.path("streamErrors")));
        assertThat(a.omitted()).isZero();
        for (Failure f : a.failures()) {
            assertIdsFound(f.entry(), f.requestIds());
        }
        for (StreamError e : a.streamErrors()) {
            assertIdsFound(e.entry(), e.requestIds());
        }
        assertThat(a.signals()).extracting(s -> s.type()).contains(SignalType.BLOCKED_BY_CLIENT, SignalType.TLS_INTERCEPTION,
                SignalType.DNS_FAILURE, SignalType.CLOUDFLARE_CHALLENGE, SignalType.RATE_LIMIT_EXHAUSTED,
                SignalType.QUOTA_EXHAUSTED);
        assertThat(a.summary().verdict().path()).isNotEqualTo(TriagePath.UNKNOWN);
        String json = Engines.JSON.writeValueAsString(a);
        for (JsonNode secret : oracle.path("secrets")) {
            assertThat(json).doesNotContain(secret.asString());
        }
    }

    @Test
    void sanitizingLeavesNoneOfThePlantedSecrets() throws IOException {
        Path out = dir.resolve("generated.sanitized.har");
        Engines.engine().sanitizeHar(Engines.single(har), () -> Files.newOutputStream(out), HarFindings.NONE, HarReadMode.STRICT);
        String text = Files.readString(out);
        List<String> survivors = new ArrayList<>();
        for (JsonNode secret : oracle.path("secrets")) {
            if (text.contains(secret.asString())) {
                survivors.add(secret.asString().substring(0, 12) + "…");
            }
        }
        assertThat(oracle.path("secrets").size()).isGreaterThan(100);
        assertThat(survivors).as("planted secrets left after sanitizing").isEmpty();
        assertThat(Engines.entries(text)).hasSize(oracle.path("entryCount").asInt());
        for (JsonNode id : oracle.path("requestIds")) {
            assertThat(text).as("request IDs stay for support").contains(id.asString());
        }
    }

    private static void assertIdsFound(int entry, List<RequestId> found) {
        Set<String> values = new HashSet<>();
        found.forEach(r -> values.add(r.value()));
        for (JsonNode id : oracle.path("idsByEntry").path(String.valueOf(entry))) {
            assertThat(values).as("request IDs of entry %d", entry).contains(id.asString());
        }
    }

    private static List<Integer> ints(JsonNode array) {
        List<Integer> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asInt()));
        return out;
    }
}
