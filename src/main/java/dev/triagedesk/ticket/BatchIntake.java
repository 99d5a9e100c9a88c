package dev.triagedesk.ticket;

import dev.triagedesk.evidence.EvidenceEngine;
import dev.triagedesk.evidence.RequestId;
import dev.triagedesk.evidence.Signal;
import dev.triagedesk.evidence.batch.BatchAnalysis;
import dev.triagedesk.evidence.batch.BatchFailure;
import dev.triagedesk.evidence.batch.BatchJob;
import dev.triagedesk.evidence.input.EvidenceDocument;
import dev.triagedesk.evidence.redact.RedactionReport;
import dev.triagedesk.storage.EvidenceStorage;
import dev.triagedesk.system.TriageProperties;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import org.springframework.stereotype.Component;

/**
 * Stores a Batch API file: the sanitized copy, a {@link FailingRequest} per result that did not succeed (up to the
 * findings cap; its line of the file as its entry, the job's endpoint as its URL when the file names it), the
 * request ID and the custom_id of each as identifiers, the signals, and the counts beside the copy
 * ({@code .analysis.json}).
 */
@Component
class BatchIntake {

    /** The identifier name a failing line's custom_id is kept under: support asks for it to find the request. */
    static final String CUSTOM_ID = "custom_id";

    private final EvidenceEngine engine;
    private final EvidenceStorage storage;
    private final TriageProperties properties;
    private final FailingRequestRepository failures;
    private final FindingSignalRepository signals;
    private final RequestIdentifierRepository identifiers;

    BatchIntake(EvidenceEngine engine, EvidenceStorage storage, TriageProperties properties,
                FailingRequestRepository failures, FindingSignalRepository signals,
                RequestIdentifierRepository identifiers) {
        this.engine = engine;
        this.storage = storage;
        this.properties = properties;
        this.failures = failures;
        this.signals = signals;
        this.identifiers = identifiers;
    }

    /** Reads, sanitizes and records {@code doc}; {@code writeJson} writes the analysis file. */
    void take(Ticket ticket, Evidence row, EvidenceDocument doc, String location,
              BiConsumer<String, Object> writeJson) {
        BatchAnalysis analysis = engine.analyzeBatch(doc, properties.findingsPerFile());
        // a target, not a stream: the engine writes the copy again when a secret echoed before it was learned
        RedactionReport report = engine.sanitizeBatch(doc, () -> storage.create(location));
        BatchJob job = analysis.batches() == null || analysis.batches().isEmpty() ? null : analysis.batches().get(0);
        String first = job == null || job.times() == null ? null : job.times().createdAt();
        String last = job == null || job.times() == null ? null : lastTime(job.times());
        long requests = analysis.requestCount();
        long notSucceeded = analysis.notSucceeded();
        if (analysis.batches() != null) {
            // a Batch object counts its job's requests instead of holding them
            for (BatchJob j : analysis.batches()) {
                requests += j.requestCounts() == null ? 0 : j.requestCounts().total();
                notSucceeded += j.requestCounts() == null ? 0 : j.requestCounts().failed();
            }
        }
        row.recordCounts(requests, notSucceeded, 0, analysis.signals().size(),
                report.total(), false, analysis.truncated(), analysis.format(), first, last);
        String endpoint = analysis.endpoint();
        for (BatchFailure f : analysis.failures()) {
            FailingRequest fr = new FailingRequest(ticket, row, (int) Math.min(Integer.MAX_VALUE, f.line()), false);
            // a Batch request is always a POST to the job's endpoint; its line has no time of its own
            fr.describe(null, f.method() != null ? f.method() : "POST", f.url() != null ? f.url() : endpoint,
                    f.status(), null, null, null, f.category());
            if (f.error() != null) {
                fr.error(f.error().type(), f.error().code(), f.error().message(), f.error().param());
            }
            failures.save(fr);
            if (f.requestId() != null) {
                identifiers.save(new RequestIdentifier(ticket, row, fr, "x-request-id", f.requestId()));
            }
            if (f.customId() != null) {
                identifiers.save(new RequestIdentifier(ticket, row, fr, CUSTOM_ID, f.customId()));
            }
        }
        for (Signal s : analysis.signals()) {
            signals.save(new FindingSignal(ticket, row, s.type(), s.entry(), s.line(), endpoint, s.detail()));
        }
        Map<String, Object> stored = new LinkedHashMap<>();
        stored.put("format", analysis.format());
        stored.put("found", analysis.found());
        stored.put("lineCount", analysis.lineCount());
        stored.put("requestCount", analysis.requestCount());
        stored.put("succeeded", analysis.succeeded());
        stored.put("failed", analysis.failed());
        stored.put("expired", analysis.expired());
        stored.put("cancelled", analysis.cancelled());
        stored.put("timedOut", analysis.timedOut());
        stored.put("otherErrors", analysis.otherErrors());
        stored.put("failedByStatus", analysis.failedByStatus());
        stored.put("byErrorCode", analysis.byErrorCode());
        stored.put("failedCustomIds", analysis.failedCustomIds());
        stored.put("failedCustomIdsOmitted", analysis.failedCustomIdsOmitted());
        stored.put("errorsOmitted", analysis.failuresOmitted()); // the name the ticket page reads for every log
        stored.put("brokenLines", analysis.brokenLines());
        stored.put("brokenLineCount", analysis.brokenLineCount());
        stored.put("truncated", analysis.truncated());
        if (analysis.batches() != null) {
            stored.put("batches", analysis.batches());
        }
        stored.put("redaction", report);
        String analysisLocation = location + ".analysis.json";
        writeJson.accept(analysisLocation, stored);
        row.setAnalysisLocation(analysisLocation);
    }

    /** The job's latest moment: when it ended, however it ended, else when it was last seen going on. */
    private static String lastTime(BatchJob.Times t) {
        for (String s : new String[] {t.completedAt(), t.failedAt(), t.expiredAt(), t.cancelledAt(),
            t.finalizingAt(), t.cancellingAt(), t.inProgressAt()}) {
            if (s != null) {
                return s;
            }
        }
        return null;
    }
}
