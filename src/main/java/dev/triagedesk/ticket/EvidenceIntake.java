package dev.triagedesk.ticket;

import dev.triagedesk.evidence.ErrorDetail;
import dev.triagedesk.evidence.EvidenceEngine;
import dev.triagedesk.evidence.EvidenceException;
import dev.triagedesk.evidence.Failure;
import dev.triagedesk.evidence.LeftoverSecretsException;
import dev.triagedesk.evidence.RequestId;
import dev.triagedesk.evidence.Signal;
import dev.triagedesk.evidence.StreamError;
import dev.triagedesk.evidence.api.ApiCall;
import dev.triagedesk.evidence.api.ApiLogAnalysis;
import dev.triagedesk.evidence.console.ConsoleAnalysis;
import dev.triagedesk.evidence.console.ConsoleError;
import dev.triagedesk.evidence.har.HarFindings;
import dev.triagedesk.evidence.har.HarReadMode;
import dev.triagedesk.evidence.har.HarReadResult;
import dev.triagedesk.evidence.input.EvidenceDocument;
import dev.triagedesk.evidence.input.EvidenceFiles;
import dev.triagedesk.evidence.input.EvidenceFormat;
import dev.triagedesk.evidence.input.FileNames;
import dev.triagedesk.evidence.redact.RedactionReport;
import dev.triagedesk.storage.EvidenceStorage;
import dev.triagedesk.system.TriageProperties;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.persistence.PersistenceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns an upload into evidence rows: runs the engine on it, keeps only the sanitized copy, and records what it
 * found. Whatever cannot be read becomes a rejected attachment with its reason; it never fails the report.
 */
@Component
class EvidenceIntake {

    private static final Logger log = LoggerFactory.getLogger(EvidenceIntake.class);
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final EvidenceEngine engine;
    private final EvidenceStorage storage;
    private final TriageProperties properties;
    private final EvidenceRepository evidence;
    private final FailingRequestRepository failures;
    private final ConsoleFindingRepository consoleFindings;
    private final FindingSignalRepository signals;
    private final RequestIdentifierRepository identifiers;
    private final ScreenshotDecoding screenshots;
    private final BatchIntake batches;
    private final FindingRows findingRows;
    private final Clock clock;
    private final MeterRegistry meters;
    /** Bytes of every upload as received (before unpacking), for the operations metrics. */
    private final DistributionSummary received;

    EvidenceIntake(EvidenceEngine engine, EvidenceStorage storage, TriageProperties properties,
                   EvidenceRepository evidence, FailingRequestRepository failures,
                   ConsoleFindingRepository consoleFindings, FindingSignalRepository signals,
                   RequestIdentifierRepository identifiers, ScreenshotDecoding screenshots, BatchIntake batches,
                   FindingRows findingRows, Clock clock, MeterRegistry meters) {
        this.engine = engine;
        this.storage = storage;
        this.properties = properties;
        this.evidence = evidence;
        this.failures = failures;
        this.consoleFindings = consoleFindings;
        this.signals = signals;
        this.identifiers = identifiers;
        this.screenshots = screenshots;
        this.batches = batches;
        this.findingRows = findingRows;
        this.clock = clock;
        this.meters = meters;
        this.received = DistributionSummary.builder("triage.evidence.received").baseUnit("bytes")
                .description("Evidence uploads as received, before unpacking and redaction").register(meters);
    }

    /** Processes one upload; a zip holding several files gives several rows. */
    List<Evidence> take(Ticket ticket, Upload upload) {
        received.record(upload.size());
        // named as shown and stored from here on, so a reason quoting the name fits beside it
        boolean nulInName = upload.originalName() != null && upload.originalName().indexOf('\0') >= 0;
        String shown = FileNames.shown(upload.originalName());
        upload = new Upload(upload.file(), shown.isBlank() ? "upload" : shown, upload.size(), upload.declared());
        if (nulInName) {
            // a name no file system allows: not the file it claims to be, or a client that cut the name wrongly
            return List.of(rejected(ticket, upload.declared(), upload.originalName(), upload.size(),
                    "not taken: the file name contains a control character (NUL), which no file system allows:"
                            + " rename the file and attach it again"));
        }
        int most = properties.upload().maxFilesPerReport();
        if (evidence.countByTicket(ticket) >= most) {
            return List.of(rejected(ticket, upload.declared(), upload.originalName(), upload.size(),
                    "not taken: this report already holds " + most + " attachments, the most one report takes"));
        }
        long limit = properties.upload().maxFileSize().toBytes();
        if (upload.size() > limit) {
            return List.of(rejected(ticket, upload.declared(), upload.originalName(), upload.size(),
                    "larger than the " + mb(limit) + " limit for one file (" + mb(upload.size())
                            + "): compress it as .gz or .zip, or capture less"));
        }
        String image = imageFormat(upload.file());
        if (image != null || upload.declared() == EvidenceKind.SCREENSHOT) {
            return List.of(screenshot(ticket, upload, image));
        }
        EvidenceFiles.Opened opened;
        try {
            opened = engine.open(upload.file(), upload.originalName());
        } catch (EvidenceException e) {
            notRead(ticket, e);
            return List.of(rejected(ticket, upload.declared(), upload.originalName(), upload.size(), e.getMessage()));
        }
        List<Evidence> rows = new ArrayList<>();
        for (EvidenceDocument doc : opened.documents()) {
            rows.add(document(ticket, doc, upload.size()));
        }
        for (EvidenceFiles.Rejection r : opened.rejected()) {
            rows.add(rejected(ticket, upload.declared(), r.name(), 0, r.reason()));
        }
        return rows;
    }

