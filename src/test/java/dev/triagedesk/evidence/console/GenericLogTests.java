package dev.triagedesk.evidence.console;

import static dev.triagedesk.evidence.console.ConsoleTestSupport.analyze;
import static dev.triagedesk.evidence.console.ConsoleTestSupport.fixture;
import static dev.triagedesk.evidence.console.ConsoleTestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.triagedesk.evidence.Category;
import dev.triagedesk.evidence.Engines;
import dev.triagedesk.evidence.EvidenceException;
import dev.triagedesk.evidence.input.EvidenceDocument;
import dev.triagedesk.evidence.input.EvidenceFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.triagedesk.evidence.RequestId;
import dev.triagedesk.evidence.SignalType;
import dev.triagedesk.evidence.Signal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Logs in a layout no reader knows (app and test-runner output, SDK logs, syslog) are read line by line as
 * {@code generic}: never refused for their layout, and what they hold is found.
 */
class GenericLogTests {

    @Test
    void bracketedIsoLinesWithBracketedLevelsAreReadForWhatTheyHold() {
        ConsoleAnalysis a = analyze(fixture("generic-bracketed-iso.log"));

        assertThat(a.format()).isEqualTo("generic");
        assertThat(a.lineCount()).isEqualTo(10);
        assertThat(a.errors()).extracting(ConsoleError::line, ConsoleError::time, ConsoleError::level,
                ConsoleError::status, ConsoleError::url, ConsoleError::netError).containsExactly(
                tuple(3, "2025-07-29T19:36:31.004Z", "error", 500, "https://chatgpt.com/backend-api/conversation", null),
                tuple(5, "2025-07-29T19:36:31.020Z", "error", 429, "https://api.openai.com/v1/chat/completions", null),
                tuple(6, "2025-07-29T19:36:31.021Z", "error", null, null, null),
                tuple(8, "2025-07-29T19:36:32.500Z", "warning", null, "https://chatgpt.com/backend-api/models",
                        "net::ERR_CONNECTION_RESET"));
        // the timestamp and level are prefixes, not the message
        assertThat(a.errors().get(0).message())
                .isEqualTo("Failed to load resource: the server responded with a status of 500 ()"
                        + " https://chatgpt.com/backend-api/conversation");
        assertThat(a.errors()).extracting(ConsoleError::category).containsExactly(Category.RETRY_LATER,
                Category.SLOW_OR_CHECK_QUOTA, Category.SLOW_OR_CHECK_QUOTA, Category.NETWORK);
        assertThat(a.requestIds()).containsExactly(new RequestId("cf-ray", "8f2b1c3d4e5f6789-FRA"),
                new RequestId("x-request-id", "req_0a1b2c3d4e5f60718293a4b5c6d7e8f9"));
        assertThat(a.signals()).extracting(Signal::type).contains(SignalType.QUOTA_EXHAUSTED,
                SignalType.CONNECTION_FAILURE);
        assertThat(a.found()).isEqualTo("a line-oriented log in a layout of its own, read line by line with"
                + " timestamps (ISO 8601) and levels: 4 errors (2 with an HTTP status, 1 with a net::ERR_ code,"
                + " 3 with a URL, 1 with an error body or code), 2 request IDs");
        assertThat(json(a)).contains("\"format\":\"generic\"", "\"found\":\"a line-oriented log");
    }

