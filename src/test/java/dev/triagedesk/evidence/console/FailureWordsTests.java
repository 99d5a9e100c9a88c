package dev.triagedesk.evidence.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triagedesk.evidence.Corpus;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link MessageFacts#mayStateFailure} lets the generic reader skip its patterns for a message logged below error:
 * it may answer true for a text without a failure, never false for one with a failure, or a finding would go.
 */
class FailureWordsTests {

    /** One message per way {@link MessageFacts#readGeneric} finds a failure. */
    @ParameterizedTest
    @ValueSource(strings = {
        "GET https://api.example.com/v1/items net::ERR_CONNECTION_RESET",
        "Access to fetch at 'https://a.example/x' from origin 'https://b.example' has been blocked by CORS policy",
        "Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource",
        "Refused to load https://x.example/a.js because it violates the Content Security Policy directive",
        "Mixed Content: The page was loaded over HTTPS, but requested an insecure resource; this request has been blocked",
        "The page at x was not allowed to display insecure content from http://y.example/a.png",
        "WebSocket connection to 'wss://x.example/ws' failed",
        "Failed to load resource: the server responded with a status of 404 (Not Found)",
        "POST https://api.example.com/v1/chat 500 (Internal Server Error)",
        "Failed to fetch", "NetworkError when attempting to fetch resource.", "Load failed", "axios Network Error",
        "Loading module from https://x.example/m.js was blocked because of a disallowed MIME type",
        "Uncaught TypeError: x is undefined", "Unhandled Promise Rejection: boom", "RangeError: too deep",
        "[JavaScript Error: oops]", "request ended with status 503", "upstream said Status code: 429",
        "got HTTP/1.1 502 Bad Gateway", "HTTP error 500", "POST /v1/embeddings 429", "call failed: Error code: 500",
        "quota: insufficient_quota reached", "body {'code': 'model_not_found'}", "{\"detail\": \"no such model\"}",
        "{\"error\": {\"message\": \"x\"}}", "A server with the specified hostname could not be found.",
        "The Internet connection appears to be offline.", "NS_ERROR_UNKNOWN_HOST",
        "An SSL error has occurred and a secure connection to the server cannot be made.",
        "The certificate for this server is invalid.", "SEC_ERROR_UNKNOWN_ISSUER",
        "The network connection was lost.", "Could not connect to the server.", "The request timed out.",
        "Connection closed before receiving a handshake response", "status=500 on /v1/x",
        "weird \u201chttps://x.example\u201d quote"})
    void everyFailureTheReaderFindsPassesTheLook(String text) {
        assertThat(MessageFacts.mayStateFailure(text)).isTrue();
        if (!text.startsWith("weird")) {
            assertThat(MessageFacts.readGeneric(text).statesFailure()).as(text).isTrue();
        }
    }

    @Test
    void routineAppLinesAreToldApartWithoutThePatterns() {
        for (String text : List.of("app.worker: processed batch 23400 in 445 ms", "starting worker pool of 4",
                "cache warmed in 12 ms; 5120 keys")) {
            assertThat(MessageFacts.mayStateFailure(text)).as(text).isFalse();
            assertThat(MessageFacts.readGeneric(text).statesFailure()).as(text).isFalse();
        }
    }

    @Test
    void noLineOfTheCorporaOrTheSamplesStatesAFailureTheLookMisses() {
        List<String> lines = Corpus.consoleAndSampleLines();
        assertThat(lines).hasSizeGreaterThan(1000);
        int failures = 0;
        for (String line : lines) {
            // whole lines, and the message a prefix strips off
            for (String text : List.of(line, GenericLines.parse(line).text() == null ? "" : GenericLines.parse(line).text())) {
                if (MessageFacts.readGeneric(text).statesFailure()) {
                    failures++;
                    assertThat(MessageFacts.mayStateFailure(text)).as(text).isTrue();
                }
            }
        }
        assertThat(failures).isGreaterThan(100);
    }

