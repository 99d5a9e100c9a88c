package dev.triagedesk.report.web;

import dev.triagedesk.report.ReportService;
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
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * Hands uploaded files to the report service one at a time, as the JSON API does: each goes to a temporary file
 * that is deleted right after, so the original is never kept (the service stores only a sanitized copy).
 */
@Component
class UploadIntake {

    private static final long MB = 1024 * 1024;

    private final ReportService reports;
    private final TriageProperties properties;

    UploadIntake(ReportService reports, TriageProperties properties) {
        this.reports = reports;
        this.properties = properties;
    }

    /**
     * The largest file accepted, as the pages say it ("512 MB", "2 GB", "0.5 MB"): in the words of the reason a
     * larger file is rejected with. A limit below 1 MB no longer reads as "1 MB".
     */
    String maxFileSize() {
        long bytes = maxFileBytes();
        long mb = bytes / MB;
        if (bytes % MB == 0 && mb >= 1024 && mb % 1024 == 0) {
            return (mb / 1024) + " GB";
        }
        double exact = bytes / (double) MB;
        return (exact < 10 ? String.format(Locale.ROOT, "%.1f", exact).replaceFirst("\\.0$", "")
                : String.valueOf(Math.round(exact))) + " MB";
    }

    /** The largest file accepted, in bytes: the page tells the browser, which refuses a larger file at once. */
    long maxFileBytes() {
        return properties.upload().maxFileSize().toBytes();
    }

    /** Takes the files of the three inputs; empty inputs (no file chosen) are skipped. */
    List<Evidence> take(long ticketId, MultipartFile[] har, MultipartFile[] console, MultipartFile[] screenshot) {
        List<Evidence> rows = new ArrayList<>();
        rows.addAll(take(ticketId, har, EvidenceKind.HAR));
        rows.addAll(take(ticketId, console, EvidenceKind.CONSOLE));
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
            tmp = Files.createTempFile("triage-upload", ".part");
            file.transferTo(tmp);
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
