package dev.triagedesk.export;

import dev.triagedesk.audit.AuditAction;
import dev.triagedesk.audit.AuditLog;
import dev.triagedesk.evidence.NonClosingOutputStream;
import dev.triagedesk.evidence.TriagePath;
import dev.triagedesk.evidence.har.HarTrimmer;
import dev.triagedesk.evidence.redact.LeftoverScan;
import dev.triagedesk.report.ReportService;
import dev.triagedesk.storage.EvidenceStorage;
import dev.triagedesk.storage.MissingEvidenceException;
import dev.triagedesk.storage.TemporaryFiles;
import dev.triagedesk.ticket.ApiContext;
import dev.triagedesk.ticket.ConsoleFinding;
import dev.triagedesk.ticket.Evidence;
import dev.triagedesk.ticket.FailingRequest;
import dev.triagedesk.ticket.FindingSignal;
import dev.triagedesk.ticket.RequestIdentifier;
import dev.triagedesk.ticket.Ticket;
import dev.triagedesk.ticket.TicketDetails;
import dev.triagedesk.ticket.TicketService;
import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Service;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds every export of a ticket (and of the queue). Each one is made from stored, sanitized data, is scanned for
 * secret shapes before it is handed out, and leaves a line in the audit trail.
 */
@Service
public class TicketExporter {

    /** Neighbours of a failing request kept in the trimmed HAR: started this long before or after it. */
    static final Duration NEIGHBOURHOOD = Duration.ofSeconds(10);
    /**
     * Most rows in one CSV export. The export streams to a file, so this bounds its time and disk (a few hundred
     * bytes a row), not memory; a longer queue is refused rather than cut off without a word.
     */
    public static final int CSV_MAX_ROWS = 1_000_000;
    private static final Logger log = LoggerFactory.getLogger(TicketExporter.class);
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final TicketService tickets;
    private final ReportService reports;
    private final EvidenceStorage storage;
    private final AuditLog audit;
    private final TemporaryFiles temporary;

    TicketExporter(TicketService tickets, ReportService reports, EvidenceStorage storage, AuditLog audit,
                   TemporaryFiles temporary) {
        this.tickets = tickets;
        this.reports = reports;
        this.storage = storage;
        this.audit = audit;
        this.temporary = temporary;
    }

    /** The support note as Markdown, ready to paste into the vendor's form. */
    public String markdown(String reference, String actor) {
        TicketDetails d = details(reference);
        String note = checked(d.ticket().getSummaryMarkdown(), "the Markdown note of " + reference);
        audit.recordAccess(d.ticket().getId(), actor, AuditAction.EXPORTED, "support note (Markdown)");
        return note;
    }

    /** The support note as plain text. */
    public String text(String reference, String actor) {
        TicketDetails d = details(reference);
        String note = checked(d.ticket().getSummaryText(), "the plain-text note of " + reference);
        audit.recordAccess(d.ticket().getId(), actor, AuditAction.EXPORTED, "support note (plain text)");
        return note;
    }

    /** The ticket, its findings and its IDs as JSON. */
    public String json(String reference, String actor) {
        TicketDetails d = details(reference);
        String json = checked(JSON.writeValueAsString(toExport(d)), "the JSON of " + reference);
        audit.recordAccess(d.ticket().getId(), actor, AuditAction.EXPORTED, "ticket JSON");
        return json;
    }

    /** The ticket JSON of a ticket already opened (and audited as viewed) by the caller. */
    public String jsonOf(TicketDetails d) {
        return checked(JSON.writeValueAsString(toExport(d)), "the JSON of " + d.ticket().getReference());
    }