    /** Text pasted into the form as a console log. */
    Evidence takePastedConsole(Ticket ticket, Path file, long size) {
        received.record(size);
        return document(ticket, engine.consoleText(file, "pasted console log"), size);
    }

    /** Analyzes and stores one document, timed for the operations metrics by format and outcome. */
    private Evidence document(Ticket ticket, EvidenceDocument doc, long receivedSize) {
        Timer.Sample started = Timer.start(meters);
        Evidence row = analyze(ticket, doc, receivedSize);
        started.stop(Timer.builder("triage.evidence.analysis")
                .description("Reading, redacting and storing one evidence document")
                .tag("format", formatTag(doc.format()))
                .tag("outcome", row.isAnalyzed() ? "analyzed" : "rejected").register(meters));
        return row;
    }

    private static String formatTag(EvidenceFormat format) {
        return switch (format) {
            case CONSOLE -> "console";
            case API_LOG -> "api-log";
            case BATCH -> "batch";
            case HAR, HAR_JSONP -> "har";
        };
    }

    private Evidence analyze(Ticket ticket, EvidenceDocument doc, long receivedSize) {
        boolean apiLog = doc.format() == EvidenceFormat.API_LOG;
        boolean batch = doc.format() == EvidenceFormat.BATCH;
        boolean har = doc.format() == EvidenceFormat.HAR || doc.format() == EvidenceFormat.HAR_JSONP;
        EvidenceKind kind = har ? EvidenceKind.HAR : apiLog ? EvidenceKind.API_LOG : batch ? EvidenceKind.BATCH
                : EvidenceKind.CONSOLE;
        Evidence row = evidence.save(new Evidence(ticket, kind, doc.name(), receivedSize, clock.instant()));
        String location = storage.newLocation(ticket.getId(), row.getId(), doc.name(),
                batch ? ".jsonl" : har ? ".har" : ".log");
        try {
            if (batch) {
                batches.take(ticket, row, doc, location, this::writeJson);
            } else if (har) {
                har(ticket, row, doc, location);
            } else if (apiLog) {
                apiLog(ticket, row, doc, location);
            } else {
                console(ticket, row, doc, location);
            }
            if (row.isPartial() && row.getEntryCount() == 0) {
                // broke off before its first complete request: there is nothing to keep
                storage.delete(location);
                if (row.getAnalysisLocation() != null) {
                    storage.delete(row.getAnalysisLocation());
                    row.setAnalysisLocation(null);
                }
                row.reject(nothingRead(row.getPartialReason()));
                return evidence.save(row);
            }
            row.accept(location, storage.size(location));
        } catch (LeftoverSecretsException e) {
            storage.delete(location);
            row.reject("refused: a secret was still found after redaction, so this file is not kept (" + e.getMessage()
                    + "). Please report this.");
        } catch (EvidenceException e) {
            storage.delete(location);
            row.reject(e.getMessage());
            notRead(ticket, e);
        } catch (DataAccessException | PersistenceException e) {
            throw e; // the transaction cannot go on: the step is taken again or fails as a whole
        } catch (RuntimeException e) {
            // a fault of ours met on this file: the attachment says so and the rest of the report is kept
            log.error("Reading {} of ticket {} failed", doc.name(), ticket.getId(), e);
            storage.delete(location);
            row.reject("could not be read because of an error on our side (it has been logged): attach it again"
                    + " later, or send it to support another way");
        }
        return evidence.save(row);
    }

