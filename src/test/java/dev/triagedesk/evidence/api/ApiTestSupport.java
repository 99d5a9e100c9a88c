package dev.triagedesk.evidence.api;

import dev.triagedesk.evidence.redact.RedactionKey;
import dev.triagedesk.evidence.redact.Redactor;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.json.JsonMapper;

/** Shared test plumbing: a redactor, the samples, the analysis as the command line prints it. */
final class ApiTestSupport {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private ApiTestSupport() {
    }

    static Redactor redactor() {
        return new Redactor(RedactionKey.of("api-tests-key-0123456789abcdef"));
    }

    static ApiLogAnalysis analyze(Path file) {
        try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return new ApiLogAnalyzer(redactor()).analyze(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ApiLogAnalysis analyze(String text) {
        return new ApiLogAnalyzer(redactor()).analyze(new StringReader(text));
    }

    static String sanitize(String text) {
        StringWriter out = new StringWriter();
        new ApiLogSanitizer(redactor()).sanitize(new StringReader(text), out);
        return out.toString();
    }

    static String json(ApiLogAnalysis analysis) {
        return JSON.writeValueAsString(analysis);
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A sample under src/test/resources/api-evidence ({@code real/…} or {@code generated/…}). */
    static Path sample(String name) {
        Path p = Path.of("src", "test", "resources", "api-evidence", name);
        if (!Files.isRegularFile(p)) {
            throw new IllegalStateException("sample missing: " + p.toAbsolutePath());
        }
        return p;
    }
}
