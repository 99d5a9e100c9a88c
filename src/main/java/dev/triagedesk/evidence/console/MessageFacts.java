package dev.triagedesk.evidence.console;

import dev.triagedesk.evidence.SignalType;
import dev.triagedesk.evidence.triage.AsciiWords;
import dev.triagedesk.evidence.triage.NetErrors;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a console message's text says about a failure, after the message templates in error-facts.md section 6:
 * the kind of failure, the HTTP status and net error it states, the request URL it is about, an error code, and a
 * browser failure phrase that is evidence on its own. Status is read from the browser's own phrasing and a few
 * client-library messages (axios, the OpenAI SDKs), never from object dumps such as {@code {status: 404}}.
 * Values are returned as found: the caller redacts them.
 */
record MessageFacts(Kind kind, Integer status, String netError, String url, String code, String directive,
                    SignalType phraseSignal, String phrase, boolean errorBody) {

    enum Kind {
        /** DevTools' own source-map fetches: never a finding. */
        IGNORED,
        CORS,
        CSP,
        MIXED_CONTENT,
        WEBSOCKET,
        /** "Failed to load resource: …". */
        RESOURCE,
        /** A failed fetch/XHR row: {@code GET https://… 404 (Not Found)}, a Firefox network row. */
        REQUEST,
        /** "Failed to fetch", "NetworkError when attempting…", "Load failed", axios "Network Error". */
        FETCH_FAILED,
        /** An uncaught exception or a thrown error's text. */
        SCRIPT,
        OTHER
    }

    private static final Pattern LINE_NUMBER = Pattern.compile(":\\d+(?::\\d+)?$");
    private static final Pattern STATUS_OF = Pattern.compile("\\bstatus of (\\d{3})\\b");
    /** Chrome's fetch/XHR row: method, URL, optional net error, optional status. */
    private static final Pattern REQUEST = Pattern.compile(
            "\\b(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) ((?:https?|wss?)://\\S+)(?:\\s+(net::ERR_[A-Z0-9_]+))?"
                    + "(?:\\s+(\\d{3})\\b)?");
    private static final Pattern OTHER_STATUS = Pattern.compile(
            "(?:Status code: |\\[HTTP/[\\d.]+ |[Ss]tatus code |\\bError code: )(\\d{3})\\b");
    private static final Pattern CORS_URL = Pattern.compile(
            "(?:Access to [\\w ]{1,40}? at '([^']+)' from origin|remote resource at (\\S+?)\\.?\\s+\\(Reason)");
    private static final Pattern WS_URL = Pattern.compile("WebSocket connection to '([^']+)' failed");
    private static final Pattern REFUSED_URL = Pattern.compile(
            "Refused to [^'\"\u201c]*?['\"\u201c]((?:https?|wss?|blob|data):[^'\"\u201d\\s]+)['\"\u201d]"
                    + "|Refused to (?:load|connect to|execute) ((?:https?|wss?)://\\S+) because");
    private static final Pattern MIXED_URL = Pattern.compile(
            "requested an insecure [\\w ]{0,40}?'([^']+)'|insecure content from (\\S+?)\\.?(?:\\s|$)");
    private static final Pattern OTHER_URL = Pattern.compile(
            "(?:Failed to fetch dynamically imported module: |Loading failed for the <script> with source [\u201c\"]"
                    + "|Loading module from [\u201c\"])((?:https?|wss?)://[^\\s\u201d\"]+)");
    private static final Pattern DIRECTIVE = Pattern.compile(
            "directive:? \"([a-z-]+)|(?:the|in) ([a-z-]+-src|default-src|frame-ancestors) directive");
    private static final Pattern SCRIPT = Pattern.compile(
            "^(?:Uncaught\\b|Unhandled (?:Promise )?Rejection|[A-Z][A-Za-z]*Error\\b(?::|$)|\\[JavaScript Error)");
    private static final Pattern FETCH_FAILED = Pattern.compile(
            "Failed to fetch\\b|NetworkError when attempting|\\bLoad failed\\b|\\bNetwork Error\\b"
                    + "|Loading failed for the <script>|Loading module from .* was blocked");
    /** OpenAI and ChatGPT error codes quoted in a message ({@code "code": "insufficient_quota"}, Python dict repr). */
    private static final Pattern CODE = Pattern.compile(
            "[\"']code[\"']\\s*:\\s*[\"']([a-z][a-z0-9_]{2,63})[\"']|\\b(insufficient_quota|rate_limit_exceeded"
                    + "|model_cap_exceeded|usage_limit_reached|token_expired|invalid_jwt|invalid_api_key"
                    + "|unsupported_country_region_territory|unsupported_country|conversation_not_found"
                    + "|model_not_found|context_length_exceeded|server_is_overloaded)\\b");
    /** How app and SDK logs state a status: the response line, a status field, a request row with its status. */
    private static final List<Pattern> GENERIC_STATUS = List.of(
            Pattern.compile("\\bHTTP/\\d(?:\\.\\d)?\"?\\s+\"?([1-5]\\d\\d)\\b"),
            Pattern.compile("(?i)\\bstatus(?:[ _-]?code)?[\"']?\\s*[:=]?\\s*[\"']?([1-5]\\d\\d)\\b"),
            Pattern.compile("\\b(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\\s+(?:\\S+\\s+)?\"?([1-5]\\d\\d)\\b"),
            Pattern.compile("\\bHTTP(?: error)?:?\\s+([1-5]\\d\\d)\\b"));
    private static final Pattern ANY_URL = Pattern.compile("((?:https?|wss?)://[^\\s\"'<>()\\[\\]{}]+)");
    /** A JSON error body: {@code {"error": {…}}}, {@code "error": "…"}, a {@code "detail"} or an error code. */
    private static final Pattern ERROR_BODY = Pattern.compile(
            "\\{\\s*\"(?:error|errors|detail)\"\\s*:\\s*[{\\[\"]|\"code\"\\s*:\\s*\"[A-Za-z0-9_]{2,64}\"");
    /** Safari's and Firefox's words for failures Chrome names with a net error. */
    private static final List<Map.Entry<String, SignalType>> PHRASES = List.of(
            Map.entry("A server with the specified hostname could not be found", SignalType.DNS_FAILURE),
            Map.entry("NS_ERROR_UNKNOWN_HOST", SignalType.DNS_FAILURE),
            Map.entry("The Internet connection appears to be offline", SignalType.OFFLINE),
            Map.entry("NS_ERROR_OFFLINE", SignalType.OFFLINE),
            Map.entry("NS_ERROR_PROXY_", SignalType.PROXY_FAILURE),
            Map.entry("NS_ERROR_UNKNOWN_PROXY_HOST", SignalType.PROXY_FAILURE),
            Map.entry("An SSL error has occurred", SignalType.TLS_INTERCEPTION),
            Map.entry("The certificate for this server is invalid", SignalType.TLS_INTERCEPTION),
            Map.entry("SEC_ERROR_UNKNOWN_ISSUER", SignalType.TLS_INTERCEPTION),
            Map.entry("MOZILLA_PKIX_ERROR_", SignalType.TLS_INTERCEPTION),
            Map.entry("SSL_ERROR_", SignalType.TLS_INTERCEPTION),
            Map.entry("The network connection was lost", SignalType.CONNECTION_FAILURE),
            Map.entry("Could not connect to the server", SignalType.CONNECTION_FAILURE),
            Map.entry("The request timed out", SignalType.CONNECTION_FAILURE),
            Map.entry("NS_ERROR_CONNECTION_REFUSED", SignalType.CONNECTION_FAILURE),
            Map.entry("NS_ERROR_NET_RESET", SignalType.CONNECTION_FAILURE),
            Map.entry("NS_ERROR_NET_TIMEOUT", SignalType.CONNECTION_FAILURE),
            Map.entry("NS_ERROR_NET_INTERRUPT", SignalType.CONNECTION_FAILURE),
            Map.entry("Connection closed before receiving a handshake response", SignalType.CONNECTION_FAILURE));

    /** A Firefox network row: a failure when its status is 400 or above. */
    static MessageFacts networkRow(Integer status, String url) {
        Kind kind = status != null && status >= 400 ? Kind.REQUEST : Kind.OTHER;
        return new MessageFacts(kind, status, null, url, null, null, null, null, false);
    }

    static MessageFacts read(String text, String anchor) {
        if (text.startsWith(LineParser.SOURCE_MAP)) {
            return new MessageFacts(Kind.IGNORED, null, null, null, null, null, null, null, false);
        }
        int ne = text.indexOf("net::ERR_");
        String netError = ne >= 0 ? NetErrors.find(text.substring(ne)) : null;
        Integer status = null;
        String url = null;
        Kind kind = Kind.OTHER;
        Matcher m;
        if (text.contains("blocked by CORS policy") || text.contains("Cross-Origin Request Blocked")
                || text.contains("CORS request did not succeed")) {
            kind = Kind.CORS;
            url = group(CORS_URL.matcher(text));
        } else if (text.contains("Content Security Policy") || text.contains("Content-Security-Policy")
                || netError != null && netError.startsWith("net::ERR_BLOCKED_BY_CSP")) {
            kind = Kind.CSP;
            url = group(REFUSED_URL.matcher(text));
        } else if (text.contains("Mixed Content:") && text.contains("request has been blocked")
                || text.contains("was not allowed to display insecure content")
                || text.contains("was not allowed to run insecure content")) {
            // an insecure request that was upgraded to HTTPS is no failure: only blocked ones count
            kind = Kind.MIXED_CONTENT;
            url = group(MIXED_URL.matcher(text));
        } else if ((m = WS_URL.matcher(text)).find()) {
            kind = Kind.WEBSOCKET;
            url = m.group(1);
        } else if (text.startsWith("Failed to load resource") || text.contains(" Failed to load resource")) {
            kind = Kind.RESOURCE;
            url = anchorUrl(anchor);
        } else if ((m = REQUEST.matcher(text)).find() && (m.group(3) != null
                || m.group(4) != null && Integer.parseInt(m.group(4)) >= 400)) {
            kind = Kind.REQUEST;
            url = m.group(2);
            status = m.group(4) == null ? null : Integer.valueOf(m.group(4));
        }
        if (kind == Kind.OTHER || kind == Kind.RESOURCE && url == null) {
            // only URLs a template names: a URL in free text ("visit https://react.dev/…") is not the request
            url = group(OTHER_URL.matcher(text));
        }
        if (kind == Kind.OTHER && FETCH_FAILED.matcher(text).find()) {
            kind = Kind.FETCH_FAILED;
        }
        if (kind == Kind.OTHER && SCRIPT.matcher(text).find()) {
            kind = Kind.SCRIPT;
        }
        if (status == null) {
            status = status(text);
        }
        String code = null;
        if ((m = CODE.matcher(text)).find()) {
            code = m.group(1) != null ? m.group(1) : m.group(2);
        }
        String directive = null;
        if (kind == Kind.CSP && (m = DIRECTIVE.matcher(text)).find()) {
            directive = m.group(1) != null ? m.group(1) : m.group(2);
        }
        SignalType phraseSignal = null;
        String phrase = null;
        for (Map.Entry<String, SignalType> p : PHRASES) {
            if (text.contains(p.getKey())) {
                phrase = p.getKey();
                phraseSignal = p.getValue();
                break;
            }
        }
        return new MessageFacts(kind, status, netError, url, code, directive, phraseSignal, phrase, false);
    }

    /**
     * A line of a log in an unknown layout ({@link ConsoleFormat#GENERIC}): what {@link #read} finds, and, since
     * such logs are written by apps and SDKs rather than the browser, also a status in their phrasing
     * ({@code HTTP/1.1 500}, {@code status=429}, {@code POST /v1/x 500}), the URL of a line that states a failure,
     * and a JSON error body.
     */
    static MessageFacts readGeneric(String text) {
        MessageFacts f = read(text, null);
        if (f.kind == Kind.IGNORED) {
            return f;
        }
        Integer status = f.status != null ? f.status : genericStatus(text);
        String url = f.url;
        boolean failed = status != null && status >= 400 || f.netError != null || f.kind == Kind.FETCH_FAILED
                || f.kind == Kind.RESOURCE;
        if (url == null && failed) {
            url = group(ANY_URL.matcher(text));
        }
        Kind kind = f.kind == Kind.OTHER && url != null && status != null && status >= 400 ? Kind.REQUEST : f.kind;
        return new MessageFacts(kind, status, f.netError, url, f.code, f.directive, f.phraseSignal, f.phrase,
                ERROR_BODY.matcher(text).find());
    }

    /**
     * Words (lower case, matched ignoring ASCII case) one of which every failure {@link #readGeneric} can find
     * needs: "err" (net errors, exception names, {@code Error code:}, error bodies, Firefox's and Safari's error
     * names), "status" and "http" (every status form), "fail" and "load" (failed loads and fetches), "cors",
     * "cross", "content" (CSP, mixed content), "websocket", "uncaught", "unhandled", "code" and "detail" (codes and
     * error bodies), and the words of {@link #PHRASES} that hold none of these. A request row's method is matched
     * in upper case ({@link #METHODS}); an error code without a quoted {@code code} has a '_'.
     */
    private static final String[] FAILURE_WORDS = {"err", "status", "http", "fail", "load", "cors", "cross",
        "content", "websocket", "uncaught", "unhandled", "code", "detail", "hostname", "offline", "certificate",
        "connect", "timed"};
    /** The methods {@link #REQUEST} and a status after a method need, as written there (upper case). */
    private static final String[] METHODS = {"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"};

    /**
     * Whether {@link #readGeneric} may find a failure in the text ({@link #statesFailure()}); false only when it
     * certainly finds none, which a look for the words every pattern needs tells for a fraction of the patterns'
     * cost. An app's routine lines beside an SDK's ("processed batch 23400 in 445 ms") are most of what the generic
     * reader is given, and logged below error they hold nothing it reports. Any character outside ASCII answers
     * true (some patterns hold typographic quotes).
     */
    static boolean mayStateFailure(String text) {
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c >= 0x80 || c == '_') {
                return true;
            }
            int letter = (c | 0x20) - 'a'; // an ASCII letter of either case, as 0 to 25
            if (letter < 0 || letter >= 26) {
                continue;
            }
            if (c <= 'Z') {
                for (String m : METHODS_BY_LETTER[letter]) {
                    if (text.startsWith(m, i)) {
                        return true;
                    }
                }
            }
            for (String w : FAILURE_WORDS_BY_LETTER[letter]) {
                if (AsciiWords.at(text, i, w)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@link #FAILURE_WORDS} by their first letter ({@code 'a'} first): a letter is compared with its own only. */
    private static final String[][] FAILURE_WORDS_BY_LETTER = byFirstLetter(FAILURE_WORDS);
    /** {@link #METHODS} so too, by their first letter in lower case. */
    private static final String[][] METHODS_BY_LETTER = byFirstLetter(METHODS);

    private static String[][] byFirstLetter(String[] words) {
        String[][] table = new String[26][];
        for (int letter = 0; letter < 26; letter++) {
            char first = (char) ('a' + letter);
            table[letter] = Arrays.stream(words).filter(w -> (w.charAt(0) | 0x20) == first).toArray(String[]::new);
        }
        return table;
    }

    private static Integer genericStatus(String text) {
        for (Pattern p : GENERIC_STATUS) {
            Matcher m = p.matcher(text);
            if (m.find()) {
                int s = Integer.parseInt(m.group(1));
                if (s >= 100 && s <= 599) {
                    return s;
                }
            }
        }
        return null;
    }

    /** A request-level failure: the finding is worth reporting even at warning level. */
    boolean networkish() {
        return switch (kind) {
            case CORS, CSP, MIXED_CONTENT, WEBSOCKET, RESOURCE, REQUEST, FETCH_FAILED -> true;
            default -> netError != null || phraseSignal != null || status != null && status >= 400;
        };
    }

    /**
     * Whether a generic log's message states a failure (reported below error level too): a request-level failure,
     * an error by its text, an error code or an error body.
     */
    boolean statesFailure() {
        return networkish() || errorByText() || code != null || errorBody;
    }

    /** Whether the text alone says this is an error (for formats that print no level). */
    boolean errorByText() {
        return kind != Kind.OTHER && kind != Kind.IGNORED || networkish();
    }

    private static Integer status(String text) {
        Matcher m = STATUS_OF.matcher(text);
        if (!m.find()) {
            m = OTHER_STATUS.matcher(text);
            if (!m.find()) {
                return null;
            }
        }
        int s = Integer.parseInt(m.group(1));
        return s >= 100 && s <= 599 ? s : null;
    }

    /** The resource a "Failed to load resource" row is about: its anchor without the line number. */
    private static String anchorUrl(String anchor) {
        if (anchor == null || anchor.isEmpty()) {
            return null;
        }
        String a = LINE_NUMBER.matcher(anchor).replaceFirst("");
        return a.isEmpty() || a.toLowerCase(Locale.ROOT).equals("(index)") ? null : a;
    }

    private static String group(Matcher m) {
        if (!m.find()) {
            return null;
        }
        for (int g = 1; g <= m.groupCount(); g++) {
            if (m.group(g) != null) {
                return m.group(g);
            }
        }
        return null;
    }
}
