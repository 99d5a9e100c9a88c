package dev.triagedesk.evidence.redact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triagedesk.evidence.Secrets;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class LeftoverScanTests {

    @Test
    void findsEachShapeThatMustNeverLeave() {
        assertThat(LeftoverScan.check("{\"k\":\"" + Secrets.openAiKey(1) + "\"}")).extracting(LeftoverScan.Finding::shape)
                .containsExactly("api key (sk-...)");
        assertThat(LeftoverScan.check("x " + Secrets.jwt("a") + " y")).extracting(LeftoverScan.Finding::shape)
                .containsExactly("JWT");
        assertThat(LeftoverScan.check("Authorization: Bearer abcDEF123456ghi")).extracting(LeftoverScan.Finding::shape)
                .containsExactly("Bearer credential");
        assertThat(LeftoverScan.check("cookie: sessionid=a8f7d6s5a4s3d2f1")).extracting(LeftoverScan.Finding::shape)
                .containsExactly("session cookie");
        assertThat(LeftoverScan.check("\"https://bob:pw@example.com/\"")).extracting(LeftoverScan.Finding::shape)
                .containsExactly("URL user-info");
        assertThat(LeftoverScan.check("-----BEGIN PRIVATE KEY-----\nabc")).hasSize(1);
        assertThat(LeftoverScan.check("key=AIzaFakeFakeFakeFakeFakeFakeFakeFake123")).extracting(LeftoverScan.Finding::shape)
                .containsExactly("Google API key");
    }

    @Test
    void gluedToAWordOnlyARealJwtHeaderMakesAJwt() {
        // the free-text scan leaves "eyJ" after a letter alone: an identifier of a script is not a JWT here either
        assertThat(LeftoverScan.check("return t.monkeyJSONParser.prototype.parse(x)")).isEmpty();
        assertThat(LeftoverScan.check("a_eyJSONParserCache.prototypes.get")).isEmpty();
        // a real one glued to a word still is (the copy is refused, never handed on with it)
        assertThat(LeftoverScan.check("valuex" + Secrets.jwt("a"))).extracting(LeftoverScan.Finding::shape)
                .containsExactly("JWT");
        // after digits, a percent escape or a boundary the shape alone decides, as the free-text scan's does
        assertThat(LeftoverScan.check("12eyJSONParserABC.prototype.parse")).hasSize(1);
        assertThat(LeftoverScan.check("%22eyJSONParserABC.prototype.parse")).hasSize(1);
        assertThat(LeftoverScan.check(" eyJSONParserABC.prototype.parse")).hasSize(1);
    }

    @Test
    void markersAndOrdinaryTextPass() {
        String clean = "Bearer [REDACTED:bearer:0a1b2c3d] session=[REDACTED:cookie:0a1b2c3d] "
                + "https://REDACTED-userinfo-0a1b2c3d@example.com/ task-management-system-1234567890123 "
                + "eyJhbGciOi is not a JWT without dots; the bearer authentication failed";
        assertThat(LeftoverScan.check(clean)).isEmpty();
    }

    @Test
    void aSecretSplitAcrossWritesAndTheScanWindowIsStillFound() throws IOException {
        LeftoverScan scan = new LeftoverScan();
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        byte[] filler = "x".repeat(64 * 1024 - 7).getBytes(StandardCharsets.US_ASCII);
        byte[] jwt = (" " + Secrets.jwt("split") + " ").getBytes(StandardCharsets.US_ASCII);
        try (OutputStream out = scan.wrap(sink)) {
            out.write(filler);
            for (byte b : jwt) {
                out.write(b); // byte by byte across the window edge
            }
        }
        assertThat(scan.findings()).extracting(LeftoverScan.Finding::shape).containsExactly("JWT");
        assertThat(scan.findings().get(0).offset()).isEqualTo(filler.length + 1);
        assertThat(sink.size()).isEqualTo(filler.length + jwt.length);
    }

    /**
     * Each shape is found once, at its own offset, wherever it falls against the scan's window (its edges, the overlap
     * kept from one window to the next) and however the writes are cut; "Bearer" is recognised from the byte after
     * its first, so it tests the look one byte back too.
     */
    @Test
    void eachShapeIsFoundOnceAtItsOffsetWhereverItFallsAgainstTheWindow() throws IOException {
        String[] shapes = {"Bearer abcDEF123456ghiJKL", Secrets.openAiKey(2), Secrets.jwt("edge"),
            "sessionid=a8f7d6s5a4s3d2f1", "https://bob:pw@example.com/"};
        int window = 64 * 1024;
        int overlap = 4096;
        java.util.SplittableRandom random = new java.util.SplittableRandom(5);
        for (String shape : shapes) {
            for (int edge : new int[] {window - overlap, window, 2 * window - 2 * overlap, 2 * window - overlap}) {
                for (int off = edge - shape.length() - 2; off <= edge + 2; off++) {
                    String before = "x ".repeat(off / 2 + 1).substring(0, off - 1) + " ";
                    byte[] text = (before + shape + " " + "x ".repeat(overlap)).getBytes(StandardCharsets.US_ASCII);
                    LeftoverScan scan = new LeftoverScan();
                    try (OutputStream out = scan.wrap(OutputStream.nullOutputStream())) {
                        for (int at = 0; at < text.length; ) {
                            int n = Math.min(text.length - at, 1 + random.nextInt(9000));
                            out.write(text, at, n);
                            at += n;
                        }
                    }
                    assertThat(scan.count()).as("%s at %d", shape, off).isEqualTo(1);
                    // a URL's user-info is reported where its "://" is
                    int reported = off + Math.max(0, shape.indexOf("://"));
                    assertThat(scan.findings().get(0).offset()).as("%s at %d", shape, off).isEqualTo(reported);
                }
            }
        }
    }

    /**
     * The three ways of finding the needles (a pass looking at each byte for C1 alone, one looking each byte pair up
     * for C2, {@code String.indexOf}) find
     * the same shapes at the same offsets, in the same order, on random texts dense with needles, shapes and their
     * near misses, written in random pieces across the scan's windows; and each run of this JVM uses the way its
     * compiler favours.
     */
    @Test
    void bothWaysOfFindingTheNeedlesFindTheSame() throws IOException {
        String[] pieces = {"sk-", "sk-proj-abcdefghijklmnopqrstuvwxyz012345", "eyJ", Secrets.jwt("both"), "eyJhbGciOi.x",
            "Bearer abcDEF123456ghi", "earer", "BEARER ", "session", "sessionid=a8f7d6s5a4s3d2f1", "SESSION=", "sid=",
            "SID", "Sid=q1w2e3r4t5y6u7i8", "://", "https://bob:pw@example.com/", "-----BEGIN ",
            "-----BEGIN PRIVATE KEY-----", "AIza", "AIzaFakeFakeFakeFakeFakeFakeFakeFake123", " ", "x", "\n", "\"",
            "é", "=", ":", "-", "e", "s", "A", "S", "E"};
        java.util.SplittableRandom random = new java.util.SplittableRandom(20261207);
        long shapes = 0;
        for (int i = 0; i < 300; i++) {
            StringBuilder text = new StringBuilder();
            int length = i % 10 == 0 ? 70_000 + random.nextInt(80_000) : random.nextInt(3_000);
            while (text.length() < length) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            LeftoverScan byPair = new LeftoverScan(() -> "here", LeftoverScan.Needles.BY_PAIR, true);
            LeftoverScan bytewise = new LeftoverScan(() -> "here", LeftoverScan.Needles.BY_FIRST_BYTE, true);
            LeftoverScan searched = new LeftoverScan(() -> "here", LeftoverScan.Needles.BY_INDEX_OF, true);
            for (LeftoverScan scan : new LeftoverScan[] {byPair, bytewise, searched}) {
                try (OutputStream out = scan.wrap(OutputStream.nullOutputStream())) {
                    for (int at = 0; at < bytes.length; ) {
                        int n = Math.min(bytes.length - at, 1 + random.nextInt(20_000));
                        out.write(bytes, at, n);
                        at += n;
                    }
                }
            }
            assertThat(bytewise.count()).as("text %d", i).isEqualTo(searched.count());
            assertThat(bytewise.findings()).as("text %d", i).isEqualTo(searched.findings());
            assertThat(byPair.count()).as("text %d", i).isEqualTo(searched.count());
            assertThat(byPair.findings()).as("text %d", i).isEqualTo(searched.findings());
            shapes += searched.count();
        }
        assertThat(shapes).isGreaterThan(10_000);
        assertThat(LeftoverScan.C1_ONLY).isEqualTo(java.lang.management.ManagementFactory.getRuntimeMXBean()
                .getInputArguments().contains("-XX:TieredStopAtLevel=1"));
    }

    /**
     * Passing over "sk-" glued to a word and "sid" inside one ({@code obsidian}, {@code task-1}) before looking at
     * them records what looking at every place a needle finds records: the same shapes at the same offsets, in the
     * same order, both ways of finding the needles, on random texts made of such words, the shapes they resemble
     * and what can stand before them (letters, digits, '_', '-', '%', bytes beyond ASCII), across the windows.
     */
    @Test
    void passingOverPlacesInsideWordsRecordsWhatLookingAtEveryPlaceRecords() throws IOException {
        String[] pieces = {"obsidian", "inside", "task-", "sk-", "sid", "SID", "Sid", "side", "sId",
            "sk-abcdefghijklmnopqrstuvwxyz0123", "sk-proj-AbCdEfGh1234IjKlMnOp5678", "sid=a8f7d6s5a4s3d2f1",
            "SID=q1w2e3r4t5y6u7i8", "Sid.x=abcdefgh1", "sidx=[REDACTED]", "session=abcdefgh12", "a", "Z", "7", "_",
            "-", "%", ".", " ", "\n", "\"", "=", "é", "ª", "µ", "À"};
        java.util.SplittableRandom random = new java.util.SplittableRandom(12);
        long shapes = 0;
        for (int i = 0; i < 400; i++) {
            StringBuilder text = new StringBuilder();
            int length = i % 10 == 0 ? 70_000 + random.nextInt(80_000) : random.nextInt(3_000);
            while (text.length() < length) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            byte[] bytes = text.toString().getBytes(i % 2 == 0 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
            LeftoverScan reference = new LeftoverScan(() -> "here", LeftoverScan.Needles.BY_INDEX_OF, false);
            LeftoverScan[] passing = {new LeftoverScan(() -> "here", LeftoverScan.Needles.BY_INDEX_OF, true),
                new LeftoverScan(() -> "here", LeftoverScan.Needles.BY_FIRST_BYTE, true),
                new LeftoverScan(() -> "here", LeftoverScan.Needles.BY_PAIR, true)};
            List<LeftoverScan> all = new java.util.ArrayList<>(List.of(passing));
            all.add(reference);
            int[] cuts = random.ints(8, 0, bytes.length + 1).sorted().toArray();
            for (LeftoverScan scan : all) {
                try (OutputStream out = scan.wrap(OutputStream.nullOutputStream())) {
                    int at = 0;
                    for (int cut : cuts) {
                        out.write(bytes, at, cut - at);
                        at = cut;
                    }
                    out.write(bytes, at, bytes.length - at);
                }
            }
            for (LeftoverScan scan : passing) {
                assertThat(scan.count()).as("text %d", i).isEqualTo(reference.count());
                assertThat(scan.findings()).as("text %d", i).isEqualTo(reference.findings());
            }
            shapes += reference.count();
        }
        assertThat(shapes).isGreaterThan(10_000);
    }
}
