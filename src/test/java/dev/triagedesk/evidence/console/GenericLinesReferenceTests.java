package dev.triagedesk.evidence.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triagedesk.evidence.Corpus;
import dev.triagedesk.evidence.console.ConsoleLine.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@link GenericLines} matches its patterns at the line's start and takes the rest after the match, where it matched
 * {@code ^pattern(.*)$} over the whole line: both read every line alike, the line terminators that {@code .} does not
 * take included. The reference is the reader as it was, kept here.
 */
class GenericLinesReferenceTests {

    private static final String[] PIECES = {"2025-03-01 09:00:07,910", "2025-07-29T19:36:30.182Z", "2025-07-29T19:36",
        "2025-07-29 19:36:30 +02:00", "2025-07-29 19:36:30 UTC", "2025/07/29 19:36:30", "Jul 29 19:36:30",
        "Jul  9 19:36:30.123", "1722281790", "1722281790123", "1722281790.5", "19:36:30", "9:36:30,123", "[", "]",
        "(", ")", "<", ">", "INFO", "info", "Info", "ERROR", "error:", "WARN", "warning", "DEBUG", "[ERROR]", "[info]",
        "(warn)", "<debug>", "level=error", "level=INFO", "LOG", "log:", "EMERG", "EMERGENCY", "-", " - ", ":", ": ",
        " ", "  ", "\t", "|", "app.worker: processed batch 23400 in 445 ms", "host app[123]: ", "x", "}", "},", "]);",
        "\n", "\r", "\u0085", "\u2028", "\u2029", "\u00a0", "openai._base_client:1047", "12", "0"};
    /** The first pieces are timestamps. */
    private static final int TIMESTAMPS = 12;

    @Test
    void readsRandomLinesAsTheWholeLinePatternsDid() {
        Random random = new Random(5);
        int timed = 0;
        int levelled = 0;
        int terminated = 0;
        for (int n = 0; n < 200_000; n++) {
            StringBuilder b = new StringBuilder();
            if (random.nextBoolean()) {
                // half the lines start as a log's do: a timestamp, bracketed or not
                b.append(random.nextInt(3) == 0 ? "[" : "").append(PIECES[random.nextInt(TIMESTAMPS)]);
            }
            int count = random.nextInt(7);
            for (int k = 0; k < count; k++) {
                b.append(PIECES[random.nextInt(PIECES.length)]);
            }
            String line = b.toString();
            ConsoleLine expected = Reference.parse(line);
            assertThat(GenericLines.parse(line)).as(line).isEqualTo(expected);
            assertThat(GenericLines.startsWithGenericTimestamp(line)).as(line)
                    .isEqualTo(Reference.startsWithGenericTimestamp(line));
            timed += expected.time() != null ? 1 : 0;
            levelled += expected.level() != null ? 1 : 0;
            terminated += line.chars().anyMatch(c -> c == '\n' || c == '\r' || c == 0x85 || c == 0x2028) ? 1 : 0;
        }
        assertThat(timed).isGreaterThan(20_000);
        assertThat(levelled).isGreaterThan(2_000);
        assertThat(terminated).isGreaterThan(20_000);
    }

    @Test
    void readsEveryLineOfTheCorporaAndSamplesAsTheWholeLinePatternsDid() {
        List<String> lines = new ArrayList<>(Corpus.consoleAndSampleLines());
        assertThat(lines).hasSizeGreaterThan(1000);
        for (String line : lines) {
            assertThat(GenericLines.parse(line)).as(line).isEqualTo(Reference.parse(line));
            assertThat(GenericLines.startsWithGenericTimestamp(line)).as(line)
                    .isEqualTo(Reference.startsWithGenericTimestamp(line));
        }
    }

