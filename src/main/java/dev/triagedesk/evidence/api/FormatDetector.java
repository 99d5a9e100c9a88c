package dev.triagedesk.evidence.api;

import dev.triagedesk.evidence.console.ConsoleAnalyzer;
import java.util.regex.Pattern;

/**
 * Tells API client evidence from other text by the head of a file (the first 64 KB): lines only an OpenAI SDK's
 * logging, a client's exception or curl prints. An application log that merely mentions a status or a request ID is
 * not claimed: it stays with the console reader's generic layout.
 */
final class FormatDetector {

    private static final Pattern NODE = Pattern.compile(
            "\\[log_[0-9a-f]{6}(?:, retryOf: log_[0-9a-f]{6})?(?:, x-request-id: \"[^\"]*\")?\\] (?:[A-Z]+ \\S+ "
                    + "(?:succeeded|failed) with status \\d{3}|connection (?:failed|timed out)|sending request"
                    + "|response (?:start|error|parsed))|OpenAI:DEBUG:(?:request|response)");
    private static final Pattern PYTHON = Pattern.compile(
            "openai\\._base_client|\\bRequest options: \\{|\\bHTTP Response: [A-Z]+ (?:https?://\\S+ \"\\d{3}|\\d{3}\\b)"
                    + "|\\bRetrying request (?:to \\S+ )?in [\\d.]+ seconds"
                    + "|\\bHTTP Request: [A-Z]+ https?://\\S*(?:openai|/v1/)\\S* \"HTTP/[\\d.]+ \\d{3}");
    /** curl -v: the request line it sends, the status line it got, its connection and TLS notes. */
    private static final Pattern CURL_REQUEST = Pattern.compile("(?m)^> [A-Z]+ /\\S* HTTP/[\\d.]+");
    private static final Pattern CURL_RESPONSE = Pattern.compile("(?m)^< HTTP/[\\d.]+ \\d{3}");
    private static final Pattern CURL_NOTE = Pattern.compile(
            "(?m)^\\*\\s+(?:Trying \\S+|Connected to \\S+|SSL connection using|issuer: |subjectAltName: |Server certificate:"
                    + "|ALPN)");
    /** curl's own error line: {@code curl: (6) Could not resolve host: api.openai.com}. */
    private static final Pattern CURL_ERROR = Pattern.compile("(?m)^curl: \\(\\d{1,3}\\) \\S");
    /** curl -i: a status line at the very start, then headers. */
    private static final Pattern CURL_I = Pattern.compile("^\\s*HTTP/[\\d.]+ \\d{3}[^\\n]*\\r?\\n[A-Za-z0-9-]+: ");
    private static final Pattern TRACEBACK = Pattern.compile(
            "(?m)^\\s*(?:(?:Caused by: |Exception in thread \"[^\"]*\" )?"
                    + "[\\w.$]*(?:openai|OpenAI)[\\w.$]*\\.\\w*(?:Error|Exception):"
                    + "|(?:Uncaught )?(?:RateLimitError|APIConnectionError|APITimeoutError|InternalServerError"
                    + "|AuthenticationError|PermissionDeniedError|BadRequestError|NotFoundError|APIError"
                    + "|UnprocessableEntityError|ConflictError): (?:\\d{3} |Connection error|Request timed out)"
                    + "|System\\.ClientModel\\.ClientResultException:)"
                    + "|(?:POST|GET|DELETE) \"https://api\\.openai\\.com/v1/[^\"]*\": \\d{3} "
                    + "|\\bError code: \\d{3} - \\{['\"]error['\"]: ");

    private FormatDetector() {
    }

    /** The format the head reads as, or {@code null} when it is not API client evidence. */
    static ApiLogFormat detect(String head) {
        if (head == null || head.isEmpty()) {
            return null;
        }
        if (NODE.matcher(head).find()) {
            return ApiLogFormat.OPENAI_NODE;
        }
        if (PYTHON.matcher(head).find()) {
            return ApiLogFormat.OPENAI_PYTHON;
        }
        if (CURL_I.matcher(head).find() || curlVerbose(head)) {
            return ApiLogFormat.CURL;
        }
        if (TRACEBACK.matcher(head).find() && !browserConsole(head)) {
            return ApiLogFormat.TRACEBACK;
        }
        return null;
    }

    /**
     * An exception line alone can sit in a browser's console (a page that calls the API and logs its error): such a
     * log stays with the console reader, which reads its layout. Only text the console reader would read as a
     * line-oriented log of its own layout ({@code generic}, {@code plain}) is taken as a traceback.
     */
    private static boolean browserConsole(String head) {
        if (!ConsoleAnalyzer.looksLikeConsole(head)) {
            return false;
        }
        String format = ConsoleAnalyzer.detectFormat(head);
        return !"generic".equals(format) && !"plain".equals(format);
    }

    /** Two different kinds of curl's marked lines, or three of its notes: one alone could be a quote in any log. */
    private static boolean curlVerbose(String head) {
        boolean request = CURL_REQUEST.matcher(head).find();
        boolean response = CURL_RESPONSE.matcher(head).find();
        var notes = CURL_NOTE.matcher(head);
        int noteCount = 0;
        while (noteCount < 3 && notes.find()) {
            noteCount++;
        }
        return request && (response || noteCount > 0) || response && noteCount > 0 || noteCount >= 3
                || CURL_ERROR.matcher(head).find();
    }
}
