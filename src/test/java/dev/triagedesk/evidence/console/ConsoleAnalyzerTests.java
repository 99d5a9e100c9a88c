package dev.triagedesk.evidence.console;

import static dev.triagedesk.evidence.console.ConsoleTestSupport.analyze;
import static dev.triagedesk.evidence.console.ConsoleTestSupport.fixture;
import static dev.triagedesk.evidence.console.ConsoleTestSupport.json;
import static dev.triagedesk.evidence.console.ConsoleTestSupport.read;
import static dev.triagedesk.evidence.console.ConsoleTestSupport.redactor;
import static dev.triagedesk.evidence.console.ConsoleTestSupport.secretsIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.triagedesk.evidence.Category;
import dev.triagedesk.evidence.Corpus;
import dev.triagedesk.evidence.RequestId;
import dev.triagedesk.evidence.Signal;
import dev.triagedesk.evidence.SignalType;
import dev.triagedesk.evidence.redact.LeftoverScan;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The analyzer on small logs written for one behaviour each (src/test/resources/console) and inline text. */
class ConsoleAnalyzerTests {

    @Test
    void chromeSaveAsWithTimestampsKeepsTimesAndFindsEveryFailureKind() {
        ConsoleAnalysis a = analyze(fixture("chrome-timestamps.log"));

        assertThat(a.format()).isEqualTo("chrome");
        assertThat(a.errors()).extracting(ConsoleError::line, ConsoleError::time, ConsoleError::status,
                ConsoleError::netError, ConsoleError::category).containsExactly(
                tuple(1, "12:01:02.345", null, "net::ERR_BLOCKED_BY_CLIENT", Category.BROWSER),
                tuple(3, "12:01:03.100", 429, null, Category.SLOW_OR_CHECK_QUOTA),
                tuple(4, "12:01:03.200", 429, "net::ERR_FAILED", Category.SLOW_OR_CHECK_QUOTA),
                tuple(8, "12:01:04.000", null, null, Category.NETWORK),
                tuple(9, "12:01:05.000", null, "net::ERR_CERT_AUTHORITY_INVALID", Category.NETWORK),
                tuple(10, "12:01:06.000", null, "net::ERR_NAME_NOT_RESOLVED", Category.NETWORK),
                tuple(11, "12:01:06.500", null, "net::ERR_PROXY_CONNECTION_FAILED", Category.NETWORK),
                tuple(12, "12:01:06.800", null, "net::ERR_INTERNET_DISCONNECTED", Category.NETWORK),
                tuple(13, "12:01:07.000", null, null, Category.BROWSER),
                tuple(14, "12:01:08.000", null, null, Category.BROWSER),
                tuple(15, "12:01:09.000", null, null, Category.NETWORK),
                tuple(19, "12:01:10.000", null, null, Category.NETWORK),
                tuple(22, "12:01:11.000", 429, null, Category.SLOW_OR_CHECK_QUOTA));
        // the anchor of a resource row is the URL without scheme; the message loses timestamp and anchor
        assertThat(a.errors().get(0).url()).isEqualTo("prodregistryv2.org/v1/rgstr?k=client-abc&st=javascript-client");
        assertThat(a.errors().get(0).message()).isEqualTo("Failed to load resource: net::ERR_BLOCKED_BY_CLIENT");
        assertThat(a.errors().get(2).url()).isEqualTo("https://chatgpt.com/backend-api/f/conversation");
        assertThat(a.errors().get(3).url()).isEqualTo("https://api.openai.com/v1/chat/completions");
        assertThat(a.errors().get(8).url()).isEqualTo("http://api.example.com/data");
        assertThat(a.errors().get(9).url()).isEqualTo("https://collector.example.net/v1");
        assertThat(a.errors().get(10).message()).isEqualTo("Uncaught (in promise) TypeError: Failed to fetch");
        assertThat(a.signals()).extracting(Signal::type, Signal::line).containsExactly(
                tuple(SignalType.BLOCKED_BY_CLIENT, 1),
                tuple(SignalType.CORS_BLOCKED, 8),
                tuple(SignalType.TLS_INTERCEPTION, 9),
                tuple(SignalType.DNS_FAILURE, 10),
                tuple(SignalType.PROXY_FAILURE, 11),
                tuple(SignalType.OFFLINE, 12),
                tuple(SignalType.MIXED_CONTENT, 13),
                tuple(SignalType.BLOCKED_BY_POLICY, 14),
                tuple(SignalType.UNUSUAL_ACTIVITY, 19),
                tuple(SignalType.QUOTA_EXHAUSTED, 22));
        assertThat(a.signals().get(7).detail()).isEqualTo("CSP connect-src https://collector.example.net/v1");
        assertThat(a.signals().get(9).detail()).isEqualTo("HTTP 429 insufficient_quota");
        assertThat(a.requestIds()).containsExactly(new RequestId("body:cf-ray", "8830f9abcda18283-TPE"),
                new RequestId("x-request-id", "req_0123456789abcdef0123456789abcdef"));
        assertThat(a.conversationUrls()).containsExactly("https://chatgpt.com/c/6915a9bc-afa8-8327-9a1b-0123456789ab");
        // not findings: a warning that is no network failure (24), an upgraded insecure request (26), the
        // source-map fetch (28), and the stack lines under line 4
        assertThat(a.errors()).extracting(ConsoleError::line).doesNotContain(5, 6, 7, 24, 26, 28);
    }

