package dev.triagedesk.incident;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The incident for the vendor's support, in Markdown: what failed, when, how many reporters, the common error code,
 * and every request ID with its time and status. Everything in it is already sanitized; what Markdown or HTML would
 * act on is escaped, so nothing a reporter uploaded becomes a link or a tag where the note is pasted.
 */
public final class IncidentNote {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private IncidentNote() {
    }

    public static String markdown(IncidentOverview o, List<IncidentOverview.RequestSample> requestIds) {
        Incident i = o.incident();
        StringBuilder b = new StringBuilder();
        b.append("# Incident ").append(i.getReference()).append(": ").append(escape(i.getTitle())).append("\n\n");
        if (i.getEndpoint() != null) {
            b.append("- **What failed:** ").append(escape(i.getEndpoint())).append(" on ").append(escape(i.getHost()))
                    .append(", ").append(escape(i.getOutcome())).append('\n');
        } else if (i.getOutcome() != null) {
            b.append("- **What failed:** ").append(escape(i.getOutcome())).append('\n');
        }
        if (i.getErrorCode() != null) {
            b.append("- **Error code:** ").append(escape(i.getErrorCode())).append('\n');
        }
        if (i.getSignalType() != null) {
            b.append("- **Signal:** ").append(escape(i.getSignalType().label())).append('\n');
        }
        if (i.getProduct() != null) {
            b.append("- **Product:** ").append(escape(i.getProduct().label())).append('\n');
        }
        b.append("- **When:** ").append(time(i.getFirstFailureAt())).append(" to ").append(time(i.getLastFailureAt()))
                .append(" UTC\n");
        b.append("- **Reports:** ").append(i.getTicketCount()).append(i.getTicketCount() == 1 ? " ticket" : " tickets")
                .append(" from ").append(o.reporters()).append(o.reporters() == 1 ? " reporter" : " reporters")
                .append('\n');
        b.append("- **Status here:** ").append(i.getStatus().label()).append('\n');
        list(b, "Verdict paths", o.verdicts());
        list(b, "Reporters' time zones", o.timeZones());
        list(b, "Networks", o.networks());
        b.append("\n## Request IDs\n\n");
        if (requestIds.isEmpty()) {
            b.append("No request ID was found in the reports' evidence.\n");
        } else {
            b.append("| Time (UTC) | Status | Name | Request ID | Ticket |\n|---|---|---|---|---|\n");
            for (IncidentOverview.RequestSample r : requestIds) {
                b.append("| ").append(r.at() == null ? "" : time(r.at())).append(" | ")
                        .append(r.status() == null ? "" : r.status()).append(" | ").append(escape(r.name()))
                        .append(" | ").append(escape(r.value())).append(" | ").append(r.ticketReference())
                        .append(" |\n");
            }
        }
        b.append("\n## Tickets\n\n");
        for (IncidentOverview.Member m : o.tickets()) {
            b.append("- ").append(m.reference()).append(", failed ").append(time(m.failureAt()))
                    .append(" UTC\n");
        }
        return b.toString();
    }

    private static void list(StringBuilder b, String name, Map<String, Long> counts) {
        if (counts.isEmpty()) {
            return;
        }
        b.append("- **").append(name).append(":** ");
        boolean first = true;
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            b.append(first ? "" : ", ").append(escape(e.getKey())).append(" (").append(e.getValue()).append(')');
            first = false;
        }
        b.append('\n');
    }

    private static String time(Instant at) {
        return at == null ? "" : TIME.format(at.atOffset(ZoneOffset.UTC));
    }

    /** Markdown's and HTML's active characters as text; line breaks as spaces (a cell or a list item stays one). */
    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '\n', '\r' -> b.append(' ');
                case '\\', '`', '*', '_', '[', ']', '|', '#', '!', '(', ')' -> b.append('\\').append(c);
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
