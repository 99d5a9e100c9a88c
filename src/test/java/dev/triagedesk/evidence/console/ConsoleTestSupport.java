package dev.triagedesk.evidence.console;

import dev.triagedesk.evidence.redact.RedactionKey;
import dev.triagedesk.evidence.redact.Redactor;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;

/** Shared test plumbing: a redactor, the analysis as the CLI prints it, and secret shapes to hunt for. */
final class ConsoleTestSupport {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * Secret shapes looked for in test inputs, independently of the redactor's own rules, so a secret the
     * redactor misses shows up as a failure instead of passing silently.
     */
    private static final Pattern SECRET = Pattern.compile("eyJ[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{7,}\\.[A-Za-z0-9_-]*"
            + "|sk-[A-Za-z0-9_-]{20,}|AIza[A-Za-z0-9_-]{35}|gh[pousr]_[A-Za-z0-9]{30,}"
            + "|(?i:bearer)\\s+[A-Za-z0-9._~+/=-]{16,}");

    private ConsoleTestSupport() {
    }

    static Redactor redactor() {
        return new Redactor(RedactionKey.of("console-tests-key-0123456789"));
    }

    static ConsoleAnalysis analyze(Path file) {
        try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return new ConsoleAnalyzer(redactor()).analyze(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ConsoleAnalysis analyze(String text) {
        return new ConsoleAnalyzer(redactor()).analyze(new StringReader(text));
    }

    static String sanitize(String text) {
        StringWriter out = new StringWriter();
        new ConsoleSanitizer(redactor()).sanitize(new StringReader(text), out);
        return out.toString();
    }

    static String json(ConsoleAnalysis analysis) {
        return JSON.writeValueAsString(analysis);
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path fixture(String name) {
        Path p = Path.of("src", "test", "resources", "console", name);
        if (!Files.isRegularFile(p)) {
            throw new IllegalStateException("fixture missing: " + p.toAbsolutePath());
        }
        return p;
    }

    /** The secret-shaped strings in a text. */
    static Set<String> secretsIn(String text) {
        Set<String> found = new LinkedHashSet<>();
        Matcher m = SECRET.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    /** Lines as BufferedReader counts them, counted from the bytes rather than by the code under test. */
    static int lineCount(Path file) {
        try {
            byte[] b = Files.readAllBytes(file);
            int n = 0;
            for (int i = 0; i < b.length; i++) {
                if (b[i] == '\n' || b[i] == '\r' && (i + 1 == b.length || b[i + 1] != '\n')) {
                    n++;
                }
            }
            if (b.length > 0 && b[b.length - 1] != '\n' && b[b.length - 1] != '\r') {
                n++;
            }
            return n;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
