package dev.triagedesk.summary;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes the parts of a summary (headings, key facts, bullets, tables) as Markdown or as plain text, so both forms
 * come from one description and never say different things.
 *
 * <p>In Markdown, everything that comes from evidence or reporters stays text wherever the note is pasted, GitHub
 * Flavored Markdown included: literal values (URLs, IDs) are code spans, and in prose every word that an autolink
 * extension could turn into a link (a URL, {@code www.}, an e-mail address) is one too; the rest is escaped so it
 * cannot format, link, start a heading or list, or become HTML.
 */
final class SummaryWriter {

    enum Format { MARKDOWN, PLAIN }

    private static final Pattern WORD = Pattern.compile("\\S+");
    private static final Pattern ORDERED_LIST = Pattern.compile("^(\\d{1,9})([.)])");
    private static final Pattern BACKTICKS = Pattern.compile("`+");
    private static final Pattern BLANK_LINE = Pattern.compile("\\R[ \\t]*\\R\\s*");
    private static final String OPENING = "([\"'<";
    private static final String CLOSING = ".,;:!?)]}\"'>";

    private final Format format;
    private final StringBuilder out = new StringBuilder();

    SummaryWriter(Format format) {
        this.format = format;
    }

    SummaryWriter title(String text) {
        if (format == Format.MARKDOWN) {
            out.append("# ").append(md(text)).append("\n\n");
        } else {
            out.append(text).append('\n').append("=".repeat(text.length())).append("\n\n");
        }
        return this;
    }

    SummaryWriter heading(String text) {
        if (format == Format.MARKDOWN) {
            out.append("## ").append(md(text)).append("\n\n");
        } else {
            out.append(text).append('\n').append("-".repeat(text.length())).append("\n");
        }
        return this;
    }

    SummaryWriter fact(String name, String value) {
        return fact(name, Phrase.of(value));
    }

    SummaryWriter fact(String name, Phrase value) {
        if (value == null || value.isBlank()) {
            return this;
        }
        if (format == Format.MARKDOWN) {
            out.append("- **").append(md(name)).append(":** ").append(md(value, false)).append('\n');
        } else {
            out.append(name).append(": ").append(value.plain()).append('\n');
        }
        return this;
    }

    SummaryWriter check(boolean done, String name, Phrase detail) {
        if (format == Format.MARKDOWN) {
            out.append("- [").append(done ? 'x' : ' ').append("] **").append(md(name)).append("**: ")
                    .append(md(detail, false)).append('\n');
        } else {
            out.append(done ? "[x] " : "[ ] ").append(name).append(": ").append(detail.plain()).append('\n');
        }
        return this;
    }

    SummaryWriter bullet(String text) {
        return bullet(Phrase.of(text));
    }

    SummaryWriter bullet(Phrase text) {
        out.append("- ").append(format == Format.MARKDOWN ? lineStart(md(text, false)) : text.plain()).append('\n');
        return this;
    }

    /** Text as written, lines and paragraphs kept (in Markdown: hard line breaks, and blank lines between). */
    SummaryWriter paragraph(String text) {
        if (format == Format.PLAIN) {
            out.append(text).append("\n\n");
            return this;
        }
        for (String paragraph : BLANK_LINE.split(text.strip())) {
            List<String> lines = paragraph.lines().map(String::strip).filter(l -> !l.isEmpty())
                    .map(l -> lineStart(md(Phrase.of(l), false))).toList();
            // a backslash at the end of a line is a hard line break
            out.append(String.join("\\\n", lines)).append("\n\n");
        }
        return this;
    }

    /** A table: Markdown pipes, or aligned columns in plain text (long cells are shortened there). */
    SummaryWriter table(List<String> header, List<List<Phrase>> rows) {
        if (format == Format.MARKDOWN) {
            out.append("| ").append(String.join(" | ", header.stream().map(SummaryWriter::md).toList())).append(" |\n|");
            out.append("---|".repeat(header.size())).append('\n');
            for (List<Phrase> row : rows) {
                out.append("| ").append(String.join(" | ", row.stream().map(c -> md(c, true)).toList())).append(" |\n");
            }
        } else {
            for (List<Phrase> row : rows) {
                StringBuilder line = new StringBuilder("- ");
                for (int i = 0; i < row.size(); i++) {
                    Phrase v = row.get(i);
                    if (v == null || v.isBlank()) {
                        continue;
                    }
                    if (line.length() > 2) {
                        line.append(" | ");
                    }
                    line.append(header.get(i)).append(": ").append(v.plain());
                }
                out.append(line).append('\n');
            }
        }
        out.append('\n');
        return this;
    }

