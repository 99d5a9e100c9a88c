package dev.triagedesk.evidence.har;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A string read once for its end is not read again for its bytes, and both reads agree with reading the tail. */
class RawBytesTests {

    @TempDir
    Path dir;

    @Test
    void theEndOfAStringAndItsBytesComeFromOneRead() throws Exception {
        String json = "{\"text\":\"a \\\"quoted\\\" body\" ,\n \"empty\":\"\"}";
        Path file = dir.resolve("s.json");
        Files.writeString(file, json, StandardCharsets.UTF_8);
        try (RawBytes raw = new RawBytes(file, 0)) {
            long start = json.indexOf("\"a ");
            long next = json.indexOf("\"empty\"");
            long end = raw.endOfString(start, next);
            assertThat(end).isEqualTo(raw.endOfStringBefore(next)).isEqualTo(json.indexOf(" ,"));
            byte[] held = raw.readReusing(start, end);
            assertThat(new String(held, 0, (int) (end - start), StandardCharsets.UTF_8))
                    .isEqualTo("\"a \\\"quoted\\\" body\"");

            long emptyStart = json.indexOf("\"\"}");
            long emptyEnd = raw.endOfString(emptyStart, json.length() - 1);
            assertThat(emptyEnd).isEqualTo(emptyStart + 2);
            assertThat(Arrays.copyOf(raw.readReusing(emptyStart, emptyEnd), 2)).isEqualTo(new byte[] {'"', '"'});
        }
    }

    @Test
    void anotherRangeIsReadAfresh() throws Exception {
        String json = "[\"first\",\"second\"]";
        Path file = dir.resolve("a.json");
        Files.writeString(file, json, StandardCharsets.UTF_8);
        try (RawBytes raw = new RawBytes(file, 0)) {
            long firstEnd = raw.endOfString(1, json.indexOf(",") + 1);
            assertThat(firstEnd).isEqualTo(json.indexOf(","));
            int from = json.indexOf("\"second");
            byte[] second = raw.readReusing(from, from + 8);
            assertThat(new String(second, 0, 8, StandardCharsets.UTF_8)).isEqualTo("\"second\"");
        }
    }
}
