package dev.triagedesk.evidence.console;

import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells console formats apart from the first lines of a log. Each line votes for the format only it could come
 * from (a Playwright header, a {@code [Error]} row, a Chrome anchor, a Firefox network row…); lines every
 * format shares (V8 stack frames, blank lines) do not vote. The format with most votes wins; a log where no
 * format collects enough is {@code plain}, and counts as a console log at all only when it has browser failure
 * phrases in it.
 *
 * <p>Every other text is {@code generic}: a line-oriented log is never refused because its layout is new. Lines
 * that start with a timestamp form no browser prints (ISO 8601, syslog, epoch, a bracketed time of day) vote for
 * it too, so such a log is read as one even when browser phrases are in it. Only empty, blank, binary and JSON
 * text (a HAR, a fragment of one, a JSONP wrapper) is no console log at all.
 */
final class FormatDetector {

    /** Lines looked at: enough for a verdict, bounded for a head of any shape. */
    private static final int MAX_LINES = 4000;
    private static final int MIN_SCORE = 2;

    private static final Pattern PW_HEADER = Pattern.compile("^(?:Total messages: \\d+ \\(Errors: \\d+"
            + "|Returning \\d+ messages? for level)");
    private static final Pattern PW_LEVEL = Pattern.compile("^\\[(?:ERROR|WARNING|LOG|INFO|DEBUG|VERBOSE|TRACE)\\] ");
    private static final Pattern SAFARI_LEVEL = Pattern.compile("^\\[(?:Error|Warning|Log|Info|Debug)\\] ");
    private static final Pattern PUPPETEER_LEVEL = Pattern.compile(
            "^\\[(?:error|warning|warn|log|info|debug|verbose|trace)\\] \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d");
    private static final Pattern CAPTURED_LEVEL = Pattern.compile("^(?:error|warning|warn|log|info|debug|trace): ");
    private static final Pattern FF_REQUEST = Pattern.compile(
            "^(?:XHR|fetch|beacon)?(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)(?:https?|wss?)://");
    private static final Pattern FF_STATUS = Pattern.compile("^\\[HTTP/[\\d.]+ \\d{3}\\b");
    private static final Pattern FF_LOCATION = Pattern.compile("\\s\\S+\\.[a-z]{2,4}:\\d+:\\d+$");
    private static final Pattern CHROME_ANCHOR = Pattern.compile("^\\S+:\\d+\\s+\\S");
    private static final Pattern CLOCK_LIKE = Pattern.compile("^\\d{1,2}:\\d\\d\\s");
    /** Failure phrases a browser console prints: enough to call an unstructured paste a console log. */
    private static final Pattern CONSOLE_PHRASE = Pattern.compile("Failed to load resource|net::ERR_[A-Z_]+"
            + "|blocked by CORS policy|Cross-Origin Request Blocked|Uncaught \\(in promise\\)|Uncaught [A-Z]\\w*Error"
            + "|Refused to (?:load|connect|execute|apply|frame)|Mixed Content:|WebSocket connection to '"
            + "|NetworkError when attempting to fetch|TypeError: Failed to fetch|DevTools failed to load"
            // Chrome's line for a failed fetch or XHR: "POST https://api.openai.com/v1/… 429 (Too Many Requests)"
            + "|\\b(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) (?:https?|wss?)://\\S+ [1-5]\\d\\d \\(");

    private FormatDetector() {
    }

    static ConsoleFormat detect(String head) {
        return scan(head).format;
    }

    static boolean looksLikeConsole(String head) {
        Verdict v = scan(head);
        return v.format != ConsoleFormat.PLAIN || v.phrases > 0;
    }

    /** JSONP: a HAR wrapped in a function call ({@code onInputData({…})}). */
    private static final Pattern JSONP = Pattern.compile("^[A-Za-z_$][\\w$.]{0,100}\\s*\\(\\s*[{\\[]");
    /** A JSON array of numbers ({@code [1, 2]}), unlike a log line opening with a bracketed time ({@code [2025-…]}). */
    private static final Pattern JSON_NUMBER_ARRAY = Pattern.compile(
            "^\\[\\s*-?\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?\\s*[,\\]]");
    /** A piece of a JSON object: {@code "name": …}. */
    private static final Pattern JSON_MEMBER = Pattern.compile("^\"(?:[^\"\\\\]|\\\\.){0,200}\"\\s*:");

    private record Verdict(ConsoleFormat format, int phrases) {
    }