    SummaryWriter gap() {
        out.append('\n');
        return this;
    }

    @Override
    public String toString() {
        return out.toString().replaceAll("\n{3,}", "\n\n").strip() + "\n";
    }

    /** A phrase in Markdown: literal values as code spans, prose escaped with its link-like words as code spans. */
    static String md(Phrase phrase, boolean inTable) {
        StringBuilder b = new StringBuilder();
        for (Phrase.Part part : phrase.parts()) {
            String text = oneLine(part.text());
            if (part.literal()) {
                b.append(code(text, inTable));
                continue;
            }
            Matcher word = WORD.matcher(text);
            int at = 0;
            while (word.find()) {
                b.append(text, at, word.start());
                b.append(linkLike(word.group()) ? linkLikeWord(word.group(), inTable) : md(word.group()));
                at = word.end();
            }
            b.append(text.substring(at));
        }
        return b.toString();
    }

    /**
     * Markdown-escapes text that comes from evidence or reporters, so it cannot format, link or inject HTML: the
     * characters that can (emphasis, code, links, HTML and entities, headings, tables, strike-through), and no
     * more, so the note stays readable where it is pasted raw. Autolinks are not escapable: see {@link #md(Phrase,
     * boolean)}.
     */
    static String md(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (char c : s.toCharArray()) {
            if ("\\`*_[]<>#|~&".indexOf(c) >= 0) {
                b.append('\\');
            }
            b.append(c == '\n' || c == '\r' ? ' ' : c);
        }
        return b.toString();
    }

    /**
     * A code span holding {@code value} exactly: its fence is longer than any run of backticks in it, and a value
     * that starts or ends with a backtick (or with spaces on both sides) is padded with the one space each side that
     * Markdown takes off again. In a table cell a pipe is escaped, which GFM undoes inside code too.
     */
    static String code(String value, boolean inTable) {
        if (value.isEmpty()) {
            return "";
        }
        String v = inTable ? value.replace("|", "\\|") : value;
        int longest = 0;
        Matcher run = BACKTICKS.matcher(v);
        while (run.find()) {
            longest = Math.max(longest, run.group().length());
        }
        String fence = "`".repeat(longest + 1);
        boolean pad = v.startsWith("`") || v.endsWith("`") || (v.startsWith(" ") && v.endsWith(" ") && !v.isBlank());
        return fence + (pad ? " " : "") + v + (pad ? " " : "") + fence;
    }

    /**
     * What GFM's autolinks (and the autolink extensions of other renderers) could turn into a link even when
     * escaped: a scheme and "://", "www.", an e-mail address. Backslash escapes and entities do not stop them, code
     * spans do.
     */
    static boolean linkLike(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        return w.contains("://") || w.contains("www.") || w.contains("@");
    }

    /** A link-like word as code, with the punctuation around it ("(", "),", a closing quote) left outside. */
    private static String linkLikeWord(String word, boolean inTable) {
        int start = 0;
        int end = word.length();
        while (start < end && OPENING.indexOf(word.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && CLOSING.indexOf(word.charAt(end - 1)) >= 0) {
            end--;
        }
        String core = word.substring(start, end);
        if (!linkLike(core)) {
            return code(word, inTable);
        }
        return md(word.substring(0, start)) + code(core, inTable) + md(word.substring(end));
    }

    /**
     * Text that starts a line (a paragraph, a list item) cannot start a block of its own: a list marker, an
     * ordered-list number, a thematic break, setext underline or table delimiter row, or indented code.
     */
    private static String lineStart(String markdown) {
        String s = markdown.stripLeading();
        if (!s.isEmpty() && "-+=:".indexOf(s.charAt(0)) >= 0) {
            return "\\" + s;
        }
        Matcher ordered = ORDERED_LIST.matcher(s);
        if (ordered.find()) {
            return ordered.group(1) + "\\" + ordered.group(2) + s.substring(ordered.end());
        }
        return s;
    }

    private static String oneLine(String s) {
        return s.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
    }
}