    private void har(Ticket ticket, Evidence row, EvidenceDocument doc, String location) {
        Collector found = new Collector(properties.findingsPerFile());
        HarReadResult result = engine.sanitizeHar(doc, () -> storage.create(location), found, HarReadMode.LENIENT);
        var summary = result.summary();
        RedactionReport report = summary.redaction();
        row.recordCounts(summary.entryCount(), summary.stats().failing(), summary.stats().streamErrors(),
                found.signalCount, report == null ? 0 : report.total(), summary.alreadySanitized(), summary.partial(),
                doc.format() == EvidenceFormat.HAR_JSONP ? "har-jsonp" : "har", summary.stats().firstStartedAt(),
                summary.stats().lastStartedAt());
        row.setProductRequests(summary.stats().productRequests());
        if (summary.partial()) {
            row.setPartialReason(summary.partialReason());
        }
        // collected first and saved per table: the rows go to the database in JDBC batches (see FindingIds)
        List<FailingRequest> failing = new ArrayList<>();
        List<RequestIdentifier> ids = new ArrayList<>();
        for (Failure f : found.failures) {
            FailingRequest fr = new FailingRequest(ticket, row, f.entry(), false);
            fr.describe(f.startedAt(), f.method(), f.url(), f.status(), f.statusText(), f.netError(), f.durationMs(),
                    f.category());
            ErrorDetail e = f.error();
            if (e != null) {
                fr.error(e.type(), e.code(), e.message(), e.param());
            }
            failing.add(fr);
            for (RequestId id : f.requestIds()) {
                ids.add(new RequestIdentifier(ticket, row, fr, id.name(), id.value()));
            }
        }
        for (StreamError s : found.streamErrors) {
            FailingRequest fr = new FailingRequest(ticket, row, s.entry(), true);
            fr.describe(s.startedAt(), "POST", s.url(), s.status(), null, null, null, null);
            fr.error(s.event().type(), s.event().code(), s.event().message(), s.event().param());
            failing.add(fr);
            for (RequestId id : s.requestIds()) {
                ids.add(new RequestIdentifier(ticket, row, fr, id.name(), id.value()));
            }
        }
        Map<Integer, String> urls = found.urls;
        List<FindingSignal> signalRows = new ArrayList<>(found.signals.size());
        for (Signal s : found.signals) {
            signalRows.add(new FindingSignal(ticket, row, s.type(), s.entry(), s.line(), urls.get(s.entry()), s.detail()));
        }
        for (String url : summary.conversationUrls()) {
            ids.add(new RequestIdentifier(ticket, row, null, RequestIdentifier.CONVERSATION, ConversationId.of(url)));
        }
        failures.saveAll(failing);
        // written now, as the rows were when each was inserted on its own, for whatever reads them next, and
        // before the request IDs that refer to them
        failures.flush();
        findingRows.insert(ids);
        findingRows.insert(signalRows);
        String analysis = location + ".analysis.json";
        writeJson(analysis, Map.of("summary", summary, "omitted", found.omitted));
        row.setAnalysisLocation(analysis);
    }