    public TicketExport toExport(TicketDetails d) {
        Ticket t = d.ticket();
        ReportService.Review review = reports.review(t.getId());
        Map<Long, List<TicketExport.IdPart>> idsByRequest = new LinkedHashMap<>();
        List<TicketExport.IdPart> ids = new ArrayList<>();
        for (RequestIdentifier id : d.identifiers()) {
            TicketExport.IdPart part = new TicketExport.IdPart(id.getName(), id.getValue(),
                    id.getEvidence() == null ? null : id.getEvidence().getId());
            ids.add(part);
            if (id.getFailingRequest() != null) {
                idsByRequest.computeIfAbsent(id.getFailingRequest().getId(), k -> new ArrayList<>()).add(part);
            }
        }
        List<TicketExport.FailingPart> failing = new ArrayList<>();
        for (FailingRequest f : d.failures()) {
            failing.add(new TicketExport.FailingPart(f.getEvidence().getId(), f.getEntryIndex(), f.isStreamError(),
                    f.getStartedAt(), f.getMethod(), f.getUrl(), f.getStatus(), f.getStatusText(), f.getNetError(),
                    f.getDurationMs(), f.getCategory() == null ? null : f.getCategory().id(),
                    f.getErrorType() == null && f.getErrorCode() == null && f.getErrorMessage() == null ? null
                            : new TicketExport.ErrorPart(f.getErrorType(), f.getErrorCode(), f.getErrorMessage(), f.getErrorParam()),
                    idsByRequest.getOrDefault(f.getId(), List.of())));
        }
        List<TicketExport.ConsolePart> console = new ArrayList<>();
        for (ConsoleFinding c : d.consoleFindings()) {
            console.add(new TicketExport.ConsolePart(c.getEvidence().getId(), c.getLineNumber(), c.getLoggedAt(),
                    c.getLevel(), c.getMessage(), c.getUrl(), c.getStatus(), c.getNetError(),
                    c.getCategory() == null ? null : c.getCategory().id(),
                    c.getFailingRequest() == null ? null : c.getFailingRequest().getEntryIndex()));
        }
        List<TicketExport.SignalPart> signals = new ArrayList<>();
        for (FindingSignal s : d.signals()) {
            signals.add(new TicketExport.SignalPart(s.getEvidence().getId(), s.getType().id(), s.getEntryIndex(),
                    s.getLineNumber(), s.getUrl(), s.getDetail()));
        }
        List<TicketExport.EvidencePart> evidence = new ArrayList<>();
        for (Evidence e : d.evidence()) {
            evidence.add(new TicketExport.EvidencePart(e.getId(), e.getFileName(), lower(e.getKind()), lower(e.getStatus()),
                    e.getOutcomeReason(), e.getFormat(), e.getEntryCount(), e.getFailureCount(), e.getStreamErrorCount(),
                    e.getSignalCount(), e.getSecretsRemoved(), e.isAlreadySanitized(), e.isAnalyzedInPart(),
                    e.getAddedAt().toString()));
        }
        Map<String, String> checks = new LinkedHashMap<>();
        t.getChecks().asMap().forEach((k, v) -> checks.put(k, lower(v)));
        ApiContext a = t.getApi();
        TicketExport.Answers answers = new TicketExport.Answers(lower(t.getProduct()), t.getProductDetail(),
                t.getSeenMessage(), t.getSeenStatus(), t.getOccurredAt() == null ? null : t.getOccurredAt().toString(),
                t.getTimeZone(), t.getEnvironment(), t.getDescription(), lower(t.getStatusPage()), checks,
                t.getProduct() != null && t.getProduct().isApi() ? new TicketExport.Api(a.getModel(), a.getEndpoint(),
                        a.getServiceTier(), a.getOrgId(), a.getProjectId(), a.getFailingPercent(),
                        a.getRetriedWithBackoff(), a.backoffHelped() ? Boolean.TRUE : null, a.getRequestIds(), a.getSdk(),
                        a.getCallMode() == null ? null : a.getCallMode().id()) : null,
                t.getConversationUrl());
        TriagePath path = review.verdict().path();
        return new TicketExport(TicketExport.SCHEMA, t.getReference(), lower(t.getStatus()), iso(t.getSubmittedAt()),
                iso(t.getUpdatedAt()), t.getAssignee() == null ? null : t.getAssignee().getUsername(),
                t.getReporterName() == null && t.getReporterEmail() == null ? null
                        : new TicketExport.Reporter(t.getReporterName(), t.getReporterEmail()),
                answers, new TicketExport.VerdictPart(path.id(), path.label(), review.verdict().reasons(), review.verdict().nextStep()),
                review.labels().stream().map(l -> new TicketExport.Label(l.name(), l.present(), l.detail())).toList(),
                evidence, failing, console, signals, ids,
                new TicketExport.SummaryPart(t.getSummaryMarkdown(), t.getSummaryText()));
    }

