package dev.triagedesk.desk.web;

import dev.triagedesk.audit.AuditAction;
import dev.triagedesk.audit.AuditEvent;
import dev.triagedesk.audit.AuditLog;
import dev.triagedesk.desk.DeskService;
import dev.triagedesk.evidence.redact.Redactor;
import dev.triagedesk.report.ReportService;
import dev.triagedesk.staff.StaffService;
import dev.triagedesk.ticket.ApiContext;
import dev.triagedesk.ticket.ConsoleFinding;
import dev.triagedesk.ticket.Evidence;
import dev.triagedesk.ticket.EvidenceKind;
import dev.triagedesk.ticket.FailingRequest;
import dev.triagedesk.ticket.FailureGroup;
import dev.triagedesk.ticket.FailureGroupRow;
import dev.triagedesk.ticket.NormalizedPath;
import dev.triagedesk.ticket.RequestIdentifier;
import dev.triagedesk.ticket.Ticket;
import dev.triagedesk.ticket.TicketDetails;
import dev.triagedesk.ticket.TicketStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The model of the ticket page, built the same way for the page and for its PDF. The PDF leaves out what is
 * internal to the help desk (notes, audit trail) and what only works in a browser (forms, buttons, links).
 */
@Component
class TicketView {

    /** Rows listed per table; the counts stay exact and the JSON export has every row. */
    static final int LISTED = 200;
    /** Lines of the audit trail shown, newest first. */
    static final int TRAIL = 100;

    /** A request or conversation ID, with the element id its copy button points to. */
    record IdView(String elementId, String name, String value, String source) {
    }

    /** Characters of an address shown in a row; a longer one is shortened in the middle, whole when opened. */
    static final int URL_SHOWN = 90;
    /** Requests listed when a row of identical failures is opened; the count stays exact. */
    static final int OCCURRENCES = 100;

    /** One failing request: its times ({@code iso} for {@code <time datetime>}), its attachment and its IDs. */
    record Occurrence(FailingRequest request, String fileName, String utc, String iso, String reporterTime,
                      List<IdView> ids, List<Integer> consoleLines) {
    }

    /** The entries of a row's requests in one attachment: {@code capture.har}, {@code 3, 5, 7}. */
    record Source(String fileName, String entries, int count) {
    }

    /**
     * A row of the failing requests: one failure, or identical ones repeated ({@link FailureGroup}), with the first
     * one's details, the count, the time of the last, and each request (time, entry, IDs) for the list that opens.
     */
    record FailureRow(FailureGroup group, String shortUrl, List<Occurrence> occurrences, int occurrencesNotListed,
                      List<Source> sources, String lastUtc) implements FailureGroupRow {

        public Occurrence first() {
            return occurrences.get(0);
        }

        public String fileName() {
            return first().fileName();
        }

        public String utc() {
            return first().utc();
        }

        public String iso() {
            return first().iso();
        }

        public String reporterTime() {
            return first().reporterTime();
        }

        public List<IdView> ids() {
            return first().ids();
        }

        public List<Integer> consoleLines() {
            return first().consoleLines();
        }
    }

    /** A console error; {@code linkedEntry} is the failing request it is about, when the HAR has it too. */
    record ConsoleRow(ConsoleFinding finding, String fileName, Integer linkedEntry) {
    }

    /** An attachment, what redaction removed from it and, for a HAR, its timeline. */
    record AttachmentView(Evidence evidence, String elementId, StoredAnalysis.Analysis analysis) {

        public boolean isHar() {
            return evidence.getKind() == EvidenceKind.HAR;
        }

        public boolean isConsole() {
            return evidence.getKind() == EvidenceKind.CONSOLE;
        }

        /** An SDK log, traceback or curl transcript: its failing requests are calls, numbered by line. */
        public boolean isApiLog() {
            return evidence.getKind() == EvidenceKind.API_LOG;
        }

        public boolean isScreenshot() {
            return evidence.getKind() == EvidenceKind.SCREENSHOT;
        }
    }

    /**
     * One answer of the checklist or the API details: the message key of its question, and what was answered (as
     * typed, or as the message key {@code valueKey}).
     */
    record Answer(String labelKey, String value, String valueKey) {

        Answer(String labelKey, String value) {
            this(labelKey, value, null);
        }
    }

