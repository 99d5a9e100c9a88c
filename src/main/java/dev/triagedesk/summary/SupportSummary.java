package dev.triagedesk.summary;

import dev.triagedesk.evidence.Verdict;
import dev.triagedesk.ticket.CheckResult;
import dev.triagedesk.ticket.ConsoleFinding;
import dev.triagedesk.ticket.Evidence;
import dev.triagedesk.ticket.EvidenceKind;
import dev.triagedesk.ticket.FailingRequest;
import dev.triagedesk.ticket.FailureGroup;
import dev.triagedesk.ticket.NormalizedPath;
import dev.triagedesk.ticket.RequestIdentifier;
import dev.triagedesk.ticket.StatusPageAnswer;
import dev.triagedesk.ticket.Ticket;
import dev.triagedesk.ticket.TicketDetails;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The support-ready note, generated from the stored facts of a ticket: the four labels, when (with time zone),
 * what and where, the isolation results or API details, the failing requests with their errors and IDs, the
 * failing percentage, the verdict and the next steps of its path. Markdown and plain text carry the same content.
 */
public final class SupportSummary {

    /** Failing requests listed in full; the rest are counted. */
    static final int LISTED = 25;
    /** Request IDs shown in one row of repeated failures; the rest are counted (every ID is in the JSON export). */
    static final int IDS_PER_ROW = 20;
    /** Characters of a failing request's address in the summary; a longer one is shortened in the middle. */
    static final int URL_SHOWN = 160;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    private static final DateTimeFormatter WHEN_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    /** Both forms of the summary. */
    public record Rendered(String markdown, String text) {
    }

    private SupportSummary() {
    }

    public static Rendered render(TicketDetails d, Verdict verdict, List<ReadinessLabels.Label> labels) {
        return new Rendered(write(d, verdict, labels, SummaryWriter.Format.MARKDOWN),
                write(d, verdict, labels, SummaryWriter.Format.PLAIN));
    }

    private static String write(TicketDetails d, Verdict verdict, List<ReadinessLabels.Label> labels,
                                SummaryWriter.Format format) {
        Ticket t = d.ticket();
        SummaryWriter w = new SummaryWriter(format);
        w.title((t.getReference() == null ? "Draft report" : "Report " + t.getReference()) + ": "
                + (t.getProduct() == null ? "failure" : t.getProduct().label() + " failure"));

        w.heading("Support-ready checklist");
        for (ReadinessLabels.Label l : labels) {
            w.check(l.present(), l.name(), l.phrase());
        }
        w.gap();
        boolean api = t.getProduct() != null && t.getProduct().isApi();
        if (api) {
            // what the vendor's support looks API calls up by comes first
            ApiSummary.requestIds(w, d);
        }

        w.heading("What happened");
        w.fact("Product", t.getProduct() == null ? null
                : t.getProduct().label() + (t.getProductDetail() == null ? "" : " (" + t.getProductDetail() + ")"));
        w.fact("What the reporter sees", seen(t));
        w.fact("When", when(t, d));
        w.fact("Environment", t.getEnvironment());
        w.fact("Status page", statusPage(t));
        w.fact("Reported by", reporter(t));
        w.fact("Conversation", Phrase.literal(t.getConversationUrl()));
        w.gap();
        if (t.getDescription() != null) {
            w.paragraph(t.getDescription());
        }

        if (api) {
            ApiSummary.details(w, d);
        } else {
            w.heading("Isolation checks");
            List<List<Phrase>> rows = new ArrayList<>();
            for (Map.Entry<String, CheckResult> e : t.getChecks().asMap().entrySet()) {
                rows.add(List.of(Phrase.of(e.getKey()), Phrase.of(e.getValue().label())));
            }
            w.table(List.of("Check", "Result"), rows);
        }

        evidence(w, d);
        failures(w, d, api);

        w.heading("Verdict: " + verdict.path().label());
        for (String reason : verdict.reasons()) {
            w.bullet(reason);
        }
        w.gap();
        w.fact("Next step", verdict.nextStep());
        return w.toString();
    }

