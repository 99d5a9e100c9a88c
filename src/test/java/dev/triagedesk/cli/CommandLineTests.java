package dev.triagedesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triagedesk.evidence.Corpus;
import dev.triagedesk.evidence.Engines;
import dev.triagedesk.evidence.EvidenceEngine;
import dev.triagedesk.evidence.HarBuilder;
import dev.triagedesk.evidence.Secrets;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class CommandLineTests {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        EvidenceEngine engine = EvidenceEngine.withDefaults(Engines.KEY);
        return new CommandLine(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                engine).dispatch(args);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void analyzeOneFilePrintsOneDocument() {
        assertThat(run("analyze", Corpus.har("user-masteralan360-asaas-chrome143-404-body.har").toString())).isZero();
        JsonNode doc = Engines.tree(stdout());
        assertThat(doc.isObject()).isTrue();
        assertThat(doc.path("kind").asString()).isEqualTo("har");
        assertThat(doc.path("failures").get(0).path("error").path("code").asString()).isEqualTo("PGRST202");
        assertThat(doc.path("failures").get(0).path("category").asString()).isEqualTo("check_resource");
        assertThat(doc.path("verdict").path("path").asString()).isEqualTo("unknown");
        assertThat(stderr()).isEmpty();
    }

    @Test
    void benchmarkPrintsTheFloorTheTwoTasksAgainstTheirTargetsAndTheCopyReference() {
        int code = run("benchmark", Corpus.har("user-masteralan360-asaas-chrome143-404-body.har").toString(), "1");
        // a file of a few kilobytes says nothing about speed: the exit code is either, the lines are what is checked
        assertThat(code).isIn(CommandLine.OK, CommandLine.FAILED);
        assertThat(stdout()).containsPattern("(?m)^floor \\(Jackson token scan\\) +[0-9.]+ s")
                .containsPattern("(?m)^analyze +[0-9.]+ s .*% of floor \\(target >= 85%\\) (PASS|FAIL)$")
                .containsPattern("(?m)^sanitize +[0-9.]+ s .*% of floor \\(target >= 50%\\) (PASS|FAIL)$")
                .containsPattern("(?m)^\\(copy, no redaction\\) +[0-9.]+ s .*% of floor \\(reference\\)$");
    }

    @Test
    void analyzeSeveralFilesPrintsAnArray() {
        assertThat(run("analyze", Corpus.har("httpolice-chrome49-xhr-400.har").toString(),
                Corpus.har("httpolice-firefox45-xhr2-405.har").toString())).isZero();
        JsonNode docs = Engines.tree(stdout());
        assertThat(docs.isArray()).isTrue();
        assertThat(docs.size()).isEqualTo(2);
        assertThat(docs.get(1).path("failures").get(0).path("status").asInt()).isEqualTo(405);
    }

    @Test
    void brokenJsonIsOneLineWithLineAndColumnAndExitTwo() {
        String broken = Corpus.har("user-austeane-qdrill-hand-edited-invalid.har").toString();
        assertThat(run("analyze", broken)).isEqualTo(2);
        assertThat(stderr().lines().toList()).hasSize(1);
        assertThat(stderr()).startsWith("triage-desk: broken JSON at line 756, column 10").doesNotContain("Exception", "\tat ");
        assertThat(stdout()).isEmpty();
    }

    @Test
    void lenientModeAnalyzesTheEntriesBeforeTheBreak() {
        assertThat(run("analyze", "--lenient", Corpus.har("user-austeane-qdrill-hand-edited-invalid.har").toString())).isZero();
        JsonNode doc = Engines.tree(stdout());
        assertThat(doc.path("partial").asBoolean()).isTrue();
        assertThat(doc.path("partialReason").asString()).contains("line 756, column 10");
    }

    @Test
    void unreadableInputIsOneClearLine() {
        assertThat(run("analyze", Corpus.har("user-Kay0n-dot2control-truncated-fragment.har").toString())).isEqualTo(2);
        assertThat(stderr()).contains("fragment cut from a HAR").doesNotContain("Exception");
        err.reset();
        assertThat(run("analyze", dir.resolve("nope.har").toString())).isEqualTo(2);
        assertThat(stderr()).isEqualTo("triage-desk: no such file: " + dir.resolve("nope.har") + System.lineSeparator());
        err.reset();
        assertThat(run("analyze")).isEqualTo(2);
        assertThat(stderr()).startsWith("triage-desk: analyze needs at least one FILE");
    }

    @Test
    void goodFilesAreStillPrintedWhenAnotherIsBad() {
        assertThat(run("analyze", Corpus.har("httpolice-chrome49-xhr-400.har").toString(),
                Corpus.har("user-Kay0n-dot2control-truncated-fragment.har").toString())).isEqualTo(2);
        assertThat(Engines.tree(stdout()).path("kind").asString()).isEqualTo("har");
        assertThat(stderr().lines().toList()).hasSize(1);
    }

    @Test
    void sanitizeWritesTheCopyAndReportsWhatWasRemoved() throws IOException {
        Path in = Corpus.har("user-gayHacker-chrome79-google-oauth-cookies.har");
        Path target = dir.resolve("clean.har");
        assertThat(run("sanitize", in.toString(), target.toString())).isZero();
        String report = stderr();
        assertThat(report).startsWith("sanitized " + in + ": 46 entries, ").contains(" secret value(s) redacted")
                .contains("cookie").contains("leftover check: passed");
        assertThat(Engines.entries(Files.readString(target))).hasSize(46);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("clean.har");
        }
    }

    @Test
    void sanitizeAZipOfSeveralNeedsAZipOut() throws IOException {
        Path zip = dir.resolve("two.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (String name : new String[] {"a.har", "b.har"}) {
                z.putNextEntry(new ZipEntry(name));
                z.write(new HarBuilder().entry("GET", "https://x.example/" + name, 500)
                        .requestHeader("authorization", "Bearer " + Secrets.jwt(name)).add().json().getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        assertThat(run("sanitize", zip.toString(), dir.resolve("out.har").toString())).isEqualTo(2);
        assertThat(stderr()).contains("holds 2 files: give an OUT ending in .zip");
        Path outZip = dir.resolve("out.zip");
        assertThat(run("sanitize", zip.toString(), outZip.toString())).isZero();
        try (ZipFile z = new ZipFile(outZip.toFile())) {
            assertThat(z.stream().map(ZipEntry::getName)).containsExactly("a.har", "b.har");
            String a = new String(z.getInputStream(z.getEntry("a.har")).readAllBytes(), StandardCharsets.UTF_8);
            assertThat(a).contains("Bearer [REDACTED:bearer:").doesNotContain(Secrets.jwt("a.har"));
        }
    }

    @Test
    void aRefusedCopyIsNeverWritten() {
        Path in = Engines.write(dir, "sneaky.har", new HarBuilder().entry(Secrets.jwt("m"), "https://a.example/", 200).add().json());
        Path target = dir.resolve("clean.har");
        assertThat(run("sanitize", in.toString(), target.toString())).isEqualTo(1);
        assertThat(stderr()).startsWith("triage-desk: refused to hand on the sanitized copy of " + in).contains("JWT at byte");
        assertThat(target).doesNotExist();
    }

    @Test
    void aRedactionKeyTooShortIsOneLineAndExitTwo() {
        int status = CommandLine.run(new String[] {"analyze", Corpus.har("httpolice-chrome49-xhr-400.har").toString()},
                java.util.Map.of("TRIAGE_REDACTION_KEY", "short"), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).isEqualTo(2);
        assertThat(stderr()).isEqualTo("triage-desk: TRIAGE_REDACTION_KEY: a redaction key needs at least 16 bytes"
                + System.lineSeparator());
        assertThat(stdout()).isEmpty();
    }
}