    private static Verdict scan(String head) {
        if (head == null || head.isBlank() || looksLikeJsonOrBinary(head)) {
            return new Verdict(ConsoleFormat.PLAIN, 0);
        }
        Map<ConsoleFormat, Integer> votes = new EnumMap<>(ConsoleFormat.class);
        int phrases = 0;
        int lines = 0;
        int start = head.charAt(0) == '\uFEFF' ? 1 : 0;
        while (start < head.length() && lines < MAX_LINES) {
            int nl = head.indexOf('\n', start);
            int end = nl < 0 ? head.length() : nl;
            String line = head.substring(start, end > start && head.charAt(end - 1) == '\r' ? end - 1 : end);
            start = end + 1;
            lines++;
            if (CONSOLE_PHRASE.matcher(line).find()) {
                phrases++;
            }
            vote(line, votes);
        }
        ConsoleFormat best = ConsoleFormat.PLAIN;
        int bestScore = MIN_SCORE - 1;
        for (Map.Entry<ConsoleFormat, Integer> e : votes.entrySet()) {
            if (e.getValue() > bestScore) {
                best = e.getKey();
                bestScore = e.getValue();
            }
        }
        if (best == ConsoleFormat.PLAIN && phrases == 0) {
            best = ConsoleFormat.GENERIC; // a layout not seen before: read line by line, never refused
        }
        return new Verdict(best, phrases);
    }

    private static void vote(String line, Map<ConsoleFormat, Integer> votes) {
        String t = line.strip();
        if (t.isEmpty()) {
            return;
        }
        if (PW_HEADER.matcher(t).find()) {
            add(votes, ConsoleFormat.PLAYWRIGHT, 50);
        } else if (PW_LEVEL.matcher(t).find()) {
            add(votes, ConsoleFormat.PLAYWRIGHT, 3);
        } else if (SAFARI_LEVEL.matcher(t).find()) {
            add(votes, ConsoleFormat.SAFARI, 3);
        } else if (PUPPETEER_LEVEL.matcher(t).find()) {
            add(votes, ConsoleFormat.PUPPETEER, 3);
        } else if (CAPTURED_LEVEL.matcher(line).find()) {
            add(votes, ConsoleFormat.CAPTURED, 2);
        } else if (LineParser.FRAME_DEVTOOLS.matcher(line).matches()) {
            add(votes, ConsoleFormat.CHROME, 1);
        } else if (line.contains("Understand this error") || line.contains("Understand this warning")) {
            add(votes, ConsoleFormat.CHROME, 3);
        } else if (GenericLines.startsWithGenericTimestamp(t)) {
            add(votes, ConsoleFormat.GENERIC, 2);
        } else {
            Matcher clock = LineParser.CLOCK.matcher(line);
            String s = clock.matches() ? clock.group(2) : line;
            if (FF_REQUEST.matcher(s).find() || FF_STATUS.matcher(s).find()) {
                add(votes, ConsoleFormat.FIREFOX, 3);
            } else if (CHROME_ANCHOR.matcher(s).find() && !CLOCK_LIKE.matcher(s).find()) {
                add(votes, ConsoleFormat.CHROME, 2);
            } else if (s.startsWith("Failed to load resource:")) {
                add(votes, ConsoleFormat.CHROME, 2);
            } else if (s.startsWith("Cross-Origin Request Blocked:")) {
                add(votes, ConsoleFormat.FIREFOX, 2);
            } else if (FF_LOCATION.matcher(s).find() && !s.contains(" \u2014 ") && !s.endsWith(")")) {
                add(votes, ConsoleFormat.FIREFOX, 1);
            }
        }
    }

    private static void add(Map<ConsoleFormat, Integer> votes, ConsoleFormat f, int n) {
        votes.merge(f, n, Integer::sum);
    }

    /** A HAR or other JSON document, or binary data: never a console log. */
    private static boolean looksLikeJsonOrBinary(String head) {
        int i = 0;
        while (i < head.length() && (Character.isWhitespace(head.charAt(i)) || head.charAt(i) == '\uFEFF')) {
            i++;
        }
        if (i < head.length()) {
            char c = head.charAt(i);
            if (c == '{') {
                return true;
            }
            if (c == '[') {
                int j = i + 1;
                while (j < head.length() && Character.isWhitespace(head.charAt(j))) {
                    j++;
                }
                if (j >= head.length() || "{[\"]".indexOf(head.charAt(j)) >= 0
                        || JSON_NUMBER_ARRAY.matcher(head.substring(i, Math.min(head.length(), i + 400))).find()) {
                    return true;
                }
            }
            String start = head.substring(i, Math.min(head.length(), i + 400));
            if (c == '"' && JSON_MEMBER.matcher(start).find() || JSONP.matcher(start).find()) {
                return true;
            }
        }
        int nul = 0;
        for (int k = 0; k < Math.min(head.length(), 4096); k++) {
            if (head.charAt(k) == 0) {
                nul++;
            }
        }
        return nul > 0;
    }
}
