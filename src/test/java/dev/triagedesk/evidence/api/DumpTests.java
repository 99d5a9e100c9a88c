package dev.triagedesk.evidence.api;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DumpTests {
    @Test
    void dump() throws Exception {
        try (var s = Files.list(Path.of("src/test/resources/api-evidence/fixtures"))) {
            for (Path p : s.sorted().toList()) {
                System.out.println("=== " + p.getFileName() + " detect=" + ApiLogAnalyzer.detectFormat(Files.readString(p)));
                System.out.println(ApiTestSupport.JSON.writeValueAsString(ApiTestSupport.analyze(p)));
            }
        }
    }
}