    @Test
    void aSingleChromeRequestRowPastedAloneIsStillAFailingRequest() {
        ConsoleAnalysis a = analyze("12:00:01.100 POST https://api.openai.com/v1/chat/completions 429 (Too Many Requests)\n");

        assertThat(a.format()).isEqualTo("plain");
        assertThat(a.errors()).extracting(ConsoleError::time, ConsoleError::status, ConsoleError::url,
                ConsoleError::category).containsExactly(tuple("12:00:01.100", 429,
                "https://api.openai.com/v1/chat/completions", Category.SLOW_OR_CHECK_QUOTA));
    }

    @Test
    void firefoxExportPairsNetworkRowsWithTheirStatusLine() {
        ConsoleAnalysis a = analyze(fixture("firefox-export.txt"));

        assertThat(a.format()).isEqualTo("firefox");
        assertThat(a.errors()).extracting(ConsoleError::line, ConsoleError::status, ConsoleError::url,
                ConsoleError::category).containsExactly(
                tuple(4, 403, "https://chatgpt.com/backend-api/f/conversation", Category.FIX_ACCESS),
                tuple(7, 403, "https://chatgpt.com/backend-api/f/conversation", Category.NETWORK),
                tuple(8, null, "https://cdn.oaistatic.com/assets/app.js", Category.NETWORK),
                tuple(9, null, null, Category.NETWORK),
                tuple(11, 404, "https://chatgpt.com/favicon.ico", Category.CHECK_RESOURCE));
        assertThat(a.errors().get(0).time()).isEqualTo("10:15:01.350");
        assertThat(a.errors().get(0).message())
                .isEqualTo("POST https://chatgpt.com/backend-api/f/conversation [HTTP/2 403  104ms]");
        // Firefox puts the source location last: it is not part of the message
        assertThat(a.errors().get(3).message())
                .isEqualTo("Uncaught (in promise) TypeError: NetworkError when attempting to fetch resource.");
        assertThat(a.signals()).containsExactly(Signal.atLine(SignalType.CORS_BLOCKED, 7,
                "CORS status 403 https://chatgpt.com/backend-api/f/conversation"));
    }

    @Test
    void safariRowsGiveLevelLocationAndFailurePhrases() {
        ConsoleAnalysis a = analyze(fixture("safari.txt"));

        assertThat(a.format()).isEqualTo("safari");
        assertThat(a.errors()).extracting(ConsoleError::line, ConsoleError::level, ConsoleError::url,
                ConsoleError::category).containsExactly(
                tuple(2, "error", "conversation", Category.SLOW_OR_CHECK_QUOTA),
                tuple(3, "error", "models", Category.NETWORK),
                tuple(5, "error", null, Category.NETWORK),
                tuple(8, "error", "https://collector.example.net/v1", Category.BROWSER),
                tuple(9, "warning", "http://img.example.com/a.png", Category.BROWSER));
        assertThat(a.errors().get(0).message())
                .isEqualTo("Failed to load resource: the server responded with a status of 429 ()");
        assertThat(a.signals()).extracting(Signal::type, Signal::line).containsExactly(
                tuple(SignalType.DNS_FAILURE, 3), tuple(SignalType.BLOCKED_BY_POLICY, 8),
                tuple(SignalType.MIXED_CONTENT, 9));
    }

