package dev.triagedesk.evidence.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Format detection reads content, never a file name. */
class ConsoleFormatsTests {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            chrome     | main.js:12 Loaded\\nmain.js:14  Uncaught TypeError: x is undefined\\nload @ main.js:14
            chrome     | 12:01:02.345 VM12:1 hello\\n12:01:03.001 chatgpt.com/:1  Failed to load resource: net::ERR_FAILED
            chrome     | Failed to load resource: the server responded with a status of 404 () a.png:1
            firefox    | GEThttps://chatgpt.com/\\n[HTTP/2 200  12ms]\\n\\nXHRPOSThttps://chatgpt.com/api\\n[HTTP/2 403  104ms]
            firefox    | 10:00:00.001 GEThttps://a.test/\\n10:00:00.002 Cross-Origin Request Blocked: x. (Reason: CORS request did not succeed).
            safari     | [Log] ready (main.js, line 3)\\n[Error] Failed to load resource: the server responded with a status of 429 () (envelope, line 0)
            playwright | Total messages: 2 (Errors: 1, Warnings: 0)\\nReturning 1 messages for level "error"\\n\\n[ERROR] x @ https://a.test/:0
            playwright | [ERROR] Failed to load resource: net::ERR_FAILED @ https://a.test/:0\\n[LOG] ok @ https://a.test/:1
            puppeteer  | [log] 2025-07-24T14:47:33.407Z fullUrl\\n[error] 2025-07-24T14:47:34.000Z boom
            captured   | debug: [vite] connecting...\\nerror: Failed to load resource: the server responded with a status of 401 ()
            plain      | The page says net::ERR_CONNECTION_RESET when I open chatgpt.com
            plain      | 12:00:01.100 POST https://api.openai.com/v1/chat/completions 429 (Too Many Requests)
            """)
    void detectsEachFormatFromContent(String format, String head) {
        String text = head.replace("\\n", "\n");

        assertThat(ConsoleAnalyzer.detectFormat(text)).isEqualTo(format);
        assertThat(ConsoleAnalyzer.looksLikeConsole(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "{\"log\":{\"version\":\"1.2\",\"entries\":[]}}",
        "  [ {\"a\": 1} ]",
        "binary\u0000\u0001\u0002 data"})
    void emptyJsonAndBinaryAreNotConsoleLogs(String head) {
        assertThat(ConsoleAnalyzer.looksLikeConsole(head)).isFalse();
        assertThat(ConsoleAnalyzer.detectFormat(head)).isEqualTo("plain");
    }
}
