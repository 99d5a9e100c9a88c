package dev.triagedesk.evidence.api;

import dev.triagedesk.evidence.SignalType;
import dev.triagedesk.evidence.triage.NetErrors;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the lines of API client evidence say, as the SDKs print them (openai-python's {@code _base_client.py} before
 * and after its metadata-only change, httpx's request line, openai-node's {@code [log_…]} lines and v4's
 * {@code OpenAI:DEBUG:…}, exceptions of the Python, Node, Java, Go and .NET clients, curl). Patterns match anywhere in
 * a line, so any logging prefix ({@code [2024-05-01 10:00:00 - openai._base_client:979 - DEBUG]},
 * {@code DEBUG:openai._base_client:}, none) is read alike.
 */
final class ApiLines {

    static final String METHODS = "GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS";

    /** Old form: {@code HTTP Response: POST https://… "500 Internal Server Error" Headers({…})}; new: {@code HTTP Response: POST 500}. */
    static final Pattern PY_RESPONSE = Pattern.compile(
            "HTTP Response: (" + METHODS + "|<custom>) (?:(\\S+) \"(\\d{3})(?: ([^\"]*))?\"|(\\d{3})\\b)");
    /** httpx's INFO line: {@code HTTP Request: POST https://… "HTTP/1.1 429 Too Many Requests"}. */
    static final Pattern HTTPX = Pattern.compile(
            "HTTP Request: (" + METHODS + ") (\\S+) \"HTTP/[\\d.]+ (\\d{3})(?: ([^\"]*))?\"");
    /** What {@link #PY_RESPONSE}, {@link #HTTPX} and {@link #PY_REQUEST_ID} start with, for {@link #findAt}. */
    static final String PY_RESPONSE_START = "HTTP Response: ";
    static final String HTTPX_START = "HTTP Request: ";
    static final String PY_REQUEST_ID_START = "request_id: ";

    /**
     * {@code pattern.matcher(text)} after a successful {@code find()}, or null: for a pattern every match of which
     * starts with {@code start} (after a zero-width {@code \b}), tried only where {@code start} occurs instead of
     * at every character of a long line (a prompt, a headers dump). The leftmost such place that matches is the
     * match {@code find()} gives; transparent bounds let {@code \b} see the character before.
     */
    static Matcher findAt(Pattern pattern, String start, String text) {
        Matcher m = null;
        for (int at = text.indexOf(start); at >= 0; at = text.indexOf(start, at + 1)) {
            if (m == null) {
                m = pattern.matcher(text).useTransparentBounds(true);
            }
            if (m.region(at, text.length()).lookingAt()) {
                return m;
            }
        }
        return null;
    }

    static final Pattern PY_SENDING = Pattern.compile("Sending HTTP Request: (" + METHODS + "|<custom>)(?: (\\S+))?");
    static final Pattern PY_OPTIONS = Pattern.compile("Request options: \\{");
    static final Pattern PY_REQUEST_ID = Pattern.compile("\\brequest_id: ([A-Za-z0-9_-]{6,100})");
    static final Pattern PY_RETRY = Pattern.compile("Retrying request(?: to (\\S+))? in ([\\d.]+) seconds");
    static final Pattern PY_NO_RESPONSE = Pattern.compile(
            "Encountered (a timeout exception|Exception)|Raising (timeout|connection) error");
    /** Model and URL inside a Request options dict (repr); the messages beside them are never read. */
    static final Pattern OPTION_MODEL = Pattern.compile("['\"]model['\"]: ['\"]([\\w.:/-]{1,100})['\"]");
    static final Pattern OPTION_URL = Pattern.compile("['\"]url['\"]: ['\"]([^'\"\\s]{1,300})['\"]");
    static final Pattern OPTION_METHOD = Pattern.compile("['\"]method['\"]: ['\"](\\w{3,7})['\"]");