    private static void evidence(SummaryWriter w, TicketDetails d) {
        if (d.evidence().isEmpty()) {
            return;
        }
        w.heading("Evidence");
        long entries = 0;
        long failing = 0;
        for (Evidence e : d.evidence()) {
            String what;
            if (!e.isAnalyzed()) {
                what = "not readable: " + e.getReason();
            } else if (e.getKind() == EvidenceKind.HAR) {
                entries += e.getEntryCount();
                failing += e.getFailureCount();
                what = count(e.getEntryCount(), "request") + ", " + e.getFailureCount() + " failing"
                        + (e.getStreamErrorCount() > 0 ? ", " + count(e.getStreamErrorCount(), "stream error") : "")
                        + ", " + count(e.getSecretsRemoved(), "secret") + " removed"
                        + (e.isAlreadySanitized() ? "; exported without cookies, so the session cannot be checked" : "")
                        + (e.isPartial() ? "; " + e.getPartialReason() : "");
            } else if (e.getKind() == EvidenceKind.API_LOG) {
                what = count(e.getEntryCount(), "line") + ", " + count(e.getFailureCount(), "failing call") + ", "
                        + count(e.getSecretsRemoved(), "secret") + " removed";
            } else if (e.getKind() == EvidenceKind.BATCH) {
                what = count(e.getEntryCount(), "request") + ", " + e.getFailureCount() + " failed, "
                        + count(e.getSecretsRemoved(), "secret") + " removed";
            } else if (e.getKind() == EvidenceKind.CONSOLE) {
                what = count(e.getEntryCount(), "line") + ", " + count(e.getFailureCount(), "error") + ", "
                        + count(e.getSecretsRemoved(), "secret") + " removed";
            } else {
                what = "screenshot";
            }
            w.bullet(e.getKind().label() + " " + e.getFileName() + ": " + what);
        }
        if (entries > 0) {
            w.bullet(String.format(Locale.ROOT, "Failing: %d of %d captured requests (%.1f%%)", failing, entries,
                    100.0 * failing / entries));
        }
        w.gap();
    }

    /** A row's request IDs: the first {@link #IDS_PER_ROW}, then how many more (a capture of thousands of failures). */
    private static Phrase idsOfRow(List<Phrase> ids) {
        if (ids.size() <= IDS_PER_ROW) {
            return Phrase.join(", ", ids);
        }
        return Phrase.join(", ", ids.subList(0, IDS_PER_ROW))
                .then(Phrase.of(" and " + (ids.size() - IDS_PER_ROW) + " more (every one in the JSON export)"));
    }

