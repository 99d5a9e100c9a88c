package dev.triagedesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Addresses of one endpoint compare equal once normalized; repeated failures of it are one group. */
class NormalizedPathTests {

    @Test
    void queryValuesAndIdsInThePathAreLeftOut() {
        assertThat(NormalizedPath.of("https://ChatGPT.com:443/backend-api/conversation/6915a9bc-afa8-8327-9a1b-0123456789ab"
                + "/stream_status?param0=8e8808ca&sig=[REDACTED:url_param:3f9a1c2b]#part"))
                .isEqualTo("https://chatgpt.com/backend-api/conversation/{id}/stream_status?param0&sig");
        assertThat(NormalizedPath.of("https://api.example.com/v1/users/12345/files/9f86d081884c7d65/raw"))
                .isEqualTo("https://api.example.com/v1/users/{id}/files/{id}/raw");
        assertThat(NormalizedPath.of("https://api.openai.com/v1/files/file-AbC123xYz456QrS7"))
                .isEqualTo("https://api.openai.com/v1/files/{id}");
        // names stay: a version, a word with a digit or two, short hex-looking words
        assertThat(NormalizedPath.of("https://x.test/v1/stream-status-v2/chat/completions/beef/cafe"))
                .isEqualTo("https://x.test/v1/stream-status-v2/chat/completions/beef/cafe");
        assertThat(NormalizedPath.of("http://x.test:80/a?b")).isEqualTo("http://x.test/a?b");
        assertThat(NormalizedPath.of("/relative/42?x=1")).isEqualTo("/relative/{id}?x");
        assertThat(NormalizedPath.of(null)).isNull();
    }

    @Test
    void twoCallsOfTheSameEndpointCompareEqual() {
        assertThat(NormalizedPath.of("https://chatgpt.com/backend-api/conversation/aaaaaaaa-afa8-8327-9a1b-0123456789ab?t=1"))
                .isEqualTo(NormalizedPath.of("https://chatgpt.com/backend-api/conversation/bbbbbbbb-afa8-8327-9a1b-0123456789ab?t=2"));
        assertThat(NormalizedPath.of("https://chatgpt.com/a?x=1"))
                .isNotEqualTo(NormalizedPath.of("https://chatgpt.com/a?y=1"));
    }

    @Test
    void longTextIsShortenedInTheMiddle() {
        String url = "https://chatgpt.com/backend-api/conversation/" + "x".repeat(300) + "/stream_status";
        String shortened = NormalizedPath.middle(url, 80);
        assertThat(shortened).hasSize(80).startsWith("https://chatgpt.com/backend-api/").endsWith("/stream_status")
                .contains("…");
        assertThat(NormalizedPath.middle("short", 80)).isEqualTo("short");
        assertThat(NormalizedPath.middle(null, 80)).isNull();
        // a character outside the BMP is never cut in two
        String emoji = "😀".repeat(100);
        assertThat(NormalizedPath.middle(emoji, 41).codePoints().filter(c -> c == 0xFFFD || Character.isSurrogate((char) c)))
                .isEmpty();
    }

    @Test
    void identicalFailuresAreOneGroupInTheOrderTheyWereFound() {
        Ticket t = new Ticket("hash", java.time.Instant.EPOCH);
        Evidence e = new Evidence(t, EvidenceKind.HAR, "capture.har", 1, java.time.Instant.EPOCH);
        FailingRequest a1 = failure(t, e, 0, "GET", "https://chatgpt.com/c/6915a9bc-afa8-8327-9a1b-0123456789ab?x=1", 500, "internal_error");
        FailingRequest b = failure(t, e, 1, "POST", "https://chatgpt.com/backend-api/conversation", 429, null);
        FailingRequest a2 = failure(t, e, 2, "GET", "https://chatgpt.com/c/7015a9bc-afa8-8327-9a1b-0123456789ab?x=2", 500, "internal_error");
        FailingRequest otherCode = failure(t, e, 3, "GET", "https://chatgpt.com/c/7015a9bc-afa8-8327-9a1b-0123456789ab", 500, "other");
        FailingRequest otherMethod = failure(t, e, 4, "POST", "https://chatgpt.com/c/6915a9bc-afa8-8327-9a1b-0123456789ab?x=1", 500, "internal_error");

        List<FailureGroup> groups = FailureGroup.of(List.of(a1, b, a2, otherCode, otherMethod));
        assertThat(groups).extracting(FailureGroup::count).containsExactly(2, 1, 1, 1);
        assertThat(groups.get(0).requests()).containsExactly(a1, a2);
        assertThat(groups.get(0).first()).isSameAs(a1);
        assertThat(groups.get(0).last()).isSameAs(a2);
        assertThat(groups.get(0).repeated()).isTrue();
        assertThat(groups.get(1).repeated()).isFalse();
    }

    static FailingRequest failure(Ticket t, Evidence e, int entry, String method, String url, int status, String code) {
        FailingRequest f = new FailingRequest(t, e, entry, false);
        f.describe("2026-01-07T12:00:0" + entry + "Z", method, url, status, null, null, 10.0, null);
        f.error(null, code, null, null);
        return f;
    }
}