    @Test
    void puppeteerCaptureKeepsIsoTimesAndReportsNetworkWarningsOnly() {
        ConsoleAnalysis a = analyze(fixture("puppeteer-errors.log"));

        assertThat(a.format()).isEqualTo("puppeteer");
        assertThat(a.errors()).extracting(ConsoleError::line, ConsoleError::time, ConsoleError::level,
                ConsoleError::category).containsExactly(
                tuple(2, "2025-01-02T10:00:01.250Z", "error", Category.FIX_ACCESS),
                tuple(3, "2025-01-02T10:00:02.000Z", "error", Category.FIX_ACCESS),
                tuple(5, "2025-01-02T10:00:03.000Z", "warning", Category.NETWORK));
        assertThat(a.signals()).containsExactly(
                Signal.atLine(SignalType.SESSION_EXPIRED, 3, "token_expired"),
                Signal.atLine(SignalType.CONNECTION_FAILURE, 5, "net::ERR_CONNECTION_RESET"));
    }

    @Test
    void plainPasteIsReadLineByLineForFailurePhrases() {
        ConsoleAnalysis a = analyze(fixture("plain-paste.txt"));

        assertThat(a.format()).isEqualTo("plain");
        assertThat(a.errors()).extracting(ConsoleError::line, ConsoleError::netError, ConsoleError::category)
                .containsExactly(tuple(3, "net::ERR_CONNECTION_RESET", Category.NETWORK),
                        tuple(4, null, Category.NETWORK));
        assertThat(a.conversationUrls()).containsExactly("https://chatgpt.com/c/6915a9bc-afa8-8327-9a1b-0123456789ab");
    }

    @Test
    void secretsInLinesUrlsAndCookiesNeverReachTheAnalysis() {
        String input = read(fixture("secrets-chrome.log"));
        ConsoleAnalysis a = analyze(fixture("secrets-chrome.log"));
        String json = json(a);

        assertThat(secretsIn(input)).hasSizeGreaterThanOrEqualTo(3);
        assertThat(json).doesNotContain(secretsIn(input).toArray(String[]::new))
                .doesNotContain("fake-access-token-123456", "fake-session-value-1234", "fakesessionvalue0001",
                        "fakecsrftoken0002", "fake-nextauth-token-5678", "sk-proj-xxxx");
        assertThat(LeftoverScan.check(json)).isEmpty();
        assertThat(a.errors()).extracting(ConsoleError::line).containsExactly(2, 3, 4, 7);
        // the URL stays useful: host, path and harmless parameters remain, the secret becomes a marker
        assertThat(a.errors().get(0).url()).startsWith("https://api.example.com/v1/me?token=[REDACTED:token:");
        assertThat(a.errors().get(1).url()).startsWith("api.example.com/v1/session?jwt=[REDACTED:");
        assertThat(a.errors().get(2).url()).startsWith("https://auth.example.com/callback?access_token=[REDACTED:")
                .endsWith("&state=abc");
        // the same JWT was met first as ?token=, so its echo after "Bearer" keeps that marker
        assertThat(a.errors().get(3).message()).contains("Bearer [REDACTED:token:");
    }

