package dev.triagedesk.evidence.console;

import dev.triagedesk.evidence.console.ConsoleLine.Kind;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one line on its own: which prefix it carries (timestamp, level, source anchor), whether it is a stack
 * frame, and the message text left once the prefixes are gone. Lines of other formats are still recognised where
 * they cannot be mistaken (a {@code [Error]} line inside a Chrome copy), because people paste logs together.
 */
final class LineParser {

    /** DevTools (Chrome 126+) appends "Understand this error" to error and warning rows; newer builds add "AI". */
    private static final Pattern MARKER = Pattern.compile("Understand this (error|warning)(?:AI)?\\s*$");
    private static final Pattern PW_HEADER = Pattern.compile(
            "^(?:Total messages: \\d+|Returning \\d+ messages? for level)");
    /** {@code [ERROR] …} (Playwright), {@code [Error] …} (Safari), {@code [error] 2024-…Z …} (Puppeteer). */
    private static final Pattern BRACKET = Pattern.compile(
            "^\\[(error|warning|warn|log|info|debug|verbose|trace|assert)\\](?:\\s+|$)(.*)$", Pattern.CASE_INSENSITIVE);
    /** Captured logs: {@code error: message}; lower case only, "Error: x" is an exception's text. */
    private static final Pattern CAPTURED = Pattern.compile(
            "^(error|warning|warn|log|info|debug|verbose|trace|assert):(?:\\s+|$)(.*)$");
    private static final Pattern ISO = Pattern.compile(
            "^(\\d{4}-\\d\\d-\\d\\d[T ]\\d\\d:\\d\\d:\\d\\d(?:[.,]\\d+)?(?:Z|[+-]\\d\\d:?\\d\\d)?)(?:\\s+|$)(.*)$");
    static final Pattern CLOCK = Pattern.compile("^(\\d{1,2}:\\d\\d:\\d\\d(?:\\.\\d{1,6})?)(?:\\s+|$)(.*)$");
    /** Playwright's source location at the end of a message: {@code … @ https://host/app.js:12} or {@code @ :0}. */
    private static final Pattern PW_SUFFIX = Pattern.compile("^(.*?)\\s*@ (\\S*:\\d+)\\s*$");
    /** Safari's location: {@code … (envelope, line 0)}. */
    private static final Pattern SAFARI_SUFFIX = Pattern.compile("^(.*?)\\s*\\(([^()]*), line (\\d+)\\)\\s*$");
    /** Chrome's anchor before the message: {@code main.js:12}, {@code VM12:1}, {@code (index):1}, {@code host/path?q:1}. */
    private static final Pattern ANCHOR = Pattern.compile("^(\\S+:\\d+)(?:(\\s+)(.*))?$");
    private static final Pattern CLOCK_LIKE = Pattern.compile("^\\d{1,2}:\\d\\d$");
    /** Chrome's anchor at the end, as in some pasted copies: {@code Failed to load resource: … 404 () close.png:1}. */
    private static final Pattern TRAILING_ANCHOR = Pattern.compile("^(.*\\S)\\s+(\\S+:\\d+)$");
    /** Firefox: {@code file.js:12:34} at the end of a message. */
    private static final Pattern FF_LOCATION = Pattern.compile("^(.*?)\\s+(\\S+:\\d+:\\d+)\\s*$");
    /** Firefox network rows: {@code GEThttps://…}, {@code XHRPOSThttps://…}, maybe with the status on the same line. */
    private static final Pattern FF_REQUEST = Pattern.compile(
            "^(?:XHR|fetch|beacon)?(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|CONNECT) ?((?:https?|wss?)://\\S+)(.*)$");
    private static final Pattern FF_STATUS = Pattern.compile("\\[HTTP/[\\d.]+\\s+(\\d{3})\\b[^\\]]*\\]");
    /** What follows the URL in Chrome's row for a failed request: a status or a net error. */
    private static final Pattern CHROME_REQUEST_TAIL = Pattern.compile("\\s+(?:[1-5]\\d\\d\\b|net::ERR_)");

    // Stack frames, as each browser prints them.
    private static final Pattern FRAME_V8 = Pattern.compile("^(?:\\s+at\\s+\\S.*|at\\s+\\S.*:\\d+(?::\\d+)?\\)?)$");
    static final Pattern FRAME_DEVTOOLS = Pattern.compile("^[^\\s\\[].*? @ \\S+:\\d+(?::\\d+)?\\s*$");
    private static final Pattern FRAME_SAFARI = Pattern.compile("^\\s*\\S.*? \u2014 \\S+:\\d+(?::\\d+)?\\s*$");
    private static final Pattern FRAME_PAREN = Pattern.compile("^\\s+\\S.*\\(\\S+:\\d+(?::\\d+)?\\)\\s*$");
    private static final Pattern FRAME_GECKO = Pattern.compile("^\\s*[^\\s@]*@\\S+:\\d+:\\d+\\s*$");
    private static final Pattern FRAME_ASYNC = Pattern.compile("^\\s*(?:Promise\\.\\w+|setTimeout|setInterval"
            + "|requestAnimationFrame|requestIdleCallback|queueMicrotask|XMLHttpRequest\\.send|postMessage"
            + "|await in \\S.*|\\S.* \\(async\\)|<[A-Za-z_][\\w.:$-]*>|\"use (?:server|client)\"|\\[native code\\]"
            + "|global code|\\(anonymous function\\)|promiseReactionJob)\\s*$");

