package dev.triagedesk.evidence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The shared corpus of real HAR files and console logs ({@code ../shared/corpus}, or the folder named by the
 * {@code triage.corpus} system property). Tests read it in place: its files hold third-party credentials and are
 * never copied into this repository.
 */
public final class Corpus {

    private Corpus() {
    }

    public static Path dir() {
        String configured = System.getProperty("triage.corpus");
        Path dir = configured != null ? Path.of(configured) : Path.of("..", "shared", "corpus");
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("corpus folder not found at " + dir.toAbsolutePath()
                    + ": check out ../shared next to this project or set -Dtriage.corpus=...");
        }
        return dir;
    }

    public static Path har(String name) {
        return existing(dir().resolve("har").resolve(name));
    }

    public static Path console(String name) {
        return existing(dir().resolve("console").resolve(name));
    }

    public static List<Path> hars() {
        return list("har");
    }

    public static List<Path> consoles() {
        return list("console");
    }

    /**
     * Every line of the shared corpus's console logs and of this project's console and API samples
     * ({@code src/test/resources/console}, {@code api-evidence}): what a cheap look of a reader is checked against.
     */
    public static List<String> consoleAndSampleLines() {
        List<Path> files = new ArrayList<>(consoles());
        files.addAll(walk(Path.of("src/test/resources/console")));
        files.addAll(walk(Path.of("src/test/resources/api-evidence")));
        List<String> lines = new ArrayList<>();
        for (Path f : files) {
            try {
                lines.addAll(new String(Files.readAllBytes(f), StandardCharsets.UTF_8).lines().toList());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return lines;
    }

    private static List<Path> walk(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path existing(Path p) {
        if (!Files.isRegularFile(p)) {
            throw new IllegalStateException("corpus file missing: " + p.toAbsolutePath());
        }
        return p;
    }

    private static List<Path> list(String sub) {
        try (Stream<Path> s = Files.list(dir().resolve(sub))) {
            return s.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
