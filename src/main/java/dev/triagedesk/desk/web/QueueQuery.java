package dev.triagedesk.desk.web;

import dev.triagedesk.desk.LenientEnums;
import dev.triagedesk.desk.TicketFilter;
import dev.triagedesk.evidence.TriagePath;
import dev.triagedesk.ticket.Product;
import dev.triagedesk.ticket.TicketStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The queue's address as typed, linked or bookmarked: every parameter as text, so a wrong value becomes a message
 * on the page instead of an error page. {@link #parse} turns it into a {@link TicketFilter}.
 *
 * @param assignee a staff member's id, {@code me} or {@code unassigned}
 * @param hasEvidence {@code yes} or {@code no} ({@code true}/{@code false} work too)
 * @param page the page number, from 1
 * @param reply {@code yes}: only tickets with a reporter message no agent has opened yet; {@code no}: without
 * @param incident an incident's reference: only its tickets
 * @param view {@code incidents}: the incidents (with the filters that apply to them) instead of the tickets
 */
public record QueueQuery(String q, String status, String verdict, String product, String assignee, String from,
                         String to, String hasEvidence, String sort, String page, String reply, String incident,
                         String view) {

    static final String INCIDENTS = "incidents";

    static final String ME = "me";
    static final String UNASSIGNED = "unassigned";
    static final Set<String> SORTS = Set.copyOf(TicketFilter.SORTS);

    /** A parameter that could not be used: its name, the value given, the message key saying what is accepted. */
    public record Problem(String field, String value, String messageKey) {
    }

    /** The filter the queue applies; the parameters it had to leave out are in {@code problems}. */
    public record Parsed(TicketFilter filter, int page, List<Problem> problems) {

        public boolean invalid(String field) {
            return problems.stream().anyMatch(p -> p.field().equals(field));
        }
    }

    /** Reads the parameters; {@code myStaffId} is what {@code assignee=me} means (null when unknown). */
    Parsed parse(Long myStaffId) {
        List<Problem> problems = new ArrayList<>();
        TicketStatus st = enumValue(TicketStatus.class, "status", status, problems);
        Product pr = enumValue(Product.class, "product", product, problems);
        TriagePath vd = null;
        if (!blank(verdict)) {
            try {
                vd = TriagePath.fromId(verdict.trim().toLowerCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                vd = enumValue(TriagePath.class, "verdict", verdict, problems);
            }
        }
        Long who = null;
        if (!blank(assignee)) {
            String a = assignee.trim().toLowerCase(Locale.ROOT);
            if (a.equals(UNASSIGNED) || a.equals("-1")) {
                who = -1L;
            } else if (a.equals(ME)) {
                who = myStaffId;
                if (who == null) {
                    problems.add(new Problem("assignee", assignee, "queue.problem.me"));
                }
            } else {
                try {
                    who = Long.parseLong(a);
                } catch (NumberFormatException e) {
                    problems.add(new Problem("assignee", assignee, "queue.problem.assignee"));
                }
            }
        }
        LocalDate fromDay = day("from", from, problems);
        LocalDate toDay = day("to", to, problems);
        if (fromDay != null && toDay != null && toDay.isBefore(fromDay)) {
            problems.add(new Problem("to", to, "queue.problem.range"));
            toDay = null;
        }
        Boolean evidence = null;
        if (!blank(hasEvidence)) {
            switch (hasEvidence.trim().toLowerCase(Locale.ROOT)) {
                case "yes", "true" -> evidence = true;
                case "no", "false" -> evidence = false;
                default -> problems.add(new Problem("hasEvidence", hasEvidence, "queue.problem.hasEvidence"));
            }
        }
        Boolean replied = null;
        if (!blank(reply)) {
            switch (reply.trim().toLowerCase(Locale.ROOT)) {
                case "yes", "true" -> replied = true;
                case "no", "false" -> replied = false;
                default -> problems.add(new Problem("reply", reply, "queue.problem.reply"));
            }
        }
        String order = null;
        if (!blank(sort)) {
            String key = sort.trim().startsWith("-") ? sort.trim().substring(1) : sort.trim();
            if (SORTS.contains(key)) {
                order = sort.trim();
            } else {
                problems.add(new Problem("sort", sort, "queue.problem.sort"));
            }
        }
        int number = 1;
        if (!blank(page)) {
            try {
                number = Integer.parseInt(page.trim());
                if (number < 1) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                problems.add(new Problem("page", page, "queue.problem.page"));
                number = 1;
            }
        }
        String search = blank(q) ? null : q.trim();
        if (search != null && search.length() > 500) {
            search = search.substring(0, 500);
        }
        String ofIncident = null;
        if (!blank(incident)) {
            ofIncident = incident.trim().toUpperCase(Locale.ROOT);
            if (!ofIncident.matches("IN-\\d{4}-\\d{6}")) {
                problems.add(new Problem("incident", incident, "queue.problem.incident"));
                ofIncident = null;
            }
        }
        return new Parsed(new TicketFilter(search, st, vd, pr, who, fromDay, toDay, evidence, order, replied,
                ofIncident),
                number, List.copyOf(problems));
    }

    /** The current sort, as the column links read it. */
    public String sortOrDefault() {
        return blank(sort) || !SORTS.contains(sort.trim().replaceFirst("^-", "")) ? "-submitted" : sort.trim();
    }

    /** The address of the queue with these filters, another sort and page, for links. */
    public String link(String path, String sortTo, Integer pageTo) {
        StringBuilder b = new StringBuilder();
        add(b, "q", q);
        add(b, "status", status);
        add(b, "verdict", verdict);
        add(b, "product", product);
        add(b, "assignee", assignee);
        add(b, "from", from);
        add(b, "to", to);
        add(b, "hasEvidence", hasEvidence);
        add(b, "reply", reply);
        add(b, "incident", incident);
        add(b, "view", incidentsView() ? INCIDENTS : null);
        add(b, "sort", sortTo);
        if (pageTo != null && pageTo > 1) {
            add(b, "page", Integer.toString(pageTo));
        }
        return b.isEmpty() ? path : path + "?" + b;
    }

    /** Whether the queue lists incidents instead of tickets. */
    public boolean incidentsView() {
        return !blank(view) && view.trim().equalsIgnoreCase(INCIDENTS);
    }

    /** The same filters as tickets ({@code incidents} false) or as incidents, from the first page. */
    public String viewLink(boolean incidents) {
        QueueQuery other = new QueueQuery(q, status, verdict, product, assignee, from, to, hasEvidence, sort, null,
                reply, incident, incidents ? INCIDENTS : null);
        return other.link("/desk", incidents || blank(sort) ? null : sort, null);
    }

    /** The same filters and sort, another page. */
    public String pageLink(int pageTo) {
        return link("/desk", blank(sort) ? null : sort, pageTo);
    }

    /** The column's sort link: the other direction when it is the current sort, else its natural direction. */
    public String sortLink(String key) {
        String current = sortOrDefault();
        String next;
        if (current.equals(key)) {
            next = "-" + key;
        } else if (current.equals("-" + key)) {
            next = key;
        } else {
            next = key.equals("submitted") || key.equals("updated") ? "-" + key : key;
        }
        return link("/desk", next.equals("-submitted") ? null : next, null);
    }

    /** {@code ascending}, {@code descending} or {@code none}, for the column header's {@code aria-sort}. */
    public String sortState(String key) {
        String current = sortOrDefault();
        return current.equals(key) ? "ascending" : current.equals("-" + key) ? "descending" : "none";
    }

    /** The queue CSV with the same filters and sort. */
    public String csvLink() {
        return link("/desk/export.csv", blank(sort) ? null : sort, null);
    }

    /** Whether any filter is set (the search box included), for the empty-state text. */
    public boolean filtered() {
        return !blank(q) || !blank(status) || !blank(verdict) || !blank(product) || !blank(assignee) || !blank(from)
                || !blank(to) || !blank(hasEvidence) || !blank(reply) || !blank(incident);
    }

    private static void add(StringBuilder b, String name, String value) {
        if (!blank(value)) {
            // URLEncoder, not a URI builder: a "+" in a search must arrive as a plus, not a space
            b.append(b.isEmpty() ? "" : "&").append(name).append('=')
                    .append(URLEncoder.encode(value.trim(), StandardCharsets.UTF_8));
        }
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String field, String value, List<Problem> problems) {
        try {
            return LenientEnums.parse(type, value);
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(field, value, "queue.problem." + field));
            return null;
        }
    }

    private static LocalDate day(String field, String value, List<Problem> problems) {
        if (blank(value)) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            problems.add(new Problem(field, value, "queue.problem.date"));
            return null;
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