    @Test
    void chromeStackFramesAndDevToolsSuffixesBelongToTheirMessage() {
        String log = String.join("\n",
                "app.js:10  Uncaught (in promise) Error: boom",
                "    at load (app.js:10:5)",
                "    at async main (app.js:20:1)",
                "load @ app.js:10",
                "Promise.then",
                "main @ app.js:20",
                "Understand this error",
                "app.js:30 all good",
                "app.js:31  Something odd happened",
                "show @ app.js:31",
                "Understand this warning");
        ConsoleAnalysis a = analyze(log);

        assertThat(a.lineCount()).isEqualTo(11);
        assertThat(a.errors()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(1);
            assertThat(e.message()).isEqualTo("Uncaught (in promise) Error: boom");
            assertThat(e.category()).isEqualTo(Category.UNKNOWN);
        });
    }

    @Test
    void chromeRowsWithoutLevelAreErrorsOnlyWhenTheyReadAsErrors() {
        // copies print no level: a stack plus an error word (or DevTools' double space) marks console.error
        String log = String.join("\n",
                "api.js:5 Request failed for /items",
                "fetchItems @ api.js:5",
                "maps.js:1 Loaded the library without async loading",
                "bda @ maps.js:1",
                "app.js:9 error: null",
                "hook.js:1  A tree hydrated but some attributes did not line up",
                "render @ hook.js:1");
        ConsoleAnalysis a = analyze(log);

        assertThat(a.errors()).extracting(ConsoleError::line).containsExactly(1, 6);
    }

    @Test
    void playwrightMessagesRunUntilTheirLocationAndPageErrorsAreErrors() {
        String log = String.join("\n",
                "Total messages: 3 (Errors: 3, Warnings: 0)",
                "Returning 3 messages for level \"error\"",
                "",
                "[ERROR] Request failed:",
                "Failed to load resource: the server responded with a status of 503 ()",
                "second line of the same message @ https://chatgpt.com/backend-api/models:0",
                "[WARNING] Failed to load resource: net::ERR_BLOCKED_BY_CLIENT @ https://ab.chatgpt.com/v1/rgstr:0",
                "[LOG] Failed to load resource: the server responded with a status of 500 () @ https://x.test/:0",
                "TypeError: Cannot read properties of null (reading 'id')",
                "    at render (https://chatgpt.com/assets/app.js:1:2)");
        ConsoleAnalysis a = analyze(log);

        assertThat(a.format()).isEqualTo("playwright");
        assertThat(a.errors()).extracting(ConsoleError::line, ConsoleError::level, ConsoleError::status)
                .containsExactly(tuple(4, "error", 503), tuple(7, "warning", null), tuple(9, "error", null));
        assertThat(a.errors().get(0).message()).isEqualTo("Request failed: Failed to load resource: the server "
                + "responded with a status of 503 () second line of the same message");
        assertThat(a.errors().get(1).url()).isEqualTo("https://ab.chatgpt.com/v1/rgstr");
    }

    @Test
    void extensionErrorsAreBrowserStateAndOtherScriptErrorsUnknown() {
        String log = String.join("\n",
                "chrome-extension://abcdefghijklmnop/inject.js:3 Uncaught TypeError: Cannot read properties of null",
                "content.js:1  Uncaught (in promise) Error: A listener indicated an asynchronous response by returning"
                        + " true, but the message channel closed before a response was received",
                "app.js:7  Uncaught ReferenceError: foo is not defined");
        ConsoleAnalysis a = analyze(log);

        assertThat(a.errors()).extracting(ConsoleError::category)
                .containsExactly(Category.BROWSER, Category.BROWSER, Category.UNKNOWN);
    }

    @Test
    void firefoxAndSafariFailureWordsAreSignalsLikeChromeNetErrors() {
        String log = String.join("\n",
                "error: TypeError: NetworkError when attempting to fetch resource. NS_ERROR_UNKNOWN_HOST",
                "error: Failed to load resource: The Internet connection appears to be offline.",
                "error: Failed to load resource: An SSL error has occurred and a secure connection to the server cannot"
                        + " be made.");
        ConsoleAnalysis a = analyze(log);

        assertThat(a.errors()).extracting(ConsoleError::category).containsOnly(Category.NETWORK);
        assertThat(a.signals()).extracting(Signal::type, Signal::line).containsExactly(
                tuple(SignalType.DNS_FAILURE, 1), tuple(SignalType.OFFLINE, 2), tuple(SignalType.TLS_INTERCEPTION, 3));
    }

    @Test
    void requestIdsAreFoundOnAnyLineAtAnyLevel() {
        String log = String.join("\n",
                "log: response x-request-id: req_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
                "info: cf-ray=8a1b2c3d4e5f6071-FRA",
                "error: The server had an error processing your request. Sorry about that! You can retry your "
                        + "request, or contact us through our help center at help.openai.com if the error persists. "
                        + "(Please include the request ID 0123456789abcdef0123456789abcdef in your email.)");
        ConsoleAnalysis a = analyze(log);

        assertThat(a.format()).isEqualTo("captured");
        assertThat(a.requestIds()).containsExactly(
                new RequestId("x-request-id", "req_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
                new RequestId("cf-ray", "8a1b2c3d4e5f6071-FRA"),
                new RequestId("body:request-id", "0123456789abcdef0123456789abcdef"));
        assertThat(a.errors()).singleElement().extracting(ConsoleError::line).isEqualTo(3);
    }

    @Test
    void lineNumbersHoldForCrLfEndingsAndAByteOrderMark() {
        String log = "\uFEFF[ERROR] Failed to load resource: net::ERR_TIMED_OUT @ https://chatgpt.com/:0\r\n"
                + "[LOG] fine @ https://chatgpt.com/:1\r\n"
                + "\r\n"
                + "[ERROR] Failed to load resource: the server responded with a status of 502 () @ https://chatgpt.com/api:0";
        ConsoleAnalysis a = analyze(log);

        assertThat(a.format()).isEqualTo("playwright");
        assertThat(a.lineCount()).isEqualTo(4);
        assertThat(a.errors()).extracting(ConsoleError::line, ConsoleError::url)
                .containsExactly(tuple(1, "https://chatgpt.com/"), tuple(4, "https://chatgpt.com/api"));
    }

    @Test
    void emptyInputIsAnEmptyPlainAnalysis() {
        ConsoleAnalysis a = analyze("");

        assertThat(a).isEqualTo(new ConsoleAnalysis("console", "plain", 0, List.of(), 0, List.of(), List.of(),
                List.of()));
    }

    @Test
    void findingsBeyondTheCapAreCountedNotKept() throws IOException {
        try (Reader r = Files.newBufferedReader(Corpus.console("playwright-mcp-dkeken-polyprofit-502-websocket.txt"))) {
            ConsoleAnalysis a = new ConsoleAnalyzer(redactor(), 3).analyze(r);

            assertThat(a.errors()).extracting(ConsoleError::line).containsExactly(4, 5, 6);
            assertThat(a.errorsOmitted()).isEqualTo(32);
            assertThat(a.lineCount()).isEqualTo(38);
        }
    }

    @Test
    void aLargeLogStreamsWithTheDefaultCap() {
        // 60,000 lines (about 8 MB), twelve times the cap, generated on the fly: never held as a whole
        int lines = 60_000;
        String row = "[ERROR] Failed to load resource: the server responded with a status of 500 () "
                + "@ https://chatgpt.com/backend-api/conversation:0\n";
        ConsoleAnalysis a = new ConsoleAnalyzer(redactor()).analyze(new RepeatingReader(row, lines));

        assertThat(a.format()).isEqualTo("playwright");
        assertThat(a.lineCount()).isEqualTo(lines);
        assertThat(a.errors()).hasSize(ConsoleAnalyzer.DEFAULT_MAX_ERRORS);
        assertThat(a.errorsOmitted()).isEqualTo(lines - ConsoleAnalyzer.DEFAULT_MAX_ERRORS);
        assertThat(a.errors().get(4999).line()).isEqualTo(5000);
    }

    @Test
    void anEndlessLineIsCutNotHeld() {
        // 5 MB without a line break, then a finding: the long line counts once and costs bounded memory
        String log = "x".repeat(5_000_000) + "\n[ERROR] Failed to load resource: net::ERR_CONNECTION_RESET @ https://a.test/:0";
        ConsoleAnalysis a = analyze(log);

        assertThat(a.lineCount()).isEqualTo(2);
        assertThat(a.errors()).singleElement().extracting(ConsoleError::line).isEqualTo(2);
    }

    @Test
    void theJsonIsWhatTheCommandLinePrints() {
        JsonNode root = ConsoleTestSupport.JSON.readTree(json(analyze(fixture("chrome-timestamps.log"))));

        assertThat(root.get("kind").asString()).isEqualTo("console");
        assertThat(root.get("format").asString()).isEqualTo("chrome");
        assertThat(root.get("lineCount").asInt()).isEqualTo(28);
        JsonNode first = root.get("errors").get(0);
        assertThat(first.get("category").asString()).isEqualTo("browser");
        assertThat(first.has("status")).as("nulls are left out").isFalse();
        assertThat(root.get("signals").get(0).get("type").asString()).isEqualTo("blocked_by_client");
        assertThat(root.get("signals").get(0).has("entry")).isFalse();
    }

    /** A reader that repeats one line {@code times} times without building the text. */
    private static final class RepeatingReader extends Reader {
        private final String row;
        private int left;
        private int pos;

        RepeatingReader(String row, int times) {
            this.row = row;
            this.left = times;
        }

        @Override
        public int read(char[] buf, int off, int len) {
            if (left == 0) {
                return -1;
            }
            int n = 0;
            while (n < len && left > 0) {
                int take = Math.min(len - n, row.length() - pos);
                row.getChars(pos, pos + take, buf, off + n);
                n += take;
                pos += take;
                if (pos == row.length()) {
                    pos = 0;
                    left--;
                }
            }
            return n;
        }

        @Override
        public void close() {
        }
    }
}
