package dev.triagedesk.evidence.console;

import dev.triagedesk.evidence.console.ConsoleLine.Kind;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one line of a log in a layout no other format claims ({@link ConsoleFormat#GENERIC}): a timestamp in a
 * common form, with or without brackets, then a level word, with or without brackets, then the message. Either may
 * be missing. An indented line, a stack frame or a line closing a JSON body continues the message before it; any
 * other line is a message of its own.
 */
final class GenericLines {

    private static final String MONTH = "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)";
    /**
     * The timestamp forms read: ISO 8601 ({@code 2025-07-29T19:36:30.182Z}, also with a space and a comma, as
     * Python and log4j print it), {@code 2025/07/29 19:36:30}, syslog ({@code Jul 29 19:36:30}), epoch seconds or
     * milliseconds, and a time of day ({@code 19:36:30.182}).
     */
    private static final Pattern TIMESTAMP = Pattern.compile("(?:"
            + "(?<iso>\\d{4}-\\d\\d-\\d\\d[T ]\\d\\d:\\d\\d(?::\\d\\d(?:[.,]\\d{1,9})?)?(?:\\s?(?:Z|UTC|GMT|[+-]\\d\\d:?\\d\\d))?)"
            + "|(?<slashed>\\d{4}/\\d\\d/\\d\\d[ T]\\d\\d:\\d\\d:\\d\\d(?:[.,]\\d{1,9})?)"
            + "|(?<syslog>" + MONTH + " {1,2}\\d{1,2} \\d\\d:\\d\\d:\\d\\d(?:\\.\\d{1,6})?)"
            + "|(?<epoch>1\\d{12}|1\\d{9}(?:\\.\\d{1,6})?)"
            + "|(?<clock>\\d{1,2}:\\d\\d:\\d\\d(?:[.,]\\d{1,6})?))");
    /**
     * A timestamp first, alone or opening a bracket ({@code [2025-… - openai._base_client:1047 - INFO]}), the rest
     * of the line after it. This and the level patterns are matched at the line's start ({@link #atStart}) and the
     * rest is the text after the match: a {@code (.*)$} to the line's end in each tried every character against the
     * line terminators.
     */
    private static final Pattern LEADING_TIME = Pattern.compile("(?<open>[\\[(]?)" + TIMESTAMP.pattern());
    private static final String LEVELS = "error|err|fatal|critical|crit|severe|alert|emerg|emergency|warning|warn"
            + "|info|notice|debug|trace|verbose|log";
    private static final Pattern BRACKET_LEVEL = Pattern.compile(
            "[\\[(<](" + LEVELS + ")[\\])>]:?(?:\\s+|$)", Pattern.CASE_INSENSITIVE);
    /**
     * {@code ERROR message}, {@code ERROR: message}, {@code level=error message}; lower case only with a colon
     * ({@code error: message}), since "error connecting…" is a message, and never capitalised ("Error: x" is an
     * exception's text).
     */
    private static final Pattern BARE_LEVEL = Pattern.compile("(?:level=(?i:(" + LEVELS + "))\\s+"
            + "|(" + LEVELS.toUpperCase(Locale.ROOT) + ")(?::\\s*|\\s+(?:-\\s+)?|$)|(" + LEVELS + "):(?:\\s+|$))");
    private static final Pattern BRACKET_LEVEL_INSIDE = Pattern.compile(
            "(?i)(?:^|[\\s|:-])(" + LEVELS + ")(?:$|[\\s|:-])");
    /** syslog's {@code host app[123]:} after the timestamp. */
    private static final Pattern SYSLOG_SOURCE = Pattern.compile("^\\S+ [\\w./@-]+(?:\\[\\d+\\])?: (.*)$");
    private static final Pattern CLOSER = Pattern.compile("[}\\])]+[,;]?");

    private GenericLines() {
    }

    static ConsoleLine parse(String raw) {
        String trimmed = raw.strip();
        boolean indented = !raw.isEmpty() && Character.isWhitespace(raw.charAt(0));
        if (trimmed.isEmpty()) {
            return ConsoleLine.of(Kind.BLANK, "", indented);
        }
        if (LineParser.isFrame(raw, ConsoleFormat.GENERIC)) {
            return new ConsoleLine(Kind.FRAME, null, null, null, 0, trimmed, null, false, indented, null, null, null);
        }
        if (indented || isCloser(trimmed)) {
            return ConsoleLine.of(Kind.TEXT, trimmed, indented);
        }
        String time = null;
        String level = null;
        String s = trimmed;
        Matcher t = leadingTime(s);
        if (t != null) {
            time = t.group(t.group("iso") != null ? "iso" : t.group("slashed") != null ? "slashed"
                    : t.group("syslog") != null ? "syslog" : t.group("epoch") != null ? "epoch" : "clock");
            String rest = s.substring(t.end());
            if (!t.group("open").isEmpty()) {
                int close = rest.indexOf(t.group("open").equals("[") ? ']' : ')');
                if (close < 0) {
                    time = null; // "[2025-…" without its bracket closed: not a prefix
                } else {
                    Matcher inside = BRACKET_LEVEL_INSIDE.matcher(rest.substring(0, close));
                    if (inside.find()) {
                        level = inside.group(1);
                    }
                    rest = rest.substring(close + 1);
                }
            }
            if (time != null) {
                s = rest.strip();
                Matcher src;
                if (t.group("syslog") != null && (src = SYSLOG_SOURCE.matcher(s)).matches()) {
                    s = src.group(1);
                }
            }
        }
        if (level == null) {
            Matcher l = atStart(BRACKET_LEVEL, s);
            if (l != null) {
                level = l.group(1);
                s = s.substring(l.end()).strip();
            } else if ((l = atStart(BARE_LEVEL, s)) != null) {
                level = l.group(1) != null ? l.group(1) : l.group(2) != null ? l.group(2) : l.group(3);
                s = s.substring(l.end()).strip();
            }
        }
        return new ConsoleLine(Kind.START, time, level == null ? null : level(level), null, 0, s, null, false,
                indented, null, null, null);
    }

    /**
     * {@code pattern} matched at the start of {@code s} with nothing but one line after it, or {@code null}: what
     * {@code ^pattern(.*)$} matches, where {@code .} takes any character but a line terminator. The first match
     * at the start is the one {@code matches()} would take: none of these patterns has a later way to match that
     * takes in more of the line (greedy parts try the longest first), so when the rest after the first holds a
     * terminator, the rest after every other does too.
     */
    private static Matcher atStart(Pattern pattern, String s) {
        Matcher m = pattern.matcher(s);
        return m.lookingAt() && isOneLine(s, m.end()) ? m : null;
    }

    /** Whether {@code s} from {@code from} holds no line terminator (what {@code .} does not take). */
    private static boolean isOneLine(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u0085' || (c | 1) == '\u2029') {
                return false;
            }
        }
        return true;
    }

    /** {@code ^[}\])]+[,;]?$}: a line closing a JSON body; most lines start otherwise. */
    private static boolean isCloser(String trimmed) {
        char c = trimmed.charAt(0);
        return (c == '}' || c == ']' || c == ')') && CLOSER.matcher(trimmed).matches();
    }

    /** The timestamp at the start of {@code s} when a separator follows it (not the first digits of a longer number). */
    private static Matcher leadingTime(String s) {
        Matcher t = atStart(LEADING_TIME, s);
        return t != null && endsCleanly(t, s.substring(t.end())) ? t : null;
    }

    /** A timestamp is a prefix only when a separator follows it: not the first digits of a longer number. */
    private static boolean endsCleanly(Matcher t, String rest) {
        return rest.isEmpty() || " \t]),|-:".indexOf(rest.charAt(0)) >= 0 && !(t.group("epoch") != null
                && rest.charAt(0) == '-');
    }

    static String level(String word) {
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "err", "fatal", "critical", "crit", "severe", "alert", "emerg", "emergency" -> "error";
            case "warn" -> "warning";
            case "notice" -> "info";
            default -> word.toLowerCase(Locale.ROOT);
        };
    }

    /** What form a timestamp read by {@link #parse} has, for saying what a log holds. */
    static String timestampForm(String time) {
        if (time == null) {
            return null;
        }
        Matcher m = TIMESTAMP.matcher(time);
        if (!m.matches()) {
            return "other";
        }
        if (m.group("iso") != null) {
            return time.indexOf('T') > 0 ? "ISO 8601" : "date and time";
        }
        if (m.group("slashed") != null) {
            return "date and time";
        }
        if (m.group("syslog") != null) {
            return "syslog";
        }
        if (m.group("epoch") != null) {
            return time.length() == 13 ? "epoch milliseconds" : "epoch seconds";
        }
        return "time of day";
    }

    /** Whether the line starts with a timestamp form only this reader claims (for format detection). */
    static boolean startsWithGenericTimestamp(String line) {
        Matcher t = leadingTime(line);
        return t != null && (t.group("clock") == null || !t.group("open").isEmpty());
    }
}
