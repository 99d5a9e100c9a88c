package dev.triagedesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
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

    /**
     * The one-pass segment check against the rule written as patterns (how it was written before): random segments
     * built from the characters and lengths that sit on each rule's edges.
     */
    @Test
    void aSegmentIsAnIdExactlyWhenOneOfThePatternsMatchesIt() {
        Pattern uuid = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
        Pattern number = Pattern.compile("[0-9]+");
        Pattern hex = Pattern.compile("[0-9a-fA-F]{8,}");
        Pattern token = Pattern.compile("[A-Za-z0-9_-]{16,}");
        Pattern marker = Pattern.compile("\\[REDACTED:[^\\]]*]");
        String[] alphabets = {"0123456789", "0123456789abcdefABCDEF", "0123456789abcdef-", "abcxyzXYZ_-019",
            "abc019]:[ REDACT", "0a-é٣_"};
        String[] shapes = {"6915a9bc-afa8-8327-9a1b-0123456789ab", "[REDACTED:url_param:3f9a1c2b]", "[REDACTED:a]b]",
            "req_7f3a9c21b8e04d55", "stream-status-v2", "12345678", "1234567", "deadbeef", "file-AbC123xYz456QrS"};
        Random random = new Random(20261207);
        int ids = 0;
        for (int i = 0; i < 200_000; i++) {
            String s;
            if (i % 10 == 0) {
                // a known shape with one character changed
                char[] c = shapes[random.nextInt(shapes.length)].toCharArray();
                String alphabet = alphabets[random.nextInt(alphabets.length)];
                c[random.nextInt(c.length)] = alphabet.charAt(random.nextInt(alphabet.length()));
                s = new String(c);
            } else {
                String alphabet = alphabets[random.nextInt(alphabets.length)];
                StringBuilder b = new StringBuilder();
                int length = random.nextInt(40);
                for (int k = 0; k < length; k++) {
                    b.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                s = b.toString();
            }
            boolean tokenLike = token.matcher(s).matches() && s.chars().filter(Character::isDigit).count() >= 3;
            boolean expected = !s.isEmpty() && (uuid.matcher(s).matches() || number.matcher(s).matches()
                    || hex.matcher(s).matches() || tokenLike || marker.matcher(s).matches());
            assertThat(NormalizedPath.segment(s)).as(s).isEqualTo(expected ? NormalizedPath.ID : s);
            ids += expected ? 1 : 0;
        }
        // both answers were tried often
        assertThat(ids).isBetween(20_000, 180_000);
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