    /**
     * A line of the trail as the page shows it: views by the same person one after another are one line (each page
     * load after a change is a view, and the changes would drown among them); {@code since} is the first of them.
     */
    record TrailRow(AuditEvent event, int times, java.time.Instant since) {

        static List<TrailRow> of(List<AuditEvent> newestFirst) {
            List<TrailRow> rows = new ArrayList<>();
            for (AuditEvent e : newestFirst) {
                TrailRow last = rows.isEmpty() ? null : rows.get(rows.size() - 1);
                if (last != null && e.getAction() == AuditAction.VIEWED && last.event().getAction() == AuditAction.VIEWED
                        && last.event().getActor().equals(e.getActor())) {
                    rows.set(rows.size() - 1, new TrailRow(last.event(), last.times() + 1, e.getAt()));
                } else {
                    rows.add(new TrailRow(e, 1, e.getAt()));
                }
            }
            return rows;
        }
    }

    private final ReportService reports;
    private final StoredAnalysis analyses;
    private final DeskService desk;
    private final AuditLog audit;
    private final StaffService staff;

    TicketView(ReportService reports, StoredAnalysis analyses, DeskService desk, AuditLog audit, StaffService staff) {
        this.reports = reports;
        this.analyses = analyses;
        this.desk = desk;
        this.audit = audit;
        this.staff = staff;
    }

    /** Everything the template {@code desk/ticket} shows; {@code pdf} for the printed form. */
    Map<String, Object> model(TicketDetails d, boolean pdf) {
        Ticket t = d.ticket();
        Times times = new Times(t.getTimeZone());
        Map<String, Object> model = new HashMap<>();
        model.put("pdf", pdf);
        model.put("ticket", t);
        model.put("times", times);
        model.put("review", reports.review(t.getId()));
        model.put("webChecks", webChecks(t));
        model.put("apiAnswers", t.getProduct() != null && t.getProduct().isApi() ? apiAnswers(t.getApi()) : List.of());

        Map<Long, List<IdView>> idsByRequest = new HashMap<>();
        List<IdView> allIds = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (RequestIdentifier id : d.identifiers()) {
            if (id.getValue() != null && id.getValue().contains(Redactor.MARKER_PREFIX)) {
                continue; // a secret typed where IDs go: removed, and no ID to look anything up by
            }
            IdView view = new IdView("id-" + id.getId(), id.getName(), id.getValue(),
                    id.getEvidence() == null ? null : id.getEvidence().getFileName());
            if (id.getFailingRequest() != null) {
                idsByRequest.computeIfAbsent(id.getFailingRequest().getId(), k -> new ArrayList<>()).add(view);
            }
            if (seen.add(id.getName() + "\u0000" + id.getValue()) && allIds.size() < LISTED) {
                allIds.add(view);
            }
        }
        model.put("identifiers", allIds);

        Map<Long, List<Integer>> consoleByRequest = new HashMap<>();
        List<ConsoleRow> console = new ArrayList<>();
        for (ConsoleFinding c : d.consoleFindings()) {
            FailingRequest linked = c.getFailingRequest();
            if (linked != null) {
                consoleByRequest.computeIfAbsent(linked.getId(), k -> new ArrayList<>()).add(c.getLineNumber());
            }
            if (console.size() < LISTED) {
                console.add(new ConsoleRow(c, c.getEvidence().getFileName(),
                        linked == null ? null : linked.getEntryIndex()));
            }
        }
        List<FailureRow> failures = new ArrayList<>();
        int failuresListed = 0;
        for (FailureGroup g : FailureGroup.of(d.failures())) {
            if (failures.size() >= LISTED) {
                break;
            }
            List<Occurrence> occurrences = g.requests().stream().limit(OCCURRENCES)
                    .map(f -> new Occurrence(f, f.getEvidence().getFileName(), times.harUtc(f.getStartedAt()),
                            times.harIso(f.getStartedAt()), times.harReporter(f.getStartedAt()),
                            idsByRequest.getOrDefault(f.getId(), List.of()),
                            consoleByRequest.getOrDefault(f.getId(), List.of())))
                    .toList();
            failures.add(new FailureRow(g, NormalizedPath.middle(g.first().getUrl(), URL_SHOWN), occurrences,
                    g.count() - occurrences.size(), sources(g),
                    sameDayShortened(occurrences.get(0).utc(), times.harUtc(g.last().getStartedAt()))));
            failuresListed += g.count();
        }
        model.put("failures", failures);
        model.put("failureCount", d.failures().size());
        model.put("failuresNotListed", d.failures().size() - failuresListed);
        model.put("consoleErrors", console);
        model.put("consoleNotListed", d.consoleFindings().size() - console.size());
        model.put("signals", d.signals().stream().limit(LISTED).toList());

        List<AttachmentView> attachments = new ArrayList<>();
        for (Evidence e : d.evidence()) {
            attachments.add(new AttachmentView(e, "attachment-" + e.getId(),
                    e.isAnalyzed() ? analyses.of(e) : StoredAnalysis.Analysis.none()));
        }
        model.put("attachments", attachments);

        if (!pdf) {
            model.put("statuses", TicketStatus.values());
            model.put("assignees", staff.enabled());
            model.put("notes", desk.notes(t.getReference()));
            List<TrailRow> trail = TrailRow.of(audit.trail(t.getId()));
            model.put("trail", trail.stream().limit(TRAIL).toList());
            model.put("trailNotListed", Math.max(0, trail.size() - TRAIL));
        }
        return model;
    }

