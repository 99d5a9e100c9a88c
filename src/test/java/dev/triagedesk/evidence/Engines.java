package dev.triagedesk.evidence;

import dev.triagedesk.evidence.har.HarReadMode;
import dev.triagedesk.evidence.input.EvidenceDocument;
import dev.triagedesk.evidence.input.EvidenceFiles;
import dev.triagedesk.evidence.redact.RedactionKey;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Test shortcuts around {@link EvidenceEngine}. */
public final class Engines {

    public static final RedactionKey KEY = RedactionKey.of("engine-test-key-0123456789");
    public static final JsonMapper JSON = JsonMapper.builder().build();

    private Engines() {
    }

    public static EvidenceEngine engine() {
        return EvidenceEngine.withDefaults(KEY);
    }

    public static EvidenceDocument single(Path file) {
        EvidenceFiles.Opened opened = engine().open(file, file.getFileName().toString());
        if (opened.documents().size() != 1) {
            throw new IllegalStateException("expected one document in " + file + ": " + opened);
        }
        return opened.documents().get(0);
    }

    public static Path write(Path dir, String name, String content) {
        try {
            return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static HarAnalysis analyze(Path file) {
        return engine().analyzeHar(single(file), HarReadMode.STRICT, 100_000);
    }

    public static HarAnalysis analyze(Path dir, String har) {
        return analyze(write(dir, "t.har", har));
    }

    /** Sanitizes and returns the output as text. */
    public static String sanitize(Path file, boolean lenient) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        engine().sanitizeHar(single(file), () -> {
            out.reset();
            return out;
        }, dev.triagedesk.evidence.har.HarFindings.NONE, HarReadMode.lenientIf(lenient));
        return out.toString(StandardCharsets.UTF_8);
    }

    public static JsonNode tree(String json) {
        return JSON.readTree(json);
    }

    public static List<JsonNode> entries(String harJson) {
        JsonNode entries = tree(harJson).path("log").path("entries");
        return java.util.stream.StreamSupport.stream(entries.spliterator(), false).toList();
    }
}