    private void console(Ticket ticket, Evidence row, EvidenceDocument doc, String location) {
        ConsoleAnalysis analysis = engine.analyzeConsole(doc);
        RedactionReport report;
        try (OutputStream out = storage.create(location)) {
            report = engine.sanitizeConsole(doc, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        row.recordCounts(analysis.lineCount(), analysis.errors().size() + analysis.errorsOmitted(), 0,
                analysis.signals().size(), report.total(), false, false, analysis.format(), null, null);
        consoleRows(ticket, row, analysis, new java.util.HashSet<>());
        String analysisLocation = location + ".analysis.json";
        Map<String, Object> stored = new LinkedHashMap<>();
        stored.put("format", analysis.format());
        stored.put("found", analysis.found());
        stored.put("lineCount", analysis.lineCount());
        stored.put("errorsOmitted", analysis.errorsOmitted());
        stored.put("redaction", report);
        writeJson(analysisLocation, stored);
        row.setAnalysisLocation(analysisLocation);
    }

    /** A console log's findings, signals, request IDs (those not in {@code linked} yet) and conversation links. */
    private void consoleRows(Ticket ticket, Evidence row, ConsoleAnalysis analysis, java.util.Set<String> linked) {
        int kept = 0;
        for (ConsoleError e : analysis.errors()) {
            if (kept++ >= properties.findingsPerFile()) {
                break;
            }
            consoleFindings.save(new ConsoleFinding(ticket, row, e.line(), e.time(), e.level(), e.message(), e.url(),
                    e.status(), e.netError(), e.category()));
        }
        for (Signal s : analysis.signals()) {
            signals.save(new FindingSignal(ticket, row, s.type(), s.entry(), s.line(), null, s.detail()));
        }
        for (RequestId id : analysis.requestIds()) {
            if (linked.add(id.value())) {
                identifiers.save(new RequestIdentifier(ticket, row, null, id.name(), id.value()));
            }
        }
        for (String url : analysis.conversationUrls()) {
            identifiers.save(new RequestIdentifier(ticket, row, null, RequestIdentifier.CONVERSATION, ConversationId.of(url)));
        }
    }

    /**
     * An SDK log, traceback or curl transcript: a failing request per failing call (its line as the entry number),
     * its request IDs linked to it, the signals, and the calls' retry and rate-limit facts beside the stored copy.
     */
    private void apiLog(Ticket ticket, Evidence row, EvidenceDocument doc, String location) {
        ApiLogAnalysis analysis = engine.analyzeApiLog(doc);
        RedactionReport report;
        try (OutputStream out = storage.create(location)) {
            report = engine.sanitizeApiLog(doc, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<ApiCall> calls = analysis.calls();
        String first = null;
        String last = null;
        for (ApiCall c : calls) {
            if (c.time() != null) {
                first = first == null ? c.time() : first;
                last = c.time();
            }
        }
        ConsoleAnalysis console = analysis.console();
        row.recordCounts(analysis.lineCount(), calls.size() + analysis.callsOmitted(), 0,
                analysis.signals().size() + (console == null ? 0 : console.signals().size()),
                report.total(), false, false, analysis.format(), first, last);
        java.util.Set<String> linked = new java.util.HashSet<>();
        int kept = 0;
        for (ApiCall c : calls) {
            if (kept++ >= properties.findingsPerFile()) {
                break;
            }
            FailingRequest fr = new FailingRequest(ticket, row, c.line(), false);
            fr.describe(c.time(), c.method(), c.endpoint(), c.status() == null ? 0 : c.status(), c.statusText(),
                    c.netError(), c.durationMs(), c.category());
            ErrorDetail e = c.error();
            if (e != null) {
                fr.error(e.type(), e.code(), e.message(), e.param());
            }
            failures.save(fr);
            for (RequestId id : c.requestIds()) {
                if (linked.add(id.value())) {
                    identifiers.save(new RequestIdentifier(ticket, row, fr, id.name(), id.value()));
                }
            }
        }
        for (RequestId id : analysis.requestIds()) {
            if (linked.add(id.value())) {
                identifiers.save(new RequestIdentifier(ticket, row, null, id.name(), id.value()));
            }
        }
        for (Signal s : analysis.signals()) {
            signals.save(new FindingSignal(ticket, row, s.type(), s.entry(), s.line(), null, s.detail()));
        }
        if (console != null) {
            // the app's or browser's lines beside the SDK's: their errors are console findings of this attachment
            consoleRows(ticket, row, console, linked);
        }
        List<Map<String, Object>> facts = new ArrayList<>();
        for (ApiCall c : calls) {
            if (facts.size() >= properties.findingsPerFile()) {
                break;
            }
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("line", c.line());
            f.put("endpoint", c.endpoint());
            f.put("model", c.model());
            f.put("attempts", c.attempts());
            f.put("statuses", c.statuses());
            f.put("waitsSeconds", c.waitsSeconds());
            f.put("retryPattern", c.retryPattern());
            f.put("recovered", c.recovered());
            f.put("rateLimit", c.rateLimit());
            f.put("processingMs", c.processingMs());
            facts.add(f);
        }
        String analysisLocation = location + ".analysis.json";
        Map<String, Object> stored = new LinkedHashMap<>();
        stored.put("format", analysis.format());
        stored.put("found", analysis.found());
        stored.put("lineCount", analysis.lineCount());
        stored.put("attempts", analysis.attempts());
        stored.put("failedAttempts", analysis.failedAttempts());
        stored.put("callsOmitted", analysis.callsOmitted());
        stored.put("errorsOmitted", analysis.callsOmitted()); // the name the ticket page reads for every log
        stored.put("calls", facts);
        if (console != null) {
            stored.put("console", Map.of("format", console.format(), "found", console.found(),
                    "errorsOmitted", console.errorsOmitted()));
        }
        stored.put("redaction", report);
        writeJson(analysisLocation, stored);
        row.setAnalysisLocation(analysisLocation);
    }

    /** Input that cannot be read is the reporter's to fix, not a fault: one line in the log, no stack trace. */
    private static void notRead(Ticket ticket, EvidenceException e) {
        log.warn("An attachment of ticket {} was rejected: {}", ticket.getId(), e.getMessage());
    }

    /** Why a HAR that broke off before its first complete request is rejected. */
    static String nothingRead(String partialReason) {
        String where = partialReason == null ? ""
                : partialReason.replaceFirst(":? ?only the 0 complete entries before the break were read\\.?$", "").trim();
        return "broken before its first complete request, so nothing could be read"
                + (where.isEmpty() ? "" : ": " + Character.toLowerCase(where.charAt(0)) + where.substring(1))
                + ". Export the HAR again, or attach the whole file.";
    }

    private Evidence screenshot(Ticket ticket, Upload upload, String format) {
        Evidence row = evidence.save(new Evidence(ticket, EvidenceKind.SCREENSHOT, upload.originalName(), upload.size(),
                clock.instant()));
        if (format == null) {
            row.reject("not a PNG or JPEG image");
            return evidence.save(row);
        }
        String suffix = format.equals("png") ? ".png" : ".jpg";
        String location = storage.newLocation(ticket.getId(), row.getId(), upload.originalName(), suffix);
        try (ImageInputStream in = ImageIO.createImageInputStream(upload.file().toFile())) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                row.reject("not a readable PNG or JPEG image");
                return evidence.save(row);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in);
                // the size the header declares, before a single pixel is decoded
                String refusal = screenshots.refusal(reader);
                if (refusal != null) {
                    row.reject(refusal);
                    return evidence.save(row);
                }
                screenshots.oneOfFew(() -> {
                    BufferedImage image = reader.read(0);
                    // written anew from the pixels: camera and location metadata (EXIF, GPS) are not carried over
                    try (OutputStream out = storage.create(location)) {
                        if (!ImageIO.write(image, format.equals("png") ? "png" : "jpg", out)) {
                            throw new IOException("no writer for " + format);
                        }
                    }
                    return null;
                });
            } finally {
                reader.dispose();
            }
            row.setContentType(format.equals("png") ? "image/png" : "image/jpeg");
            row.accept(location, storage.size(location));
        } catch (IOException | RuntimeException e) {
            storage.delete(location);
            row.reject("the image could not be read: " + e.getMessage());
        }
        return evidence.save(row);
    }

    private Evidence rejected(Ticket ticket, EvidenceKind kind, String name, long size, String reason) {
        Evidence row = new Evidence(ticket, kind == null ? EvidenceKind.HAR : kind, name, size, clock.instant());
        row.reject(reason);
        return evidence.save(row);
    }

    private void writeJson(String location, Object value) {
        try (OutputStream out = storage.create(location)) {
            JSON.writeValue(out, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "png" or "jpeg" from the first bytes, or null. */
    static String imageFormat(Path file) {
        byte[] head = new byte[8];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, 8);
        } catch (IOException e) {
            return null;
        }
        if (n >= 8 && (head[0] & 0xff) == 0x89 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G') {
            return "png";
        }
        if (n >= 3 && (head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xD8 && (head[2] & 0xff) == 0xFF) {
            return "jpeg";
        }
        return null;
    }

    /** "1.3 MB", "512 MB": one decimal below 10 MB, so a file just over a small limit does not read as equal to it. */
    static String mb(long bytes) {
        double mb = bytes / 1048576.0;
        String n = mb < 10 ? String.format(Locale.ROOT, "%.1f", mb).replaceFirst("\\.0$", "")
                : String.valueOf(Math.round(mb));
        return n + " MB";
    }

    /** Keeps findings up to a cap; a second pass of the engine starts them over. */
    private static final class Collector implements HarFindings {
        private final int cap;
        final List<Failure> failures = new ArrayList<>();
        final List<StreamError> streamErrors = new ArrayList<>();
        final List<Signal> signals = new ArrayList<>();
        final Map<Integer, String> urls = new LinkedHashMap<>();
        long omitted;
        int signalCount;

        Collector(int cap) {
            this.cap = cap;
        }

        @Override
        public void failure(Failure f) {
            if (failures.size() < cap) {
                failures.add(f);
                urls.put(f.entry(), f.url());
            } else {
                omitted++;
            }
        }

        @Override
        public void streamError(StreamError e) {
            if (streamErrors.size() < cap) {
                streamErrors.add(e);
                urls.put(e.entry(), e.url());
            } else {
                omitted++;
            }
        }

        @Override
        public void signal(Signal s) {
            signalCount++;
            if (signals.size() < cap) {
                signals.add(s);
            } else {
                omitted++;
            }
        }

        @Override
        public void restart() {
            failures.clear();
            streamErrors.clear();
            signals.clear();
            urls.clear();
            omitted = 0;
            signalCount = 0;
        }
    }
}
