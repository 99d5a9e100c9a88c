package dev.triagedesk.report.web;

import dev.triagedesk.report.PastedTextLimit;
import dev.triagedesk.report.ReportService;
import dev.triagedesk.storage.TemporaryFiles;
import dev.triagedesk.system.ReadableSize;
import dev.triagedesk.system.TriageProperties;
import dev.triagedesk.ticket.Evidence;
import dev.triagedesk.ticket.EvidenceKind;
import dev.triagedesk.ticket.Upload;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;
import org.springframework.web.multipart.MultipartFile;

/**
 * Hands uploaded files to the report service one at a time, as the JSON API does: each goes to a temporary file
 * that is deleted right after, so the original is never kept (the service stores only a sanitized copy). The
 * temporary file is in the application's own folder, which start-up housekeeping empties should a crash leave one.
 */
@Component
class UploadIntake {

    private final ReportService reports;
    private final TriageProperties properties;
    private final PastedTextLimit pasted;
    private final TemporaryFiles temporary;

    UploadIntake(ReportService reports, TriageProperties properties, PastedTextLimit pasted, TemporaryFiles temporary) {
        this.reports = reports;
        this.properties = properties;
        this.pasted = pasted;
        this.temporary = temporary;
    }

    /**
     * The largest file accepted, as the pages say it ("512 MB", "2 GB", "0.5 MB"): in the words of the reason a
     * larger file is rejected with.
     */
    String maxFileSize() {
        return ReadableSize.of(maxFileBytes());
    }

    /** The most console output taken as pasted text, as the pages say it. */
    String maxPastedText() {
        return pasted.maxText();
    }

    /**
     * Refuses console output pasted beyond the limit, next to its field: the page comes back with everything else
     * that was entered (the files are taken). Call it after the form's own validation.
     */
    void checkPastedText(EvidenceForm form, BindingResult result) {
        pasted.excess(form.consoleText()).ifPresent(size -> result.rejectValue("consoleText",
                "evidence.consoleText.tooLarge", new Object[] {size, pasted.maxText()}, null));
    }

    /** The largest file accepted, in bytes: the page tells the browser, which refuses a larger file at once. */
    long maxFileBytes() {
        return properties.upload().maxFileSize().toBytes();
    }

    /**
     * Takes the files of the inputs; empty inputs (no file chosen) are skipped. {@code apiLog} is the API path's
     * input for SDK logs, transcripts and Batch files: what each file is, its content decides.
     */
    List<Evidence> take(long ticketId, MultipartFile[] har, MultipartFile[] console, MultipartFile[] apiLog,
                        MultipartFile[] screenshot) {
        List<Evidence> rows = new ArrayList<>();
        rows.addAll(take(ticketId, har, EvidenceKind.HAR));
        rows.addAll(take(ticketId, console, EvidenceKind.CONSOLE));
        rows.addAll(take(ticketId, apiLog, EvidenceKind.API_LOG));
        rows.addAll(take(ticketId, screenshot, EvidenceKind.SCREENSHOT));
        return rows;
    }

    private List<Evidence> take(long ticketId, MultipartFile[] files, EvidenceKind declared) {
        List<Evidence> rows = new ArrayList<>();
        if (files == null) {
            return rows;
        }
        for (MultipartFile file : files) {
            String name = file.getOriginalFilename();
            if (name == null || name.isBlank()) {
                continue; // an input left empty
            }
            rows.addAll(take(ticketId, file, name, declared));
        }
        return rows;
    }

    private List<Evidence> take(long ticketId, MultipartFile file, String name, EvidenceKind declared) {
        Path tmp = null;
        try {
            tmp = temporary.receive(file, "triage-upload");
            return reports.addUpload(ticketId, new Upload(tmp, baseName(name), Files.size(tmp), declared));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // a temporary file
                }
            }
        }
    }

    /** Some browsers send a path; only the last part names the file. */
    static String baseName(String name) {
        String n = name.replace('\\', '/');
        n = n.substring(n.lastIndexOf('/') + 1);
        return n.isBlank() ? "upload" : n;
    }
}
