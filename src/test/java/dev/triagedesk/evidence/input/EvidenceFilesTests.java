package dev.triagedesk.evidence.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.triagedesk.evidence.Corpus;
import dev.triagedesk.evidence.Engines;
import dev.triagedesk.evidence.EvidenceException;
import dev.triagedesk.evidence.HarBuilder;
import dev.triagedesk.evidence.har.HarReadMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvidenceFilesTests {

    @TempDir
    Path dir;

    private final String har = new HarBuilder().entry("GET", "https://a.example/x", 404).add().json();

    @Test
    void byteOrderMarksAndUtf16AreAccepted() throws IOException {
        Path bom = dir.resolve("bom.har");
        Files.write(bom, concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, har.getBytes(StandardCharsets.UTF_8)));
        assertThat(Engines.analyze(bom).failures()).hasSize(1);
        Path utf16 = dir.resolve("utf16.har");
        Files.write(utf16, har.getBytes(StandardCharsets.UTF_16));
        assertThat(Engines.analyze(utf16).failures()).hasSize(1);
        assertThat(Engines.analyze(Corpus.har("httpolice-edge-f12-http2bin-500-bom.har")).failures()).hasSize(1);
    }

    @Test
    void jsonpWrappedHarFromFirebugNetExport() throws IOException {
        Path jsonp = Files.writeString(dir.resolve("x.har"), "onInputData(" + har + ");");
        EvidenceDocument doc = Engines.single(jsonp);
        assertThat(doc.format()).isEqualTo(EvidenceFormat.HAR_JSONP);
        assertThat(Engines.analyze(jsonp).failures()).hasSize(1);
    }

    @Test
    void gzipAndZipArchives() throws IOException {
        Path gz = dir.resolve("capture.har.gz");
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(gz))) {
            o.write(har.getBytes(StandardCharsets.UTF_8));
        }
        EvidenceDocument doc = Engines.single(gz);
        assertThat(doc.name()).isEqualTo("capture.har");
        assertThat(doc.packaging()).isEqualTo("gzip");
        assertThat(Engines.analyze(gz).failures()).hasSize(1);

        Path zip = dir.resolve("bundle.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            put(z, "first.har", har.getBytes(StandardCharsets.UTF_8));
            put(z, "dir/second.har", Files.readAllBytes(Corpus.har("httpolice-chrome49-xhr-400.har")));
            put(z, "notes.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0});
            put(z, "inner.zip", new byte[] {'P', 'K', 3, 4});
            put(z, "__MACOSX/._first.har", new byte[] {0, 5, 22, 7});
        }
        EvidenceFiles.Opened opened = Engines.engine().open(zip, "bundle.zip");
        assertThat(opened.documents()).extracting(EvidenceDocument::name)
                .containsExactly("bundle.zip!/first.har", "bundle.zip!/dir/second.har");
        assertThat(opened.rejected()).extracting(EvidenceFiles.Rejection::name, EvidenceFiles.Rejection::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("bundle.zip!/notes.png", "bundle.zip!/notes.png: a PNG image, not a HAR or a console log"),
                        org.assertj.core.groups.Tuple.tuple("bundle.zip!/inner.zip", "archives inside archives are not opened: add it separately"));
        assertThat(Engines.engine().analyzeHar(opened.documents().get(1), HarReadMode.STRICT, 10).failures()).hasSize(1);
    }

    @Test
    void decompressionBombsAreRefused() throws IOException {
        Path bomb = dir.resolve("bomb.zip");
        byte[] zeros = new byte[1 << 20];
        java.util.Arrays.fill(zeros, (byte) 'a'); // text, so the head sniffs as a HAR; compresses ~1000:1
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(bomb))) {
            z.putNextEntry(new ZipEntry("huge.har"));
            z.write("{\"log\":{\"comment\":\"".getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < 64; i++) {
                z.write(zeros);
            }
            z.closeEntry();
        }
        assertThat(Files.size(bomb)).isLessThan(200_000);
        InputLimits limits = new InputLimits(1L << 30, 200, 16L << 20, 10);
        EvidenceFiles files = new EvidenceFiles(limits, head -> false);
        EvidenceDocument doc = files.open(bomb, "bomb.zip").documents().get(0);
        assertThatThrownBy(() -> {
            try (InputStream in = doc.open()) {
                in.transferTo(OutputStream.nullOutputStream());
            }
        }).isInstanceOf(EvidenceException.class).hasMessageContaining("decompression bomb");
        EvidenceFiles tight = new EvidenceFiles(new InputLimits(10L << 20, 100_000, 1L << 40, 10), head -> false);
        EvidenceDocument capped = tight.open(bomb, "bomb.zip").documents().get(0);
        assertThatThrownBy(() -> {
            try (InputStream in = capped.open()) {
                in.transferTo(OutputStream.nullOutputStream());
            }
        }).isInstanceOf(EvidenceException.class).hasMessageContaining("more than 10 MB");
    }

    @Test
    void whatIsNotEvidenceIsRejectedWithTheReason() throws IOException {
        assertThatThrownBy(() -> Engines.single(Files.write(dir.resolve("shot.har"), new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0, 1})))
                .isInstanceOf(EvidenceException.class).hasMessage("shot.har: a JPEG image, not a HAR or a console log");
        assertThatThrownBy(() -> Engines.single(Files.write(dir.resolve("empty.har"), new byte[0])))
                .hasMessage("empty.har: the file is empty");
        assertThatThrownBy(() -> Engines.single(Files.writeString(dir.resolve("list.har"), "[{\"a\":1}]")))
                .hasMessageContaining("a JSON array, not a HAR");
        Path notHar = Files.writeString(dir.resolve("other.json"), "{\"name\":\"package\",\"version\":\"1.0\"}");
        assertThatThrownBy(() -> Engines.analyze(notHar)).hasMessage("not a HAR: the JSON has no \"log\" object");
        Path noEntries = Files.writeString(dir.resolve("log.har"), "{\"log\":{\"version\":\"1.2\"}}");
        assertThatThrownBy(() -> Engines.analyze(noEntries)).hasMessage("not a HAR: the \"log\" object has no \"entries\" array");
        assertThatThrownBy(() -> Engines.sanitize(noEntries, true)).hasMessage("not a HAR: the \"log\" object has no \"entries\" array");
        Path objectEntries = Files.writeString(dir.resolve("obj.har"), "{\"log\":{\"entries\":{}}}");
        assertThatThrownBy(() -> Engines.analyze(objectEntries)).hasMessage("not a HAR: \"log.entries\" is an object, not an array");
        Path emptyEntries = Files.writeString(dir.resolve("none.har"), "{\"log\":{\"entries\":[]}}");
        assertThat(Engines.analyze(emptyEntries).summary().entryCount()).as("a HAR without entries is still a HAR").isZero();
        assertThatThrownBy(() -> Engines.engine().open(dir.resolve("missing.har"), "missing.har")).hasMessage("no such file: missing.har");
    }

    private static void put(ZipOutputStream z, String name, byte[] content) throws IOException {
        z.putNextEntry(new ZipEntry(name));
        z.write(content);
        z.closeEntry();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
