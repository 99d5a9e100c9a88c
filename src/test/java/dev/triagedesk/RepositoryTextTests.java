package dev.triagedesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The documents and sources a reader meets carry no half-done merge: conflict markers once sat in the README's
 * Architecture section for a whole session, since nothing compiles or renders it.
 */
class RepositoryTextTests {

    private static final Pattern MARKER = Pattern.compile("(?m)^(<{7} |>{7} |={7}$)");

    @Test
    void noConflictMarkersInTheReadmeScriptsOrSources() throws IOException {
        List<String> found = new ArrayList<>();
        List<Path> roots = List.of(Path.of("README.md"), Path.of("scripts"), Path.of("src"), Path.of("docker"), Path.of(".ci"));
        for (Path root : roots) {
            if (!Files.exists(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(Files::isRegularFile).filter(RepositoryTextTests::isText).toList()) {
                    String text;
                    try {
                        text = Files.readString(f);
                    } catch (MalformedInputException binary) {
                        continue;
                    }
                    if (MARKER.matcher(text).find()) {
                        found.add(f.toString());
                    }
                }
            }
        }
        assertThat(found).as("files with merge-conflict markers").isEmpty();
    }

    private static boolean isText(Path f) {
        String name = f.getFileName().toString();
        return name.endsWith(".md") || name.endsWith(".java") || name.endsWith(".html") || name.endsWith(".properties")
                || name.endsWith(".sql") || name.endsWith(".css") || name.endsWith(".js") || name.endsWith(".py")
                || name.endsWith(".yaml") || name.endsWith(".yml") || !name.contains(".");
    }
}
