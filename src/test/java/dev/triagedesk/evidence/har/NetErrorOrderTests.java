package dev.triagedesk.evidence.har;

import static dev.triagedesk.evidence.Engines.analyze;
import static org.assertj.core.api.Assertions.assertThat;

import dev.triagedesk.evidence.HarBuilder;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A HAR's net errors are listed in the order of their names, the same on every run: they were once copied into an
 * immutable map whose order changes from one JVM to the next, so the same file gave different reports.
 */
class NetErrorOrderTests {

    @TempDir
    Path dir;

    @Test
    void netErrorsAreListedByNameWhateverTheRun() {
        String[] errors = {"net::ERR_NAME_NOT_RESOLVED", "net::ERR_CERT_AUTHORITY_INVALID", "net::ERR_BLOCKED_BY_CLIENT",
            "net::ERR_CONNECTION_REFUSED", "net::ERR_TIMED_OUT", "net::ERR_CONNECTION_RESET", "net::ERR_ADDRESS_UNREACHABLE"};
        HarBuilder har = new HarBuilder();
        for (int i = 0; i < errors.length; i++) {
            har.entry("GET", "https://chatgpt.com/backend-api/x" + i, 0).netError(errors[i]).add();
        }
        assertThat(analyze(dir, har.json()).summary().stats().netErrors().keySet()).containsExactly(
                "net::ERR_ADDRESS_UNREACHABLE", "net::ERR_BLOCKED_BY_CLIENT", "net::ERR_CERT_AUTHORITY_INVALID",
                "net::ERR_CONNECTION_REFUSED", "net::ERR_CONNECTION_RESET", "net::ERR_NAME_NOT_RESOLVED",
                "net::ERR_TIMED_OUT");
    }
}