    /**
     * The evidence bundle: the summary, the ticket JSON, each sanitized HAR whole and trimmed to its failing
     * requests and their neighbours in time, console logs and screenshots. Written to a temporary file (checked
     * member by member) that the caller sends and deletes.
     */
    public Path bundle(String reference, String actor) {
        TicketDetails d = details(reference);
        String root = d.ticket().getReference() + "/";
        Path zip = temporary.create("triage-bundle", ".zip");
        try (ZipOutputStream z = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(zip), 1 << 16))) {
            text(z, root + "README.txt", readme(d));
            text(z, root + "summary.md", d.ticket().getSummaryMarkdown());
            text(z, root + "summary.txt", d.ticket().getSummaryText());
            text(z, root + "ticket.json", JSON.writeValueAsString(toExport(d)));
            Set<String> used = new HashSet<>();
            for (Evidence e : d.analyzed()) {
                if (!storage.exists(e.getStoredLocation())) {
                    // never a silently smaller bundle: the export fails and says which file is missing
                    log.error("Export of {} refused: the evidence store lacks {} ({})", reference,
                            e.getStoredLocation(), e.getKind().label());
                    throw new EvidenceMissingException(e.getKind().label() + " " + e.getFileName());
                }
                String base = unique(used, baseName(e));
                switch (e.getKind()) {
                    case HAR -> {
                        member(z, root + "har/" + base, e, true);
                        Set<Integer> failing = new HashSet<>();
                        for (FailingRequest f : d.failures()) {
                            if (f.getEvidence().getId().equals(e.getId())) {
                                failing.add(f.getEntryIndex());
                            }
                        }
                        if (!failing.isEmpty()) {
                            trimmed(z, root + "har/" + base.replaceFirst("\\.har$", "") + ".failing.har", e, failing);
                        }
                    }
                    case CONSOLE -> member(z, root + "console/" + base, e, true);
                    case SCREENSHOT -> member(z, root + "screenshots/" + base, e, false);
                    case API_LOG -> member(z, root + "api-logs/" + base, e, true);
                    case BATCH -> member(z, root + "batch/" + base, e, true);
                }
            }
        } catch (MissingEvidenceException e) {
            // gone between the check and the read
            delete(zip);
            log.error("Export of {} refused: the evidence store lacks {}", reference, e.location());
            throw new EvidenceMissingException(e.location());
        } catch (IOException e) {
            delete(zip);
            throw new UncheckedIOException(e);
        } catch (UncheckedIOException e) {
            delete(zip);
            if (e.getCause() instanceof MissingEvidenceException m) {
                log.error("Export of {} refused: the evidence store lacks {}", reference, m.location());
                throw new EvidenceMissingException(m.location());
            }
            throw e;
        } catch (RuntimeException e) {
            delete(zip);
            throw e;
        }
        audit.recordAccess(d.ticket().getId(), actor, AuditAction.EXPORTED, "evidence bundle (ZIP)");
        return zip;
    }

    /**
     * The queue as CSV, one row per ticket the workspace found for a filter, in a temporary file that the caller
     * sends and deletes. The rows come from the database one at a time and go to the file through the leftover scan, so
     * memory stays flat for any size of queue; and since nothing is sent before the file is complete and
     * checked, a refusal ({@link ExportRefusedException}, {@link ExportTooLargeException}) is still an answer of
     * its own instead of a download that breaks off.
     */
    public Path csv(QueueRows queue, String actor) {
        return csv(queue, actor, CSV_MAX_ROWS);
    }

    Path csv(QueueRows queue, String actor, long maxRows) {
        Path file = temporary.create("triage-queue", ".csv");
        LeftoverScan leftover = new LeftoverScan();
        long rows;
        // buffered on both sides: the CSV printer writes a quoted cell a character at a time
        try (Writer w = new BufferedWriter(new OutputStreamWriter(leftover.wrap(new BufferedOutputStream(
                Files.newOutputStream(file), 1 << 16)), StandardCharsets.UTF_8), 1 << 14);
             CSVPrinter csv = new CSVPrinter(w, CSVFormat.RFC4180.builder().setHeader("reference", "submitted_at",
                     "status", "product", "verdict", "assignee", "reporter_email", "seen_status", "seen_message",
                     "updated_at").get())) {
            rows = queue.each(maxRows, t -> {
                try {
                    csv.printRecord(cell(t.reference()), cell(iso(t.submittedAt())), cell(lower(t.status())),
                            cell(lower(t.product())), cell(t.verdict() == null ? null : t.verdict().id()),
                            cell(t.assignee()), cell(t.reporterEmail()), t.seenStatus(), cell(t.seenMessage()),
                            cell(iso(t.updatedAt())));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            delete(file);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            delete(file);
            throw e;
        }
        if (rows > maxRows) {
            delete(file);
            throw new ExportTooLargeException(maxRows);
        }
        if (!leftover.clean()) {
            delete(file);
            throw new ExportRefusedException("refused to export the queue CSV: " + leftover.findings().get(0));
        }
        audit.recordAccess(null, actor, AuditAction.EXPORTED, "queue CSV (" + rows + (rows == 1 ? " ticket)" : " tickets)"));
        return file;
    }

    /** A cell a spreadsheet will not run as a formula (a reporter's text may start with "=" or "+"). */
    static String cell(String s) {
        if (s == null || s.isEmpty()) {
            return s;
        }
        char c = s.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + s : s;
    }

    private TicketDetails details(String reference) {
        return tickets.submittedDetails(reference)
                .orElseThrow(() -> new IllegalArgumentException("no ticket " + reference));
    }

    private void member(ZipOutputStream z, String name, Evidence e, boolean scan) throws IOException {
        z.putNextEntry(new ZipEntry(name));
        LeftoverScan leftover = new LeftoverScan();
        OutputStream target = scan ? leftover.wrap(NonClosingOutputStream.of(z)) : NonClosingOutputStream.of(z);
        try (InputStream in = storage.open(e.getStoredLocation()); OutputStream o = target) {
            in.transferTo(o);
        }
        z.closeEntry();
        refuseIfDirty(leftover, name);
    }

    private void trimmed(ZipOutputStream z, String name, Evidence e, Set<Integer> failing) throws IOException {
        trimmed(z, name, e, failing, HarTrimmer.NEIGHBOURS);
    }

    /** The HAR's failing entries with up to {@code neighbours} entries each side near them in time. */
    void trimmed(ZipOutputStream z, String name, Evidence e, Set<Integer> failing, int neighbours)
            throws IOException {
        z.putNextEntry(new ZipEntry(name));
        LeftoverScan leftover = new LeftoverScan();
        try (OutputStream o = leftover.wrap(NonClosingOutputStream.of(z))) {
            HarTrimmer.trim(() -> {
                try {
                    return storage.open(e.getStoredLocation());
                } catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
            }, failing, neighbours, NEIGHBOURHOOD, o);
        }
        z.closeEntry();
        refuseIfDirty(leftover, name);
    }

    static void text(ZipOutputStream z, String name, String content) throws IOException {
        z.putNextEntry(new ZipEntry(name));
        z.write(checked(content == null ? "" : content, name).getBytes(StandardCharsets.UTF_8));
        z.closeEntry();
    }

    private static void refuseIfDirty(LeftoverScan scan, String what) {
        if (!scan.clean()) {
            throw new ExportRefusedException("refused to export " + what + ": " + scan.findings().get(0));
        }
    }

    static String checked(String content, String what) {
        if (content == null) {
            return "";
        }
        List<LeftoverScan.Finding> findings = LeftoverScan.check(content);
        if (!findings.isEmpty()) {
            throw new ExportRefusedException("refused to export " + what + ": " + findings.get(0));
        }
        return content;
    }

    private static String readme(TicketDetails d) {
        return "Evidence bundle of " + d.ticket().getReference() + ", made by Triage Desk on " + Instant.now() + ".\n\n"
                + "summary.md / summary.txt   the support note\n"
                + "ticket.json                the ticket, its findings and request IDs (schema " + TicketExport.SCHEMA + ")\n"
                + "har/NAME.har               each HAR, sanitized: cookies, tokens, keys and passwords are replaced by\n"
                + "                           [REDACTED:kind:fingerprint] markers (the same secret has the same marker)\n"
                + "har/NAME.failing.har       the same HAR cut down to its failing requests and those started within "
                + NEIGHBOURHOOD.toSeconds() + " s of them\n"
                + "console/NAME.log           console logs, sanitized\n"
                + "screenshots/               screenshots, re-encoded without their metadata\n\n"
                + "Nothing here is an original upload: originals are never stored.\n";
    }

    private static String baseName(Evidence e) {
        String loc = e.getStoredLocation();
        return loc.substring(loc.lastIndexOf('/') + 1);
    }

    private static String unique(Set<String> used, String name) {
        String n = name;
        int i = 2;
        while (!used.add(n)) {
            n = i++ + "-" + name;
        }
        return n;
    }

    private static String lower(Enum<?> e) {
        return e == null ? null : e.name().toLowerCase(Locale.ROOT);
    }

    private static String iso(Instant i) {
        return i == null ? null : i.toString();
    }

    private static void delete(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a temporary file
        }
    }
}
