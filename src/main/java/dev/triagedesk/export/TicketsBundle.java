package dev.triagedesk.export;

import dev.triagedesk.audit.AuditAction;
import dev.triagedesk.audit.AuditLog;
import dev.triagedesk.storage.EvidenceStorage;
import dev.triagedesk.storage.MissingEvidenceException;
import dev.triagedesk.storage.TemporaryFiles;
import dev.triagedesk.ticket.Evidence;
import dev.triagedesk.ticket.EvidenceKind;
import dev.triagedesk.ticket.FailingRequest;
import dev.triagedesk.ticket.TicketDetails;
import dev.triagedesk.ticket.TicketService;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Several tickets' failures in one ZIP for the vendor's support (an incident's export): the documents the caller
 * made about them (the incident's Markdown and JSON) and, for each ticket, its captures cut down to the failing
 * entries only, named by the ticket ({@code har/TK-2026-000123.failing.har}; {@code -2}, {@code -3}… for a
 * ticket's further captures). Trimmed as the ticket's own bundle trims, and checked the same way: a stored capture
 * that is missing refuses the whole export and says which ticket's file it was, never a smaller ZIP that looks
 * complete.
 */
@Service
public class TicketsBundle {

    private static final Logger log = LoggerFactory.getLogger(TicketsBundle.class);

    private final TicketService tickets;
    private final TicketExporter exporter;
    private final EvidenceStorage storage;
    private final AuditLog audit;
    private final TemporaryFiles temporary;

    TicketsBundle(TicketService tickets, TicketExporter exporter, EvidenceStorage storage, AuditLog audit,
                  TemporaryFiles temporary) {
        this.tickets = tickets;
        this.exporter = exporter;
        this.storage = storage;
        this.audit = audit;
        this.temporary = temporary;
    }

    /**
     * Writes the ZIP to a temporary file that the caller sends and deletes.
     *
     * @param root the folder everything goes in (the incident's reference)
     * @param documents file name to text, written first, each checked for secret shapes
     * @param ticketReferences the tickets whose failing requests go in, in this order
     * @param purpose what each ticket's trail says it was exported with ("incident IN-2026-000012")
     * @throws EvidenceMissingException a ticket's stored capture is missing
     * @throws ExportRefusedException something in it looks like a secret
     */
    public Path write(String root, Map<String, String> documents, List<String> ticketReferences, String actor,
                      String purpose) {
        Path zip = temporary.create("triage-tickets", ".zip");
        List<Long> exported = new ArrayList<>();
        String folder = root + "/";
        try (ZipOutputStream z = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(zip), 1 << 16))) {
            for (Map.Entry<String, String> d : documents.entrySet()) {
                TicketExporter.text(z, folder + d.getKey(), d.getValue());
            }
            for (String reference : ticketReferences) {
                TicketDetails details = tickets.submittedDetails(reference).orElse(null);
                if (details == null) {
                    continue; // erased since the caller listed it: nothing of it may go out
                }
                failingCaptures(z, folder, details);
                exported.add(details.ticket().getId());
            }
        } catch (MissingEvidenceException e) {
            delete(zip);
            throw missing("a stored capture (" + e.location() + ")");
        } catch (IOException e) {
            delete(zip);
            throw new UncheckedIOException(e);
        } catch (UncheckedIOException e) {
            delete(zip);
            if (e.getCause() instanceof MissingEvidenceException m) {
                throw missing("a stored capture (" + m.location() + ")");
            }
            throw e;
        } catch (RuntimeException e) {
            delete(zip);
            throw e;
        }
        for (long id : exported) {
            audit.recordAccess(id, actor, AuditAction.EXPORTED, "failing requests with " + purpose + " (ZIP)");
        }
        return zip;
    }

    private void failingCaptures(ZipOutputStream z, String folder, TicketDetails d) throws IOException {
        String reference = d.ticket().getReference();
        int n = 0;
        for (Evidence e : d.analyzed()) {
            if (e.getKind() != EvidenceKind.HAR) {
                continue;
            }
            Set<Integer> failing = new HashSet<>();
            for (FailingRequest f : d.failures()) {
                if (f.getEvidence().getId().equals(e.getId())) {
                    failing.add(f.getEntryIndex());
                }
            }
            if (failing.isEmpty()) {
                continue;
            }
            if (!storage.exists(e.getStoredLocation())) {
                log.error("Export of {} refused: the evidence store lacks {}", reference, e.getStoredLocation());
                throw missing(reference + ": " + e.getKind().label() + " " + e.getFileName());
            }
            n++;
            exporter.trimmed(z, folder + "har/" + reference + (n == 1 ? "" : "-" + n) + ".failing.har", e, failing,
                    0);
        }
    }

    private static EvidenceMissingException missing(String what) {
        return new EvidenceMissingException(what);
    }

    private static void delete(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a temporary file
        }
    }
}