    /** Random messages of pattern pieces and ordinary words, in random case: the look never misses a failure. */
    @Test
    void randomMessagesNeverStateAFailureTheLookMisses() {
        String[] pieces = {"GET ", "POST ", "get ", "https://api.example.com/v1/x ", "HTTP/1.1 ", "HTTP ", "status ",
            "status of ", "code", "'code': 'rate_limit' ", "\"error\": {", "\"detail\": \"", "500 ", "429 ", "200 ",
            "404", " (Not Found)", "Error", "error: ", "Failed to ", "fetch ", "load ", "resource ", "CORS ",
            "Content ", "Security Policy ", "insecure content ", "WebSocket connection to 'wss://x' failed ",
            "Uncaught ", "net::ERR_FAILED ", "timed out ", "connect ", "Internet ", "offline ", "processed ",
            "batch ", "in ", "ms ", "worker ", "app.worker: ", "the ", "a ", ": ", "= ", "{", "}", "[", "]", "'",
            "\"", " ", "1", "9", "x", "_", "NS_ERROR_OFFLINE ", "Network Error ", "Load failed ", "Status code: "};
        Random random = new Random(12);
        int failures = 0;
        for (int n = 0; n < 50_000; n++) {
            StringBuilder b = new StringBuilder();
            int count = 1 + random.nextInt(8);
            for (int k = 0; k < count; k++) {
                String p = pieces[random.nextInt(pieces.length)];
                b.append(switch (random.nextInt(4)) {
                    case 0 -> p.toUpperCase(java.util.Locale.ROOT);
                    case 1 -> p.toLowerCase(java.util.Locale.ROOT);
                    default -> p;
                });
            }
            String text = b.toString();
            if (MessageFacts.readGeneric(text).statesFailure()) {
                failures++;
                assertThat(MessageFacts.mayStateFailure(text)).as(text).isTrue();
            }
        }
        assertThat(failures).isGreaterThan(1000);
    }

    /**
     * The look answers as it did when each letter was compared with every word through the JDK's case-insensitive
     * compare (kept here as the reference), on random texts of the words' pieces, methods, and characters beyond
     * ASCII that fold to ASCII letters.
     */
    @Test
    void answersAsTheWordByWordLookOnRandomTexts() {
        String[] pieces = {"st", "atus", "STATUS", "Err", "err", "http", "HTTP", "fail", "lo", "ad", "cors", "cro",
            "ss", "content", "web", "socket", "uncaught", "unhandled", "co", "de", "detail", "hostname", "offline",
            "certificate", "connect", "timed", "GET", "Get", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS",
            "processed batch ", "in ", "ms", " ", "1", "_", "-", ":", "\u017f", "\u212a", "\u0131", "\u00e9",
            "x", "Q", "[", "`", "@", "{"};
        Random random = new Random(3);
        int yes = 0;
        int no = 0;
        for (int n = 0; n < 100_000; n++) {
            StringBuilder b = new StringBuilder();
            int count = random.nextInt(6);
            for (int k = 0; k < count; k++) {
                b.append(pieces[random.nextInt(pieces.length)]);
            }
            String text = b.toString();
            boolean expected = wordByWord(text);
            assertThat(MessageFacts.mayStateFailure(text)).as(text).isEqualTo(expected);
            if (expected) {
                yes++;
            } else {
                no++;
            }
        }
        assertThat(yes).isGreaterThan(10_000);
        assertThat(no).isGreaterThan(10_000);
    }

    private static final String[] FAILURE_WORDS = {"err", "status", "http", "fail", "load", "cors", "cross",
        "content", "websocket", "uncaught", "unhandled", "code", "detail", "hostname", "offline", "certificate",
        "connect", "timed"};
    private static final String[] METHODS = {"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"};

    /** The look as it was written first. */
    private static boolean wordByWord(String text) {
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c >= 0x80 || c == '_') {
                return true;
            }
            if (c >= 'A' && c <= 'Z') {
                for (String m : METHODS) {
                    if (c == m.charAt(0) && text.startsWith(m, i)) {
                        return true;
                    }
                }
                c = (char) (c + ('a' - 'A'));
            }
            if (c >= 'a' && c <= 'z') {
                for (String w : FAILURE_WORDS) {
                    if (c == w.charAt(0) && text.regionMatches(true, i, w, 0, w.length())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