    /** Messages that start a new entry wherever they appear, even without any prefix. */
    private static final Pattern STRONG_START = Pattern.compile("^(?:Failed to load resource\\b"
            + "|(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) (?:https?|wss?)://"
            + "|Access to [\\w ]{1,40}? at '|Cross-Origin Request Blocked|Refused to |Mixed Content:"
            + "|WebSocket connection to |Uncaught\\b|Unhandled (?:Promise )?Rejection|[A-Z][A-Za-z]*Error\\b(?::|$)"
            + "|Failed to fetch\\b|NetworkError when|net::ERR_|Loading failed for the|Loading module from"
            + "|DevTools failed to load)");
    static final String SOURCE_MAP = "DevTools failed to load source map";

    private LineParser() {
    }

    static ConsoleLine parse(String raw, ConsoleFormat format) {
        String marker = null;
        Matcher mm = MARKER.matcher(raw);
        if (mm.find()) {
            marker = mm.group(1);
            raw = raw.substring(0, mm.start());
            if (raw.isBlank()) {
                return ConsoleLine.of(Kind.MARKER, "", false).withMarker(marker);
            }
        }
        ConsoleLine line = format == ConsoleFormat.GENERIC ? GenericLines.parse(raw) : read(raw, format);
        return line.withMarker(marker);
    }

    private static ConsoleLine read(String raw, ConsoleFormat format) {
        String trimmed = raw.strip();
        boolean indented = !raw.isEmpty() && Character.isWhitespace(raw.charAt(0));
        if (trimmed.isEmpty()) {
            return ConsoleLine.of(Kind.BLANK, "", indented);
        }
        if (format == ConsoleFormat.PLAYWRIGHT && PW_HEADER.matcher(trimmed).find()) {
            return ConsoleLine.of(Kind.HEADER, trimmed, indented);
        }
        Matcher m = BRACKET.matcher(trimmed);
        if (m.matches()) {
            return bracketed(m.group(1), m.group(2), null, indented);
        }
        if (isFrame(raw, format)) {
            boolean closed = format == ConsoleFormat.PLAYWRIGHT && PW_SUFFIX.matcher(raw).matches();
            return new ConsoleLine(Kind.FRAME, null, null, null, 0, trimmed, null, closed, indented, null, null, null);
        }
        String time = null;
        String s = trimmed;
        if (!indented || format == ConsoleFormat.FIREFOX) {
            Matcher c = CLOCK.matcher(s);
            if (c.matches()) {
                time = c.group(1);
                s = c.group(2);
            } else if ((c = ISO.matcher(s)).matches()) {
                time = c.group(1);
                s = c.group(2);
            }
            if (time != null && (m = BRACKET.matcher(s)).matches()) {
                return bracketed(m.group(1), m.group(2), time, indented);
            }
        }
        if (format == ConsoleFormat.FIREFOX || format == ConsoleFormat.PLAIN) {
            ConsoleLine net = network(s, time, indented);
            if (net != null) {
                return net;
            }
        }
        if ((format == ConsoleFormat.CAPTURED || format == ConsoleFormat.PLAIN) && !indented
                && (m = CAPTURED.matcher(s)).matches()) {
            return start(time, level(m.group(1)), null, 0, m.group(2), false, indented);
        }
        if (format == ConsoleFormat.CHROME && !indented && (m = ANCHOR.matcher(s)).matches()
                && !CLOCK_LIKE.matcher(m.group(1)).matches()) {
            String text = m.group(3) == null ? "" : m.group(3);
            return start(time, null, m.group(1), m.group(2) == null ? 0 : m.group(2).length(), text, false, indented);
        }
        if (format == ConsoleFormat.FIREFOX && !indented) {
            Matcher loc = FF_LOCATION.matcher(s);
            return loc.matches() ? start(time, null, loc.group(2), 0, loc.group(1), false, indented)
                    : start(time, null, null, 0, s, false, indented);
        }
        // in the formats that prefix every message, an unprefixed line continues the one before
        boolean prefixed = format == ConsoleFormat.PLAYWRIGHT || format == ConsoleFormat.SAFARI
                || format == ConsoleFormat.PUPPETEER || format == ConsoleFormat.CAPTURED;
        if (!prefixed && STRONG_START.matcher(s).find() || time != null && !indented) {
            return start(time, null, null, 0, s, false, indented);
        }
        return ConsoleLine.of(Kind.TEXT, s, indented);
    }