    @Test
    void timestampsInEveryCommonFormAreReadAndFailuresFoundWhateverTheLevel() {
        ConsoleAnalysis a = analyze(fixture("generic-mixed-timestamps.log"));

        assertThat(a.format()).isEqualTo("generic");
        assertThat(a.errors()).extracting(ConsoleError::line, ConsoleError::time, ConsoleError::level,
                ConsoleError::status, ConsoleError::url, ConsoleError::netError).containsExactly(
                // logged at INFO, but the response line says 500: a finding, at warning level
                tuple(2, "2025-07-29 19:36:30,901", "warning", 500, "https://api.openai.com/v1/chat/completions", null),
                tuple(4, "Jul 29 19:36:31", "error", 502, "https://chatgpt.com/backend-api/conversation", null),
                tuple(5, "1753817792000", "error", null, "https://ab.chatgpt.com/v1/rgstr", "net::ERR_NAME_NOT_RESOLVED"),
                tuple(7, "19:36:34.000", "error", null, null, null),
                tuple(9, null, "error", 403, null, null));
        // the indented line continues the traceback it belongs to
        assertThat(a.errors().get(3).message()).isEqualTo("Traceback (most recent call last):"
                + " File \"app.py\", line 12, in <module>");
        assertThat(a.errors().get(1).message())
                .isEqualTo("upstream error: status=502 url=https://chatgpt.com/backend-api/conversation");
        assertThat(a.requestIds()).extracting(RequestId::value).containsExactly("req_1332ed8a813a4caaa2f0f3c55a6a68cb");
        assertThat(a.signals()).extracting(Signal::type).contains(SignalType.DNS_FAILURE);
        assertThat(a.found()).startsWith("a line-oriented log in a layout of its own, read line by line with"
                + " timestamps (date and time, syslog, epoch milliseconds, time of day) and levels: 5 errors");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            bracketed ISO              | [2025-07-29T19:36:30.182Z] [info] started\\n[2025-07-29T19:36:31.004Z] [error] boom
            ISO with offset            | 2025-07-29T19:36:30+02:00 ERROR boom\\n2025-07-29T19:36:31+02:00 INFO ok
            date, time and comma       | 2025-07-29 19:36:30,182 - ERROR - boom\\n2025-07-29 19:36:31,182 - INFO - ok
            syslog                     | Jul 29 19:36:30 host app[12]: boom\\nJul 29 19:36:31 host app[12]: ok
            epoch milliseconds         | 1753817790182 boom\\n1753817791182 ok
            bracketed time of day      | [19:36:30.182] boom\\n[19:36:31.182] ok
            no timestamp at all        | Step 1 of 3 passed\\nStep 2 of 3 skipped
            prose                      | # Triage Desk\\nTurns a vague failure report into a support-ready ticket.
            """)
    void aLineOrientedLogInANewLayoutIsNeverRefused(String layout, String head) {
        String text = head.replace("\\n", "\n");

        assertThat(ConsoleAnalyzer.looksLikeConsole(text)).isTrue();
        assertThat(ConsoleAnalyzer.detectFormat(text)).isEqualTo("generic");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ISO                  | 2025-07-29T19:36:30.182Z [error] boom                | 2025-07-29T19:36:30.182Z | error
            bracketed ISO        | [2025-07-29T19:36:30.182Z] [ERROR] boom              | 2025-07-29T19:36:30.182Z | error
            python in brackets   | [2025-07-29 19:36:30,182 - app.client:12 - WARNING] boom | 2025-07-29 19:36:30,182 | warning
            date and time        | 2025-07-29 19:36:30,182 FATAL boom                   | 2025-07-29 19:36:30,182  | error
            slashes              | 2025/07/29 19:36:30 level=error boom                 | 2025/07/29 19:36:30      | error
            syslog               | Jul 29 19:36:30 host app[12]: error: boom            | Jul 29 19:36:30          | error
            epoch seconds        | 1753817790.182 (warn) boom                           | 1753817790.182           | warning
            time of day          | 19:36:30.182 ERR: boom                               | 19:36:30.182             | error
            """)
    void eachLineGivesItsTimestampLevelAndMessage(String form, String line, String time, String level) {
        ConsoleLine l = GenericLines.parse(line);

        assertThat(l.time()).isEqualTo(time);
        assertThat(l.level()).isEqualTo(level);
        assertThat(l.text()).isEqualTo("boom");
    }

    @TempDir
    Path dir;

    @Test
    void anUploadInANewLayoutIsTakenAsAConsoleLogAndOnlyEmptyOrBinaryFilesAreRefused() throws IOException {
        // "[2025-…Z] [info] message" was refused as neither a HAR nor a recognised browser console log
        EvidenceDocument doc = Engines.single(fixture("generic-bracketed-iso.log"));
        assertThat(doc.format()).isEqualTo(EvidenceFormat.CONSOLE);
        assertThat(Engines.engine().analyzeConsole(doc).errors()).hasSize(4);
        assertThat(Engines.single(Engines.write(dir, "notes.txt", "Step 1 passed\nStep 2 passed\n")).format())
                .isEqualTo(EvidenceFormat.CONSOLE);

        assertThatThrownBy(() -> Engines.single(Files.write(dir.resolve("empty.log"), new byte[0])))
                .isInstanceOf(EvidenceException.class).hasMessage("empty.log: the file is empty");
        assertThatThrownBy(() -> Engines.single(Engines.write(dir, "blank.log", " \n\n\t")))
                .isInstanceOf(EvidenceException.class).hasMessage("blank.log: the file holds only white space");
        assertThatThrownBy(() -> Engines.single(Files.write(dir.resolve("data.log"),
                new byte[] {'l', 'o', 'g', 0, 1, 2, 3, 4})))
                .isInstanceOf(EvidenceException.class).hasMessage("data.log: binary data, not a HAR or a console log");
        assertThatThrownBy(() -> Engines.single(Engines.write(dir, "numbers.log", "[1, 2, 3]")))
                .isInstanceOf(EvidenceException.class).hasMessageContaining("a JSON array, not a HAR");
    }

    @Test
    void binaryJsonAndBlankTextAreStillNoConsoleLogs() {
        assertThat(ConsoleAnalyzer.looksLikeConsole("   \n\t\n")).isFalse();
        assertThat(ConsoleAnalyzer.looksLikeConsole("[1, 2, 3]")).isFalse();
        assertThat(ConsoleAnalyzer.looksLikeConsole("onInputData({\"log\": {}})")).isFalse();
        assertThat(ConsoleAnalyzer.looksLikeConsole("\n  \"_resourceType\": \"websocket\",\n")).isFalse();
        assertThat(ConsoleAnalyzer.looksLikeConsole("log\u0000data")).isFalse();
    }
}
