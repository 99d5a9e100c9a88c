package dev.triagedesk.summary;

import java.util.List;

/**
 * Writes the parts of a summary (headings, key facts, bullets, tables) as Markdown or as plain text, so both forms
 * come from one description and never say different things.
 */
final class SummaryWriter {

    enum Format { MARKDOWN, PLAIN }

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
        if (value == null || value.isBlank()) {
            return this;
        }
        if (format == Format.MARKDOWN) {
            out.append("- **").append(md(name)).append(":** ").append(md(value)).append('\n');
        } else {
            out.append(name).append(": ").append(value).append('\n');
        }
        return this;
    }

    SummaryWriter check(boolean done, String name, String detail) {
        if (format == Format.MARKDOWN) {
            out.append("- [").append(done ? 'x' : ' ').append("] **").append(md(name)).append("**: ").append(md(detail)).append('\n');
        } else {
            out.append(done ? "[x] " : "[ ] ").append(name).append(": ").append(detail).append('\n');
        }
        return this;
    }

    SummaryWriter bullet(String text) {
        out.append(format == Format.MARKDOWN ? "- " + md(text) : "- " + text).append('\n');
        return this;
    }

    SummaryWriter paragraph(String text) {
        out.append(format == Format.MARKDOWN ? md(text) : text).append("\n\n");
        return this;
    }

    /** A table: Markdown pipes, or aligned columns in plain text (long cells are shortened there). */
    SummaryWriter table(List<String> header, List<List<String>> rows) {
        if (format == Format.MARKDOWN) {
            out.append("| ").append(String.join(" | ", header.stream().map(SummaryWriter::cell).toList())).append(" |\n|");
            out.append("---|".repeat(header.size())).append('\n');
            for (List<String> row : rows) {
                out.append("| ").append(String.join(" | ", row.stream().map(SummaryWriter::cell).toList())).append(" |\n");
            }
        } else {
            for (List<String> row : rows) {
                StringBuilder line = new StringBuilder("- ");
                for (int i = 0; i < row.size(); i++) {
                    String v = row.get(i);
                    if (v == null || v.isBlank()) {
                        continue;
                    }
                    if (line.length() > 2) {
                        line.append(" | ");
                    }
                    line.append(header.get(i)).append(": ").append(v);
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

    /**
     * Markdown-escapes text that comes from evidence or reporters, so it cannot format, link or inject HTML: the
     * characters that can (emphasis, code, links, HTML, headings, tables, strike-through), and no more, so the note
     * stays readable where it is pasted raw.
     */
    static String md(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (char c : s.toCharArray()) {
            if ("\\`*_[]<>#|~".indexOf(c) >= 0) {
                b.append('\\');
            }
            b.append(c == '\n' || c == '\r' ? ' ' : c);
        }
        return b.toString();
    }

    private static String cell(String s) {
        return md(s == null ? "" : s);
    }
}