    /** openai-node v5: {@code [log_1a2b3c, retryOf: log_…, x-request-id: "req_…"] POST https://… failed with status 500 in 900ms - retrying, 2 attempts remaining}. */
    static final Pattern NODE_RESPONSE = Pattern.compile(
            "\\[(log_[0-9a-f]{6})(?:, retryOf: (log_[0-9a-f]{6}))?(?:, x-request-id: \"([^\"]{0,120})\")?\\] ("
                    + METHODS + ") (\\S+) (succeeded|failed) with status (\\d{3}) in (\\d+)ms(?: - (.*))?");
    /** openai-node v5: {@code [log_1a2b3c, retryOf: …] connection timed out - retrying, 1 attempts remaining}. */
    static final Pattern NODE_CONNECTION = Pattern.compile(
            "\\[(log_[0-9a-f]{6})(?:, retryOf: (log_[0-9a-f]{6}))?\\] connection (failed|timed out) - (.*)");
    /** openai-node v4: {@code OpenAI:DEBUG:response (error; retrying, 2 attempts remaining) 500 https://…}. */
    static final Pattern NODE4_RESPONSE = Pattern.compile(
            "OpenAI:DEBUG:response(?: \\(error; ([^)]*)\\))? (\\d{3}) (https?://\\S+)");

    /** An exception line: a class ending in Error or Exception, its message. */
    static final Pattern EXCEPTION = Pattern.compile(
            "^\\s*(?:Caused by: |Exception in thread \"[^\"]{0,80}\" |Unhandled exception\\. |Uncaught |\\w+ \\[|Error: )?"
                    + "((?:[\\w$]+\\.){0,8}[A-Z]?[\\w$]*(?:Error|Exception|Exception\\$\\w+))(?:\\]?:\\s*(.*))?$");
    /** A status an exception message states: {@code Error code: 429}, Node's {@code 429 message}, {@code HTTP 429}. */
    static final Pattern MESSAGE_STATUS = Pattern.compile(
            "^(\\d{3})\\b(?!\\.\\d)|\\bError code: (\\d{3})\\b|\\bHTTP (\\d{3})\\b|\\bstatus(?: code)?:? (\\d{3})\\b"
                    + "|\\bStatus: (\\d{3})\\b|\\bCode (\\d{3})\\b|\\b(\\d{3}) (?:Too Many Requests|Internal Server Error|Bad Gateway"
                    + "|Service Unavailable|Gateway Timeout|Unauthorized|Forbidden|Not Found|Bad Request)\\b");
    /** openai-go: {@code POST "https://api.openai.com/v1/chat/completions": 429 Too Many Requests {…}}. */
    static final Pattern GO_ERROR = Pattern.compile(
            "(" + METHODS + ") \"(https?://[^\"]+)\": (\\d{3}) ([A-Za-z ]{0,40}?)\\s*(\\{.*)?$");
    /** .NET: {@code HTTP 429 (insufficient_quota: insufficient_quota)}. */
    static final Pattern DOTNET = Pattern.compile("HTTP (\\d{3}) \\(([\\w.-]*): ([\\w.-]*)\\)");

    /** curl -v's request line and Host, the status line (also curl -i's), a header, a TLS note, an error. */
    static final Pattern CURL_REQUEST = Pattern.compile("^> (" + METHODS + ") (\\S+) HTTP/[\\d.]+");
    static final Pattern CURL_HOST = Pattern.compile("^> [Hh]ost: (\\S+)");
    static final Pattern CURL_STATUS = Pattern.compile("^(?:< )?HTTP/[\\d.]+ (\\d{3})(?: (.*))?$");
    static final Pattern CURL_HEADER = Pattern.compile("^(?:< )?([A-Za-z0-9-]{1,80}): ?(.*)$");
    static final Pattern CURL_ISSUER = Pattern.compile("^\\*\\s+issuer: (.+)$");
    static final Pattern CURL_CONNECTED = Pattern.compile(
            "^\\*\\s+(?:Connected to |Host |subjectAltName: host \"|SNI: )([A-Za-z0-9.-]+)");
    static final Pattern CURL_ERROR = Pattern.compile("curl: \\((\\d+)\\) (.+)$");
    static final Pattern CURL_RETRY = Pattern.compile("Will retry in (\\d+) seconds?");

