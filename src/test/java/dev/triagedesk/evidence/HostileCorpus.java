package dev.triagedesk.evidence;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Hostile uploads: what an attacker sends, and what a crashing browser, a cut-short download or an odd archiver
 * leaves. The small ones are files in {@code src/test/resources/hostile}; the large and the binary ones are written
 * here, into a folder of the caller's. Each is one upload: a file, the name it is sent under, and the part (the
 * form's input, the API's part) it is sent as.
 */
public final class HostileCorpus {

    /** One hostile upload. {@code refusedAsAWhole}: the request cannot be taken apart (see the README). */
    public record Upload(String label, String fileName, Path file, String part, boolean refusedAsAWhole) {

        public byte[] bytes() {
            try {
                return Files.readAllBytes(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static final Path FIXTURES = Path.of("src", "test", "resources", "hostile");

    private HostileCorpus() {
    }

    /** A small, valid HAR with one failing request: the good attachment sent beside each hostile one. */
    public static String goodHar() {
        return new HarBuilder().entry("POST", "https://chatgpt.com/backend-api/conversation", 500)
                .body("application/json", "{\"detail\":\"Something went wrong\"}").add().json();
    }

    /** Every hostile upload, the generated ones written to {@code dir}. */
    public static List<Upload> all(Path dir) throws IOException {
        List<Upload> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(FIXTURES)) {
            for (Path f : files.sorted().toList()) {
                String name = f.getFileName().toString();
                String part = name.endsWith(".log") || name.endsWith(".txt") ? "console"
                        : name.endsWith(".png") || name.endsWith(".jpg") ? "screenshot" : "har";
                all.add(new Upload(name, name, f, part, false));
            }
        }
        all.addAll(generated(dir));
        all.addAll(names(dir));
        return all;
    }

    private static List<Upload> generated(Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Upload> all = new ArrayList<>();
        String head = "{\"log\":{\"version\":\"1.2\",\"creator\":{\"name\":\"t\",\"version\":\"1\"},\"entries\":[";
        String good = goodHar();
        String entry = good.substring(good.indexOf("\"entries\":[") + 11, good.lastIndexOf("]}}"));

        all.add(har(dir, "nesting-600.har", head + entry + ",{\"x\":" + "[".repeat(600) + "]".repeat(600) + "}]}}"));
        all.add(har(dir, "nesting-499-in-an-entry.har",
                head + entry + ",{\"x\":" + "[".repeat(497) + "]".repeat(497) + "}]}}"));
        all.add(har(dir, "number-5000-digits.har", head + entry + ",{\"time\":" + "7".repeat(5000) + "}]}}"));
        all.add(har(dir, "field-name-100000.har", head + entry + ",{\"" + "n".repeat(100_000) + "\":1}]}}"));
        all.add(har(dir, "url-100000.har", head + entry + "," + entry.replace("https://chatgpt.com/backend-api/conversation",
                "https://chatgpt.com/" + "u".repeat(100_000)) + "]}}"));
        all.add(har(dir, "started-date-time-5000.har", head + entry.replaceFirst("\"startedDateTime\":\"[^\"]*\"",
                "\"startedDateTime\":\"2026-05-04T10:00:00." + "0".repeat(5000) + "Z\"") + "]}}"));
        all.add(har(dir, "nul-in-strings.har", head + entry.replace("Something went wrong", "Something\\u0000went"
                + " wrong").replace("backend-api/conversation", "backend-api/conversation%00\\u0000") + "]}}"));
        all.add(har(dir, "lone-surrogates.har", head + entry.replace("Something went wrong", "\\ud800 \\udfff")
                + "]}}"));

        Path longString = dir.resolve("string-over-100m.har");
        if (!Files.exists(longString)) {
            try (BufferedWriter w = Files.newBufferedWriter(longString, StandardCharsets.US_ASCII)) {
                w.write(head + entry + "," + entry.substring(0, entry.indexOf("Something")));
                String chunk = "b".repeat(1 << 20);
                for (int i = 0; i < 96; i++) {
                    w.write(chunk);
                }
                w.write(entry.substring(entry.indexOf("Something")) + "]}}");
            }
        }
        all.add(new Upload("string-over-100m.har", "string-over-100m.har", longString, "har", false));

        byte[] goodGz = gzip(good.getBytes(StandardCharsets.UTF_8));
        all.add(write(dir, "cut-short.har.gz", java.util.Arrays.copyOf(goodGz, goodGz.length / 2), "har"));
        all.add(write(dir, "gzip-header-only.gz", new byte[] {0x1f, (byte) 0x8b, 8}, "har"));
        byte[] damaged = goodGz.clone();
        for (int i = 12; i < damaged.length - 8; i += 7) {
            damaged[i] ^= 0x5a;
        }
        all.add(write(dir, "damaged.har.gz", damaged, "har"));
        all.add(write(dir, "bomb.har.gz", gzip(new byte[40 << 20]), "har"));

        all.add(zip(dir, "long-folder-path.zip", List.of("a-folder-with-a-long-name/".repeat(40) + "capture.har"),
                good));
        all.add(zip(dir, "member-names-with-controls.zip", List.of("cap\u0000ture.har", "line\nbreak.har",
                "\u202Erah.exe.har", "../../../../etc/passwd.har", "/absolute.har"), good));
        all.add(zip(dir, "member-name-65000.zip", List.of("m".repeat(65_000) + ".har"), good));
        all.add(zip(dir, "nested-archives.zip", List.of("inner.zip", "inner.har.gz", "capture.har"), good));
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            many.add("c" + i + ".log");
        }
        all.add(zip(dir, "1001-members.zip", many, "12:00:00 GET https://chatgpt.com/ 500\n"));
        all.add(zip(dir, "only-folders.zip", List.of(), good));
        byte[] zipped = Files.readAllBytes(dir.resolve("long-folder-path.zip"));
        all.add(write(dir, "zip-cut-short.zip", java.util.Arrays.copyOf(zipped, zipped.length / 2), "har"));
        byte[] zipGarbage = new byte[4096];
        new java.util.Random(7).nextBytes(zipGarbage);
        zipGarbage[0] = 'P';
        zipGarbage[1] = 'K';
        zipGarbage[2] = 3;
        zipGarbage[3] = 4;
        all.add(write(dir, "zip-magic-then-garbage.zip", zipGarbage, "har"));

        byte[] noise = new byte[64 * 1024];
        new java.util.Random(11).nextBytes(noise);
        all.add(write(dir, "random-bytes.har", noise, "har"));
        all.add(write(dir, "random-bytes.png", noise, "screenshot"));
        all.add(write(dir, "png-header-only.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10}, "screenshot"));
        all.add(write(dir, "png-declared-as-har.har", java.util.Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="),
                "har"));
        all.add(write(dir, "utf16-lone-surrogate.har", utf16WithLoneSurrogate(good), "har"));
        all.add(write(dir, "invalid-utf8.har", (head.substring(0, head.length() - 12) + "\"x\":\"\u0001\"}")
                .replace("\u0001", "\u00ff").getBytes(StandardCharsets.ISO_8859_1), "har"));
        byte[] longLine = ("12:00:00.100 POST https://chatgpt.com/backend-api/conversation 500 " + "z".repeat(12 << 20))
                .getBytes(StandardCharsets.US_ASCII);
        all.add(write(dir, "console-one-line-12mb.log", longLine, "console"));
        byte[] nulLog = "12:00:00 GET https://chatgpt.com/\u0000 500\n\u0000\u0000\u0000\n".repeat(100)
                .getBytes(StandardCharsets.UTF_8);
        all.add(write(dir, "console-with-nuls.log", nulLog, "console"));
        return all;
    }

    /** A good HAR under names that are hostile themselves. */
    private static List<Upload> names(Path dir) throws IOException {
        Path good = dir.resolve("good.har");
        Files.writeString(good, goodHar());
        List<Upload> all = new ArrayList<>();
        all.add(new Upload("name of 450 bytes", "n".repeat(446) + ".har", good, "har", false));
        all.add(new Upload("name of 1000 characters", "x".repeat(996) + ".har", good, "har", false));
        all.add(new Upload("name of 400 two-byte characters", "é".repeat(400) + ".har", good, "har", false));
        all.add(new Upload("name of 200 emoji", "\uD83D\uDE00".repeat(200) + ".har", good, "har", false));
        all.add(new Upload("name with control characters", "cap\u0001tu\u001bre\u007f.har", good, "har", false));
        all.add(new Upload("name with a tab", "cap\tture.har", good, "har", false));
        all.add(new Upload("name reading backwards", "report\u202Erah.exe", good, "har", false));
        all.add(new Upload("name that climbs folders", "../../../../etc/passwd", good, "har", false));
        all.add(new Upload("name of only dots", "..", good, "har", false));
        all.add(new Upload("name with a NUL", "cap\u0000ture.har", good, "har", false));
        all.add(new Upload("name of 20000 characters", "y".repeat(20_000) + ".har", good, "har", true));
        return all;
    }

    private static Upload har(Path dir, String name, String json) throws IOException {
        return write(dir, name, json.getBytes(StandardCharsets.UTF_8), "har");
    }

    private static Upload write(Path dir, String name, byte[] bytes, String part) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, bytes);
        return new Upload(name, name, f, part, false);
    }

    private static Upload zip(Path dir, String name, List<String> members, String content) throws IOException {
        Path f = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(f); ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("folder/"));
            z.closeEntry();
            for (String m : members) {
                z.putNextEntry(new ZipEntry(m));
                byte[] bytes = m.endsWith(".zip") ? nestedZip()
                        : m.endsWith(".gz") ? gzip(content.getBytes(StandardCharsets.UTF_8))
                        : content.getBytes(StandardCharsets.UTF_8);
                z.write(bytes);
                z.closeEntry();
            }
        }
        return new Upload(name, name, f, "har", false);
    }

    /** The member of nested-archives.zip that is a zip itself. */
    private static byte[] nestedZip() throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("x.har"));
            z.write(goodHar().getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        return out.toByteArray();
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }

    private static byte[] utf16WithLoneSurrogate(String json) {
        String broken = json.replace("Something went wrong", "Something \uD800 went wrong");
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.write(0xFF);
        out.write(0xFE);
        for (char c : broken.toCharArray()) {
            out.write(c & 0xff);
            out.write(c >> 8);
        }
        return out.toByteArray();
    }
}