    /** A {@code [level]} row; Puppeteer puts its timestamp after the level, others may put one before. */
    private static ConsoleLine bracketed(String levelWord, String rest, String time, boolean indented) {
        Matcher iso = ISO.matcher(rest);
        if (iso.matches()) {
            time = iso.group(1);
            rest = iso.group(2);
        }
        String anchor = null;
        boolean closed = false;
        Matcher pw = PW_SUFFIX.matcher(rest);
        Matcher safari;
        if (pw.matches()) {
            rest = pw.group(1);
            anchor = pw.group(2);
            closed = true;
        } else if ((safari = SAFARI_SUFFIX.matcher(rest)).matches()) {
            rest = safari.group(1);
            anchor = safari.group(2).strip() + ":" + safari.group(3);
        }
        return start(time, level(levelWord), anchor, 0, rest, closed, indented);
    }

    private static ConsoleLine network(String s, String time, boolean indented) {
        Matcher m = FF_REQUEST.matcher(s);
        if (m.matches() && CHROME_REQUEST_TAIL.matcher(m.group(3)).lookingAt()
                && s.charAt(m.end(1)) == ' ') {
            return null; // Chrome's fetch/XHR row ("POST https://… 429 (Too Many Requests)"): a message, not a row
        }
        if (m.matches()) {
            Matcher st = FF_STATUS.matcher(m.group(3));
            Integer status = st.find() ? Integer.valueOf(st.group(1)) : null;
            String text = m.group(1) + ' ' + m.group(2) + (m.group(3).isBlank() ? "" : ' ' + m.group(3).strip());
            return new ConsoleLine(Kind.NET_REQUEST, time, null, null, 0, text, null, false, indented, m.group(1),
                    m.group(2), status);
        }
        m = FF_STATUS.matcher(s);
        if (m.lookingAt()) {
            return new ConsoleLine(Kind.NET_STATUS, time, null, null, 0, s, null, false, indented, null, null,
                    Integer.valueOf(m.group(1)));
        }
        return null;
    }

    /**
     * A message start. DevTools writes the source-map warning without anchor, so pasted copies run it into the
     * previous line: that part is cut off (source maps are DevTools' own fetches, not the page's). A trailing
     * anchor ({@code … close.png:1}) is taken as the anchor.
     */
    private static ConsoleLine start(String time, String level, String anchor, int gap, String text, boolean closed,
                                     boolean indented) {
        int sm = text.indexOf(SOURCE_MAP);
        if (sm > 0) {
            text = text.substring(0, sm).strip();
        }
        if (anchor == null && text.startsWith("Failed to load resource")) {
            Matcher t = TRAILING_ANCHOR.matcher(text);
            if (t.matches() && !t.group(1).endsWith(":")) {
                text = t.group(1);
                anchor = t.group(2);
            }
        }
        return new ConsoleLine(Kind.START, time, level, anchor, gap, text, null, closed, indented, null, null, null);
    }

    /** Playwright ends every message with {@code @ location:line}, so DevTools' {@code fn @ file:1} is not a frame there. */
    static boolean isFrame(String raw, ConsoleFormat format) {
        return mayBeFrame(raw) && framePatterns(raw, format);
    }

    /** Whether one of the frame patterns matches the line (tests check {@link #mayBeFrame} against this). */
    static boolean framePatterns(String raw, ConsoleFormat format) {
        return FRAME_V8.matcher(raw).matches()
                || format != ConsoleFormat.PLAYWRIGHT && FRAME_DEVTOOLS.matcher(raw).matches()
                || FRAME_SAFARI.matcher(raw).matches() || FRAME_PAREN.matcher(raw).matches()
                || FRAME_GECKO.matcher(raw).matches() || FRAME_ASYNC.matcher(raw).matches();
    }

    /** The first characters {@link #FRAME_ASYNC}'s words start with, and V8's unindented {@code at}. */
    private static final String FRAME_FIRST = "PsrqXpa<\"[g(";

    /**
     * False only for a line no frame pattern matches, told without them: every frame is indented, starts with
     * one of {@link #FRAME_FIRST}, holds an '@' (DevTools, Gecko) or Safari's em dash, or ends in
     * {@code (async)}. Most lines of a log are none of these, and six patterns per line were a tenth of reading an
     * app's lines.
     */
    static boolean mayBeFrame(String raw) {
        if (raw.isEmpty()) {
            return true;
        }
        char c = raw.charAt(0);
        return c >= 0x80 || Character.isWhitespace(c) || FRAME_FIRST.indexOf(c) >= 0 || raw.indexOf('@') >= 0
                || raw.indexOf('\u2014') >= 0 || raw.contains("(async)");
    }

    /** The part before Playwright's {@code @ location:line}, or {@code null} when the text has none. */
    static String beforePlaywrightSuffix(String text) {
        Matcher m = PW_SUFFIX.matcher(text);
        return m.matches() ? m.group(1) : null;
    }

    static String level(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        return switch (w) {
            case "warn" -> "warning";
            case "assert" -> "error";
            default -> w;
        };
    }
}