    /** The reader before: each pattern anchored at both ends, the rest of the line a group {@code (.*)$}. */
        private static final class Reference {

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
    /** A timestamp first, alone or opening a bracket ({@code [2025-… - openai._base_client:1047 - INFO]}). */
        private static final Pattern LEADING_TIME = Pattern.compile("^(?<open>[\\[(]?)" + TIMESTAMP.pattern()
            + "(?<rest>.*)$");
        private static final String LEVELS = "error|err|fatal|critical|crit|severe|alert|emerg|emergency|warning|warn"
            + "|info|notice|debug|trace|verbose|log";
        private static final Pattern BRACKET_LEVEL = Pattern.compile(
            "^[\\[(<](" + LEVELS + ")[\\])>]:?(?:\\s+|$)(.*)$", Pattern.CASE_INSENSITIVE);
    /**
     * {@code ERROR message}, {@code ERROR: message}, {@code level=error message}; lower case only with a colon
     * ({@code error: message}), since "error connecting…" is a message, and never capitalised ("Error: x" is an
     * exception's text).
     */
        private static final Pattern BARE_LEVEL = Pattern.compile("^(?:level=(?i:(" + LEVELS + "))\\s+"
            + "|(" + LEVELS.toUpperCase(Locale.ROOT) + ")(?::\\s*|\\s+(?:-\\s+)?|$)|(" + LEVELS + "):(?:\\s+|$))(.*)$");
        private static final Pattern BRACKET_LEVEL_INSIDE = Pattern.compile(
            "(?i)(?:^|[\\s|:-])(" + LEVELS + ")(?:$|[\\s|:-])");
    /** syslog's {@code host app[123]:} after the timestamp. */
        private static final Pattern SYSLOG_SOURCE = Pattern.compile("^\\S+ [\\w./@-]+(?:\\[\\d+\\])?: (.*)$");
        private static final Pattern CLOSER = Pattern.compile("^[}\\])]+[,;]?$");

        static ConsoleLine parse(String raw) {
        String trimmed = raw.strip();
        boolean indented = !raw.isEmpty() && Character.isWhitespace(raw.charAt(0));
        if (trimmed.isEmpty()) {
            return ConsoleLine.of(Kind.BLANK, "", indented);
        }
        if (LineParser.isFrame(raw, ConsoleFormat.GENERIC)) {
            return new ConsoleLine(Kind.FRAME, null, null, null, 0, trimmed, null, false, indented, null, null, null);
        }
        if (indented || CLOSER.matcher(trimmed).matches()) {
            return ConsoleLine.of(Kind.TEXT, trimmed, indented);
        }
        String time = null;
        String level = null;
        String s = trimmed;
        Matcher t = LEADING_TIME.matcher(s);
        if (t.matches() && endsCleanly(t)) {
            time = t.group(t.group("iso") != null ? "iso" : t.group("slashed") != null ? "slashed"
                    : t.group("syslog") != null ? "syslog" : t.group("epoch") != null ? "epoch" : "clock");
            String rest = t.group("rest");
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
            Matcher l = BRACKET_LEVEL.matcher(s);
            if (l.matches()) {
                level = l.group(1);
                s = l.group(2).strip();
            } else if ((l = BARE_LEVEL.matcher(s)).matches()) {
                level = l.group(1) != null ? l.group(1) : l.group(2) != null ? l.group(2) : l.group(3);
                s = l.group(4).strip();
            }
        }
        return new ConsoleLine(Kind.START, time, level == null ? null : GenericLines.level(level), null, 0, s, null, false,
                indented, null, null, null);
    }

    /** A timestamp is a prefix only when a separator follows it: not the first digits of a longer number. */
        private static boolean endsCleanly(Matcher t) {
        String rest = t.group("rest");
        return rest.isEmpty() || " \t]),|-:".indexOf(rest.charAt(0)) >= 0 && !(t.group("epoch") != null
                && rest.charAt(0) == '-');
    }

    /** Whether the line starts with a timestamp form only this reader claims (for format detection). */
        static boolean startsWithGenericTimestamp(String line) {
        Matcher t = LEADING_TIME.matcher(line);
        return t.matches() && endsCleanly(t) && (t.group("clock") == null || !t.group("open").isEmpty());
    }
    }
}