    /** {@code api}: a client's log may quote prompts and completions, which are left out of what is shown. */
    private static void failures(SummaryWriter w, TicketDetails d, boolean api) {
        Map<Long, List<Phrase>> ids = new LinkedHashMap<>();
        for (RequestIdentifier id : d.identifiers()) {
            if (id.getFailingRequest() != null) {
                ids.computeIfAbsent(id.getFailingRequest().getId(), k -> new ArrayList<>())
                        .add(Phrase.of(id.getName() + " ").thenLiteral(id.getValue()));
            }
        }
        List<FailingRequest> failing = d.failures().stream().filter(f -> !f.isStreamError()).toList();
        if (!failing.isEmpty()) {
            w.heading("Failing requests");
            // one failure repeated (same method, normalized address, status, error code) is one row with its count,
            // its time range and every request ID: support needs the IDs, not the same 300-character line eight times
            List<FailureGroup> groups = FailureGroup.of(failing);
            List<List<Phrase>> rows = new ArrayList<>();
            for (FailureGroup g : groups.subList(0, Math.min(LISTED, groups.size()))) {
                FailingRequest f = g.first();
                List<Phrase> groupIds = g.requests().stream()
                        .flatMap(r -> ids.getOrDefault(r.getId(), List.of()).stream()).toList();
                String time = g.repeated() ? utc(f.getStartedAt()) + " to " + utc(g.last().getStartedAt())
                        : utc(f.getStartedAt());
                rows.add(List.of(Phrase.of(time), g.repeated() ? Phrase.of(g.count() + "× ").then(request(f, URL_SHOWN))
                                : request(f, URL_SHOWN), Phrase.of(status(f)), Phrase.of(error(f, api)),
                        idsOfRow(groupIds)));
            }
            w.table(List.of("Time (UTC)", "Request", "Status", "Error", "Request IDs"), rows);
            if (groups.size() > LISTED) {
                int rest = groups.subList(LISTED, groups.size()).stream().mapToInt(FailureGroup::count).sum();
                w.paragraph("… and " + count(rest, "more failing request") + ".");
            }
        }
        List<FailingRequest> streams = d.failures().stream().filter(FailingRequest::isStreamError).toList();
        if (!streams.isEmpty()) {
            w.heading("Errors inside successful streams");
            List<List<Phrase>> rows = new ArrayList<>();
            for (FailingRequest f : streams.subList(0, Math.min(LISTED, streams.size()))) {
                rows.add(List.of(Phrase.of(utc(f.getStartedAt())), Phrase.literal(f.getUrl()), Phrase.of(error(f, api)),
                        Phrase.join(", ", ids.getOrDefault(f.getId(), List.of()))));
            }
            w.table(List.of("Time (UTC)", "Request", "Error event", "Request IDs"), rows);
        }
        List<ConsoleFinding> console = d.consoleFindings();
        if (!console.isEmpty()) {
            w.heading("Console errors");
            List<List<Phrase>> rows = new ArrayList<>();
            for (ConsoleFinding c : console.subList(0, Math.min(LISTED, console.size()))) {
                rows.add(List.of(Phrase.of(c.getEvidence().getFileName() + ":" + c.getLineNumber()),
                        Phrase.of(c.getLoggedAt()), Phrase.of(api ? ApiSummary.withoutPrompt(c.getMessage()) : c.getMessage()),
                        Phrase.of(c.getFailingRequest() == null ? "" : "same as the failing "
                                + nz(c.getFailingRequest().getMethod()) + " at HAR entry "
                                + c.getFailingRequest().getEntryIndex())));
            }
            w.table(List.of("Line", "Time", "Message", "Linked request"), rows);
            if (console.size() > LISTED) {
                w.paragraph("… and " + count(console.size() - LISTED, "more console error") + ".");
            }
        }
        if (!d.signals().isEmpty()) {
            w.heading("Signals");
            Map<String, Long> counts = d.signals().stream().collect(Collectors.groupingBy(
                    s -> s.getType().label() + (s.getDetail() == null ? "" : ": "
                            + (api ? ApiSummary.withoutPrompt(s.getDetail()) : s.getDetail())), LinkedHashMap::new,
                    Collectors.counting()));
            counts.entrySet().stream().limit(12).forEach(e -> w.bullet((e.getValue() > 1 ? e.getValue() + "× " : "") + e.getKey()));
            w.gap();
        }
    }

    private static String seen(Ticket t) {
        String m = t.getSeenMessage();
        Integer s = t.getSeenStatus();
        if (m == null && s == null) {
            return null;
        }
        return (m == null ? "" : "\"" + m + "\"") + (s == null ? "" : (m == null ? "" : " ") + "(HTTP " + s + ")");
    }