    /** {@code last} without its date when it is {@code first}'s: "2026-01-07 12:00:09 UTC" after a time that day is "12:00:09 UTC". */
    private static String sameDayShortened(String first, String last) {
        return first.length() > 11 && last.length() > 11 && first.charAt(10) == ' ' && first.regionMatches(0, last, 0, 11)
                ? last.substring(11) : last;
    }

    /** The attachments a row's requests were found in, each with its entries ("3, 5, 7, …" beyond twenty). */
    private static List<Source> sources(FailureGroup g) {
        Map<String, List<Integer>> entries = new LinkedHashMap<>();
        for (FailingRequest f : g.requests()) {
            entries.computeIfAbsent(f.getEvidence().getFileName(), k -> new ArrayList<>()).add(f.getEntryIndex());
        }
        List<Source> sources = new ArrayList<>();
        entries.forEach((file, list) -> {
            String shown = list.stream().limit(20).map(String::valueOf).collect(Collectors.joining(", "));
            sources.add(new Source(file, list.size() > 20 ? shown + ", …" : shown, list.size()));
        });
        return sources;
    }

    private static List<Answer> webChecks(Ticket t) {
        List<Answer> answers = new ArrayList<>();
        var c = t.getChecks();
        answers.add(new Answer("ticket.check.privateWindow", c.getPrivateWindow().label()));
        answers.add(new Answer("ticket.check.clearedSiteData", c.getClearedSiteData().label()));
        answers.add(new Answer("ticket.check.extensionsOff", c.getExtensionsOff().label()));
        answers.add(new Answer("ticket.check.otherBrowser", c.getOtherBrowser().label()));
        answers.add(new Answer("ticket.check.otherDevice", c.getOtherDevice().label()));
        answers.add(new Answer("ticket.check.otherNetwork", c.getOtherNetwork().label()));
        answers.add(new Answer("ticket.check.vpnOff", c.getVpnOff().label()));
        answers.add(new Answer("ticket.check.appVsWeb", c.getAppVsWeb().label()));
        return answers;
    }

    private static List<Answer> apiAnswers(ApiContext a) {
        List<Answer> answers = new ArrayList<>();
        answers.add(new Answer("ticket.api.model", a.getModel()));
        answers.add(new Answer("ticket.api.endpoint", a.getEndpoint()));
        answers.add(new Answer("ticket.api.sdk", a.getSdk()));
        answers.add(new Answer("ticket.api.callMode", null, a.getCallMode() == null ? null
                : "ticket.api.callMode." + a.getCallMode().name()));
        answers.add(new Answer("ticket.api.serviceTier", a.getServiceTier()));
        answers.add(new Answer("ticket.api.orgId", a.getOrgId()));
        answers.add(new Answer("ticket.api.projectId", a.getProjectId()));
        answers.add(new Answer("ticket.api.failingPercent", a.getFailingPercent() == null ? null : a.getFailingPercent() + " %"));
        answers.add(new Answer("ticket.api.retried", null, a.retryAnswer() == null ? null
                : "ticket.api.retried." + a.retryAnswer()));
        answers.add(new Answer("ticket.api.requestIds", a.getRequestIds()));
        return answers;
    }
}
