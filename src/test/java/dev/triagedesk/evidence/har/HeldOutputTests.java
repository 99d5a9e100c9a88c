package dev.triagedesk.evidence.har;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class HeldOutputTests {

    @Test
    void givesBackEveryByteInOrderFromMemoryThenFromItsFileAndDeletesTheFile() throws Exception {
        HeldOutput held = new HeldOutput(1 << 20);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        Random random = new Random(3);
        while (expected.size() < 3 << 20) {
            byte[] chunk = new byte[random.nextInt(1, 200_000)];
            random.nextBytes(chunk);
            int off = random.nextInt(chunk.length);
            held.write(chunk, off, chunk.length - off);
            expected.write(chunk, off, chunk.length - off);
            held.write(7);
            expected.write(7);
        }
        assertThat(held.spilled()).isTrue();
        assertThat(held.length()).isEqualTo(expected.size());
        try (InputStream in = held.read()) {
            assertThat(in.readAllBytes()).isEqualTo(expected.toByteArray());
        }
        long before = tempParts();
        held.discard();
        assertThat(tempParts()).isEqualTo(before - 1);
    }

    private static long tempParts() throws Exception {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(p -> p.getFileName().toString().startsWith("triage-half")).count();
        }
    }
}
