package dev.triagedesk.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.triagedesk.system.TriageProperties;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class PastedTextLimitTests {

    private static PastedTextLimit limit(String pasted, String formPostSize) {
        return new PastedTextLimit(new TriageProperties(Path.of("data"), new TriageProperties.Upload(
                DataSize.parse("512MB"), 50, DataSize.parse(pasted)), 2000, ""), DataSize.parse(formPostSize));
    }

    @Test
    void textIsMeasuredInUtf8() {
        PastedTextLimit limit = limit("10B", "1MB");
        assertThat(limit.excess("abcdefghij")).isEmpty();
        assertThat(limit.excess("abcdefghijk")).isPresent();
        // four two-byte letters and a four-byte emoji: 12 bytes, in 6 Java chars
        assertThat(PastedTextLimit.utf8Length("éééé😀")).isEqualTo(12);
        assertThat(limit.excess("éééé😀")).isPresent();
        assertThat(limit.excess("日本語")).isEmpty(); // 9 bytes
        assertThat(limit.excess(null)).isEmpty();
    }

    @Test
    void theExcessIsSaidInTheWordsOfThePage() {
        PastedTextLimit limit = limit("1MB", "4MB");
        assertThat(limit.maxText()).isEqualTo("1 MB");
        assertThat(limit.excess("x".repeat(1024 * 1024 + 1))).contains("over 1 MB");
        assertThat(limit.excess("x".repeat(3 * 1024 * 1024 / 2))).contains("1.5 MB");
    }

    @Test
    void tomcatsCapOnTextFieldsMustLeaveRoomAboveTheLimit() {
        assertThatThrownBy(() -> limit("5MB", "2MB")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("server.tomcat.max-http-form-post-size (2 MB) must be larger than"
                        + " triage.upload.max-pasted-text (5 MB)");
        assertThatThrownBy(() -> limit("5MB", "5MB")).isInstanceOf(IllegalStateException.class);
        assertThat(limit("5MB", "32MB").maxBytes()).isEqualTo(5 * 1024 * 1024);
        assertThat(limit("5MB", "-1B").maxBytes()).as("no cap at all").isEqualTo(5 * 1024 * 1024);
    }
}
