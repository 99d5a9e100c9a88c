package dev.triagedesk.evidence.console;

import static dev.triagedesk.evidence.console.ConsoleTestSupport.fixture;
import static dev.triagedesk.evidence.console.ConsoleTestSupport.read;
import static dev.triagedesk.evidence.console.ConsoleTestSupport.sanitize;
import static dev.triagedesk.evidence.console.ConsoleTestSupport.secretsIn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.triagedesk.evidence.Corpus;
import dev.triagedesk.evidence.redact.LeftoverScan;
import dev.triagedesk.evidence.redact.Redactor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ConsoleSanitizerTests {

    private static final String JWT =
            "eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJzdWIiOiJmYWtlLXVzZXItZm9yLXRlc3RzIn0.bm90LWEtcmVhbC1zaWduYXR1cmU";
    private static final String SK = "sk-proj-" + "x".repeat(40);

    static List<Path> consoles() {
        return Corpus.consoles();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("consoles")
    void corpusLogsKeepEveryLineAndLoseEverySecret(Path file) {
        String in = read(file);
        String out = sanitize(in);

        assertThat(LeftoverScan.check(out)).isEmpty();
        assertThat(secretsIn(in)).allSatisfy(secret -> assertThat(out).doesNotContain(secret));
        List<String> inLines = linesWithEndings(in);
        List<String> outLines = linesWithEndings(out);
        assertThat(outLines).hasSameSizeAs(inLines);
        for (int i = 0; i < inLines.size(); i++) {
            // a line is either untouched or changed only where a marker now stands, with the same ending
            String a = inLines.get(i);
            String b = outLines.get(i);
            if (!a.equals(b)) {
                assertThat(b).as("line %d", i + 1).contains(Redactor.MARKER_PREFIX);
                assertThat(ending(b)).as("line %d", i + 1).isEqualTo(ending(a));
            }
        }
    }

    @Test
    void theGoogleKeyInTheCorpusIsTheOnlyChangeInItsFile() {
        Path file = Corpus.console("chrome-copy-corporatedirect-forms.txt");
        String in = read(file);
        Matcher key = Pattern.compile("AIza[A-Za-z0-9_-]{35}").matcher(in);
        assertThat(key.find()).isTrue();

        String out = sanitize(in);

        assertThat(out).doesNotContain(key.group()).contains("js?key=[REDACTED:cloud-key:");
        List<String> inLines = linesWithEndings(in);
        List<String> outLines = linesWithEndings(out);
        List<Integer> changed = new ArrayList<>();
        for (int i = 0; i < inLines.size(); i++) {
            if (!inLines.get(i).equals(outLines.get(i))) {
                changed.add(i + 1);
            }
        }
        assertThat(changed).containsExactly(1006, 1007);
    }

    @Test
    void secretsInConsoleLinesUrlsAndCookieDumpsAreReplaced() {
        String in = read(fixture("secrets-chrome.log"));
        String out = sanitize(in);

        assertThat(in).contains(JWT, SK);
        assertThat(out).doesNotContain(JWT, SK, "fake-access-token-123456", "fake-session-value-1234",
                "fakesessionvalue0001", "fakecsrftoken0002", "fake-nextauth-token-5678");
        assertThat(LeftoverScan.check(out)).isEmpty();
        assertThat(out.lines().count()).isEqualTo(in.lines().count());
        // what support needs stays: hosts, paths, statuses, harmless parameters
        assertThat(out).contains("GET https://api.example.com/v1/me?token=[REDACTED:token:",
                "401 (Unauthorized)", "callback?access_token=[REDACTED:", "&state=abc 403 (Forbidden)",
                "Cookie: [REDACTED:cookie:", "Authorization: Bearer [REDACTED:");
    }

    @Test
    void eachSecretShapeInALineGoes() {
        String in = String.join("\n",
                "main.js:1 fetch with headers {Authorization: 'Bearer abcDEF1234567890ghijKLMNOP'}",
                "[LOG] open https://chatgpt.com/auth/callback?id_token=" + JWT + "&next=/ @ https://chatgpt.com/:0",
                "log: redirect https://example.com/cb#access_token=fakeAccessToken0123456789&token_type=bearer",
                "debug: cookie dump: __Secure-next-auth.session-token=fakeSession0123456789; oai-did=abc",
                "error: Incorrect API key provided: " + SK);
        String out = sanitize(in);

        assertThat(out).doesNotContain("abcDEF1234567890ghijKLMNOP", JWT, "fakeAccessToken0123456789",
                "fakeSession0123456789", SK);
        assertThat(out).contains("&next=/ @ https://chatgpt.com/:0", "&token_type=", "; oai-did=abc");
        assertThat(out.split("\n", -1)).hasSize(5);
        assertThat(LeftoverScan.check(out)).isEmpty();
    }

    @Test
    void lineEndingsByteOrderMarkAndAMissingFinalBreakSurvive() {
        String in = "\uFEFFa.js:1 hello\r\nb.js:2 world\rc.js:3 Authorization: Bearer " + SK + "\n\nlast";
        String out = sanitize(in);

        assertThat(out).startsWith("\uFEFFa.js:1 hello\r\nb.js:2 world\rc.js:3 Authorization: Bearer [REDACTED:")
                .endsWith("]\n\nlast").doesNotContain(SK);
    }

    @Test
    void aLogWithoutSecretsComesBackIdentical() {
        String in = read(fixture("chrome-timestamps.log"));

        assertThat(sanitize(in)).isEqualTo(in);
    }

    @Test
    void aSecretInsideAnOverlongLineIsStillFound() {
        // 200 KB on one line, secrets near the start, the middle and the end
        String filler = "lorem ipsum dolor sit amet, ".repeat(2500);
        String in = "x.js:1 " + JWT + " " + filler + "token=" + JWT + " " + filler + " Bearer " + SK + "\nnext line";
        String out = sanitize(in);

        assertThat(out).doesNotContain(JWT, SK);
        assertThat(out.split("\n", -1)).hasSize(2);
        assertThat(out).endsWith("\nnext line").contains(filler);
    }

    /** Splits after each line ending, keeping it, so endings can be compared. */
    private static List<String> linesWithEndings(String s) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r' && (i + 1 == s.length() || s.charAt(i + 1) != '\n')) {
                out.add(s.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < s.length()) {
            out.add(s.substring(start));
        }
        return out;
    }

    private static String ending(String line) {
        return line.endsWith("\r\n") ? "\r\n" : line.endsWith("\n") ? "\n" : line.endsWith("\r") ? "\r" : "";
    }
}