    /** The time the reporter gave, with its zone and in UTC; else the time of the first failing request. */
    static String when(Ticket t, TicketDetails d) {
        LocalDateTime at = t.getOccurredAt();
        if (at != null) {
            ZoneId zone;
            try {
                zone = t.getTimeZone() == null ? ZoneOffset.UTC : ZoneId.of(t.getTimeZone());
            } catch (DateTimeException e) {
                zone = ZoneOffset.UTC;
            }
            ZonedDateTime z = at.atZone(zone);
            if (z.getOffset().equals(ZoneOffset.UTC) && zone.normalized().equals(ZoneOffset.UTC)) {
                return WHEN.format(z) + " UTC";
            }
            return WHEN.format(z) + " " + zone.getId() + " (UTC" + z.getOffset().getId().replace("Z", "+00:00") + ", "
                    + WHEN.format(z.withZoneSameInstant(ZoneOffset.UTC)) + " UTC)";
        }
        for (FailingRequest f : d.failures()) {
            boolean har = f.getEvidence().getKind() == EvidenceKind.HAR;
            // a log's time without its offset is the reporter's clock in an unknown zone: no UTC time to say
            if (f.getStartedAt() != null && (har || ApiCalls.instant(f.getStartedAt()) != null)) {
                return utc(f.getStartedAt()) + " UTC (first failing request in the "
                        + (har ? "HAR" : f.getEvidence().getKind().label()) + ")";
            }
        }
        return null;
    }

    private static String utc(String iso) {
        if (iso == null) {
            return "";
        }
        try {
            return WHEN_SECONDS.format(java.time.OffsetDateTime.parse(iso).atZoneSameInstant(ZoneOffset.UTC));
        } catch (DateTimeException e) {
            return iso;
        }
    }

    private static String statusPage(Ticket t) {
        StatusPageAnswer a = t.getStatusPage();
        if (a == null) {
            return null;
        }
        return switch (a) {
            case INCIDENT_THIS_COMPONENT -> "incident for this component";
            case INCIDENT_OTHER_PRODUCT -> "incident only for another product (context, not an explanation)";
            case NO_INCIDENT -> "no incident (its figures are averages: a clean page does not prove this route is fine)";
            case NOT_CHECKED -> "not checked";
        };
    }

    /** "Pat <pat@example.com>", "Pat", or the address alone when no name was given. */
    private static Phrase reporter(Ticket t) {
        if (t.getReporterName() == null && t.getReporterEmail() == null) {
            return null;
        }
        if (t.getReporterName() == null) {
            return Phrase.literal(t.getReporterEmail());
        }
        Phrase name = Phrase.of(t.getReporterName());
        return t.getReporterEmail() == null ? name : name.then(" <").thenLiteral(t.getReporterEmail()).then(">");
    }

    /** "POST " and the URL, a literal value. */
    private static Phrase request(FailingRequest f) {
        return request(f, Integer.MAX_VALUE);
    }

    /** The request with its address shortened in the middle to {@code max} characters (whole in the sanitized HAR). */
    private static Phrase request(FailingRequest f, int max) {
        String url = NormalizedPath.middle(f.getUrl(), max);
        return f.getMethod() == null ? Phrase.literal(url) : Phrase.of(f.getMethod() + " ").thenLiteral(url);
    }

    private static String status(FailingRequest f) {
        if (f.getStatus() > 0) {
            return String.valueOf(f.getStatus());
        }
        return f.getNetError() != null ? f.getNetError() : "no response";
    }

    private static String error(FailingRequest f, boolean api) {
        List<String> parts = new ArrayList<>();
        if (f.getErrorCode() != null) {
            parts.add(f.getErrorCode());
        } else if (f.getErrorType() != null) {
            parts.add(f.getErrorType());
        }
        if (f.getErrorMessage() != null) {
            String m = api ? ApiSummary.withoutPrompt(f.getErrorMessage()) : f.getErrorMessage();
            parts.add(m.length() > 160 ? m.substring(0, 159) + "…" : m);
        }
        return String.join(": ", parts);
    }

    /** "1 request", "2 requests". */
    static String count(long n, String singular) {
        return n + " " + singular + (n == 1 ? "" : "s");
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
