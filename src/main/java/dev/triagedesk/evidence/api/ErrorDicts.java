package dev.triagedesk.evidence.api;

import dev.triagedesk.evidence.ErrorDetail;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an OpenAI error object from the text an SDK prints: a Python repr ({@code {'error': {'message': "You
 * didn't…", 'type': 'insufficient_quota', 'param': None, 'code': 'insufficient_quota'}}}: single or double
 * quotes, {@code None}/{@code True}/{@code False}), JSON, or Node's inspect output ({@code code: 'x',} without
 * quotes around the key). Values are returned as found: the caller redacts them.
 */
final class ErrorDicts {

    /** A key in quotes (repr, JSON) and its value. */
    private static final Pattern QUOTED = Pattern.compile(
            "['\"](message|type|param|code)['\"]\\s*:\\s*(None|null|True|False|true|false|-?\\d+"
                    + "|'((?:[^'\\\\]|\\\\.){0,4000})'|\"((?:[^\"\\\\]|\\\\.){0,4000})\")");
    /** Node's inspect form: {@code   code: 'insufficient_quota',}, one key per line. */
    private static final Pattern INSPECT = Pattern.compile(
            "^\\s*(message|type|param|code)\\s*:\\s*(null|undefined|-?\\d+|'((?:[^'\\\\]|\\\\.){0,4000})'"
                    + "|\"((?:[^\"\\\\]|\\\\.){0,4000})\"|`((?:[^`\\\\]|\\\\.){0,4000})`)\\s*,?\\s*$");

    private ErrorDicts() {
    }

    /** Node's {@code 429 You exceeded…}, Java's {@code 429: …}, Python's {@code Error code: 429} without a dict. */
    private static final Pattern LEADING_STATUS = Pattern.compile("^(?:Error code: )?\\d{3}\\b(?!\\s*-\\s*\\{)");

    /**
     * The error a client exception's message states: its error dict, else .NET's {@code HTTP 429 (type: code)}, else,
     * when it opens with the {@code status}, the text after it; {@code null} when it states none.
     */
    static ErrorDetail ofMessage(String message, Integer status) {
        if (message == null) {
            return null;
        }
        ErrorDetail detail = parse(message);
        Matcher dotnet = ApiLines.DOTNET.matcher(message);
        if (dotnet.find() && detail == null) {
            detail = new ErrorDetail(blankToNull(dotnet.group(2)), blankToNull(dotnet.group(3)), null, null);
        }
        if (detail == null && status != null && LEADING_STATUS.matcher(message).find()) {
            // Node's "429 You exceeded your current quota…", Java's "429: …": the message after the status
            String rest = message.replaceFirst("^(?:Error code: )?\\d{3}:?\\s*(?:-\\s*)?", "").strip();
            if (!rest.isEmpty() && !rest.startsWith("status code (no body)")) {
                detail = new ErrorDetail(null, null, rest, null);
            }
        }
        return detail;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** The error fields of a repr or JSON object in {@code text}, or {@code null} when it holds none. */
    static ErrorDetail parse(String text) {
        if (text == null || text.indexOf(':') < 0) {
            return null;
        }
        String message = null;
        String type = null;
        String param = null;
        String code = null;
        Matcher m = QUOTED.matcher(text);
        while (m.find()) {
            String value = value(m.group(2), m.group(3), m.group(4));
            switch (m.group(1)) {
                case "message" -> message = message == null ? value : message;
                case "type" -> type = type == null ? value : type;
                case "param" -> param = param == null ? value : param;
                default -> code = code == null ? value : code;
            }
        }
        if (message == null && type == null && code == null) {
            return null;
        }
        return new ErrorDetail(type, code, message, param);
    }

    /** One line of Node's inspect output: the key and its value, or {@code null}. */
    static String[] inspectLine(String line) {
        Matcher m = INSPECT.matcher(line);
        if (!m.find()) {
            return null;
        }
        String v = m.group(3) != null ? unescape(m.group(3)) : m.group(4) != null ? unescape(m.group(4))
                : m.group(5) != null ? unescape(m.group(5)) : value(m.group(2), null, null);
        return new String[] {m.group(1), v};
    }

    /** Merges what a later line adds to what was known. */
    static ErrorDetail merge(ErrorDetail known, String key, String value) {
        ErrorDetail k = known == null ? new ErrorDetail(null, null, null, null) : known;
        return switch (key) {
            case "message" -> k.message() != null ? k : new ErrorDetail(k.type(), k.code(), value, k.param());
            case "type" -> k.type() != null ? k : new ErrorDetail(value, k.code(), k.message(), k.param());
            case "param" -> k.param() != null ? k : new ErrorDetail(k.type(), k.code(), k.message(), value);
            default -> k.code() != null ? k : new ErrorDetail(k.type(), value, k.message(), k.param());
        };
    }

    private static String value(String raw, String single, String dbl) {
        if (single != null) {
            return unescape(single);
        }
        if (dbl != null) {
            return unescape(dbl);
        }
        return switch (raw) {
            case "None", "null", "undefined" -> null;
            default -> raw;
        };
    }

    /** Undoes the escapes of a repr or JSON string ({@code \'}, {@code \"}, {@code \n}, {@code \\}). */
    static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                switch (n) {
                    case 'n' -> b.append('\n');
                    case 't' -> b.append('\t');
                    case 'r' -> b.append('\r');
                    default -> b.append(n);
                }
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