    /** A header in a Python repr dump: {@code 'x-request-id': 'req_…'}, {@code ('x-request-id', 'req_…')}, {@code (b'…', b'…')}. */
    static final Pattern REPR_HEADER = Pattern.compile(
            "b?['\"]((?i:x-request-id|cf-ray|openai-processing-ms|retry-after(?:-ms)?|x-ratelimit-[a-z-]+))['\"]"
                    + "(?::|,)?\\s*b?['\"]([^'\"]{0,200})['\"]");

    /** A timestamp near the start of a line: ISO 8601 or {@code 2024-05-01 10:00:00,123}. */
    private static final Pattern TIME = Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2})[T ](\\d{2}):(\\d{2}):(\\d{2})(?:[.,:](\\d{1,9}))?(Z|[+-]\\d{2}:?\\d{2})?");

    private ApiLines() {
    }

    /** What a {@code Request options} dict's value may hold: {@link #OPTION_MODEL}, {@link #OPTION_URL}, {@link #OPTION_METHOD}. */
    enum OptionValue {
        MODEL(1, 100), URL(1, 300), METHOD(3, 7);

        final int min;
        final int max;

        OptionValue(int min, int max) {
            this.min = min;
            this.max = max;
        }

        boolean accepts(char c) {
            return switch (this) {
                case MODEL -> word(c) || c == '.' || c == ':' || c == '/' || c == '-';
                case URL -> c != '\'' && c != '"' && c != ' ' && c != '\t' && c != '\n' && c != '\u000B' && c != '\f'
                        && c != '\r';
                case METHOD -> word(c);
            };
        }

        private static boolean word(char c) {
            return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
        }
    }

    /**
     * The first value of {@code 'key': 'value'} (either quote) in a line, found by {@code indexOf} rather than a
     * pattern tried at every character of a long prompt; the same as the {@code OPTION_*} patterns' group 1.
     */
    static String optionValue(String line, String key, OptionValue kind) {
        int n = line.length();
        for (int at = line.indexOf(key); at >= 0; at = line.indexOf(key, at + 1)) {
            int q = at + key.length();
            if (at == 0 || !isQuote(line.charAt(at - 1)) || q + 3 >= n || !isQuote(line.charAt(q))
                    || line.charAt(q + 1) != ':' || line.charAt(q + 2) != ' ' || !isQuote(line.charAt(q + 3))) {
                continue;
            }
            int start = q + 4;
            int end = start;
            while (end < n && kind.accepts(line.charAt(end))) {
                end++;
            }
            int length = end - start;
            if (length >= kind.min && length <= kind.max && end < n && isQuote(line.charAt(end))) {
                return line.substring(start, end);
            }
        }
        return null;
    }

    private static boolean isQuote(char c) {
        return c == '\'' || c == '"';
    }

    /** The time printed near the start of a line, or {@code null}. */
    static Matcher time(String line) {
        int digit = -1;
        int n = Math.min(line.length(), 48);
        for (int i = 0; i < n; i++) {
            if (Character.isDigit(line.charAt(i))) {
                digit = i;
                break;
            }
        }
        if (digit < 0 || digit > 30) {
            return null;
        }
        Matcher m = TIME.matcher(line);
        m.region(digit, Math.min(line.length(), digit + 40));
        return m.lookingAt() ? m : null;
    }

    /** Milliseconds of a matched time on a local time line (differences only: the zone does not matter). */
    static long millis(Matcher m) {
        try {
            LocalDateTime t = LocalDateTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                    Integer.parseInt(m.group(6)));
            long ms = t.toInstant(ZoneOffset.UTC).toEpochMilli();
            String frac = m.group(7);
            if (frac != null) {
                String three = (frac + "00").substring(0, 3);
                ms += Integer.parseInt(three);
            }
            return ms;
        } catch (RuntimeException e) {
            return Long.MIN_VALUE; // a date that does not exist: no waits from it
        }
    }

    /** The first status an exception message states, or {@code null}. */
    static Integer messageStatus(String message) {
        if (message == null) {
            return null;
        }
        Matcher m = MESSAGE_STATUS.matcher(message);
        if (!m.find()) {
            return null;
        }
        for (int g = 1; g <= m.groupCount(); g++) {
            if (m.group(g) != null) {
                int s = Integer.parseInt(m.group(g));
                return s >= 100 && s <= 599 ? s : null;
            }
        }
        return null;
    }

    /**
     * The patterns' {@code \s}: a space or one of {@code \t \n \x0B \f \r} (U+0009 to U+000D), ASCII only (no
     * UNICODE_CHARACTER_CLASS), not {@link Character#isWhitespace}, which also takes the information separators and
     * the Unicode spaces; one compare for most characters.
     */
    static boolean isSpace(char c) {
        return c <= ' ' && (c == ' ' || c >= '\t' && c <= '\r');
    }

    /** Whether an exception class is an API client's own error (rather than a cause such as httpx.ConnectError). */
    static boolean isClientError(String cls) {
        String simple = cls.substring(cls.lastIndexOf('.') + 1);
        return cls.contains("openai") || cls.contains("OpenAI") || simple.startsWith("API")
                || simple.equals("RateLimitError") || simple.equals("InternalServerError")
                || simple.equals("AuthenticationError") || simple.equals("PermissionDeniedError")
                || simple.equals("BadRequestError") || simple.equals("NotFoundError") || simple.equals("ConflictError")
                || simple.equals("UnprocessableEntityError") || simple.equals("ClientResultException")
                || simple.endsWith("RateLimitException") || simple.equals("OpenAIError");
    }

    /**
     * What a failure without a response is evidence of: curl's exit codes (6 host not resolved, 5 proxy not resolved,
     * 35 and 60 TLS, 7 and 28 connection), then the words clients use (through {@link NetErrors#signalFromText}).
     */
    static SignalType failureSignal(String text) {
        Matcher m = CURL_ERROR.matcher(text);
        if (m.find()) {
            switch (m.group(1)) {
                case "6":
                    return SignalType.DNS_FAILURE;
                case "5", "97":
                    return SignalType.PROXY_FAILURE;
                case "35", "51", "58", "60", "77", "83", "90", "91":
                    return SignalType.TLS_INTERCEPTION;
                case "7", "28", "52", "55", "56":
                    return SignalType.CONNECTION_FAILURE;
                default:
                    break;
            }
        }
        if (text.contains("Could not resolve host") || text.contains("nodename nor servname")) {
            return SignalType.DNS_FAILURE;
        }
        return NetErrors.signalFromText(text);
    }

    /** The status an SDK's error class stands for, when the message states none ({@code openai.InternalServerError}). */
    static Integer classStatus(String cls) {
        String simple = cls.substring(cls.lastIndexOf('.') + 1);
        return switch (simple) {
            case "RateLimitError", "RateLimitException" -> 429;
            case "InternalServerError", "InternalServerException" -> 500;
            case "AuthenticationError", "UnauthorizedException" -> 401;
            case "PermissionDeniedError", "PermissionDeniedException" -> 403;
            case "NotFoundError", "NotFoundException" -> 404;
            case "BadRequestError", "BadRequestException" -> 400;
            case "ConflictError" -> 409;
            case "UnprocessableEntityError", "UnprocessableEntityException" -> 422;
            default -> null;
        };
    }

    /** Whether a client error says no response came (a connection failure or timeout). */
    static boolean isNoResponse(String cls, String message) {
        String simple = cls.substring(cls.lastIndexOf('.') + 1);
        return simple.contains("Connection") || simple.contains("Timeout")
                || message != null && (message.startsWith("Connection error") || message.startsWith("Request timed out"));
    }
}
