package dev.triagedesk.desk.web;

import dev.triagedesk.audit.AuditAction;
import dev.triagedesk.audit.AuditLog;
import dev.triagedesk.desk.ChangedMeanwhileException;
import dev.triagedesk.desk.DeskService;
import dev.triagedesk.desk.LenientEnums;
import dev.triagedesk.desk.WorkflowChange;
import dev.triagedesk.export.ExportFormat;
import dev.triagedesk.export.EvidenceMissingException;
import dev.triagedesk.export.ExportRefusedException;
import dev.triagedesk.incident.FailureTime;
import dev.triagedesk.incident.IncidentService;
import dev.triagedesk.statuspage.OfficialIncidents;
import dev.triagedesk.export.TicketExporter;
import dev.triagedesk.export.TicketPdf;
import dev.triagedesk.security.StaffPrincipal;
import dev.triagedesk.storage.EvidenceStorage;
import dev.triagedesk.storage.MissingEvidenceException;
import dev.triagedesk.system.PageNotFoundException;
import dev.triagedesk.ticket.Evidence;
import dev.triagedesk.ticket.EvidenceKind;
import dev.triagedesk.ticket.Ticket;
import dev.triagedesk.ticket.TicketDetails;
import dev.triagedesk.ticket.TicketStatus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /desk/tickets/{reference}}: the ticket page (each visit lands in the audit trail), its workflow forms
 * (status, assignee, internal notes; each redirects back with a message), its attachments and its exports.
 */
@Controller
@RequestMapping("/desk/tickets/{reference}")
class TicketPageController {

    static final String VIEW_TICKET = "desk/ticket";
    static final String NOT_FOUND = "ticket.notFound";

    private final DeskService desk;
    private final TicketView view;
    private final TicketExporter exporter;
    private final TicketPdf pdf;
    private final EvidenceStorage storage;
    private final AuditLog audit;
    private final IncidentService incidents;
    private final OfficialIncidents official;

    TicketPageController(DeskService desk, TicketView view, TicketExporter exporter, TicketPdf pdf,
                         EvidenceStorage storage, AuditLog audit, IncidentService incidents,
                         OfficialIncidents official) {
        this.incidents = incidents;
        this.official = official;
        this.desk = desk;
        this.view = view;
        this.exporter = exporter;
        this.pdf = pdf;
        this.storage = storage;
        this.audit = audit;
    }

    @GetMapping
    String page(@PathVariable String reference, Principal me, Model model) {
        TicketDetails d = desk.open(reference, me.getName()).orElseThrow(() -> new PageNotFoundException(NOT_FOUND));
        model.addAllAttributes(view.model(d, false));
        model.addAttribute("ticketIncident", incidents.ofTickets(java.util.List.of(d.ticket().getId()))
                .get(d.ticket().getId()));
        java.time.Instant failedAt = FailureTime.of(d);
        model.addAttribute("official", official.covering(d.ticket().getProduct() == null ? null
                : d.ticket().getProduct().name(), failedAt, failedAt).orElse(null));
        // for "Assign to me"
        if (me instanceof Authentication signedIn && signedIn.getPrincipal() instanceof StaffPrincipal staffMember) {
            model.addAttribute("myId", staffMember.getStaffId());
        }
        return VIEW_TICKET;
    }

    /**
     * {@code from}: the status the page showed. When someone else changed the status since, the agent's change is
     * not applied over theirs: the page says what it is now, and the agent decides again.
     */
    @PostMapping("/status")
    String status(@PathVariable String reference, @RequestParam(defaultValue = "") String status,
                  @RequestParam(required = false) String from, Principal me, RedirectAttributes flash) {
        Ticket t = require(reference);
        TicketStatus to = status(status);
        if (to == null) {
            flash.addFlashAttribute("errorKey", "ticket.status.invalid");
            return back(t, "workflow", flash);
        }
        WorkflowChange change = WorkflowChange.status(to);
        if (from != null && !from.isBlank()) {
            TicketStatus seen = status(from);
            if (seen == null) {
                flash.addFlashAttribute("errorKey", "ticket.status.invalid");
                return back(t, "workflow", flash);
            }
            change = change.seenStatus(seen);
        }
        if (apply(t, change, me, flash) != null) {
            flash.addFlashAttribute("messageKey", "ticket.status.changed");
            flash.addFlashAttribute("messageArg", to.label());
        }
        return back(t, "workflow", flash);
    }

    /**
     * {@code assignee}: a staff member's id, or empty for nobody; {@code from}: the user name of the assignee the
     * page showed, empty for nobody (a change over someone else's is refused as for the status).
     */
    @PostMapping("/assignee")
    String assignee(@PathVariable String reference, @RequestParam(defaultValue = "") String assignee,
                    @RequestParam(required = false) String from, Principal me, RedirectAttributes flash) {
        Ticket t = require(reference);
        Long id;
        try {
            id = assignee.isBlank() ? null : Long.valueOf(assignee.trim());
        } catch (NumberFormatException e) {
            flash.addFlashAttribute("errorKey", "ticket.assignee.invalid");
            return back(t, "workflow", flash);
        }
        WorkflowChange change = WorkflowChange.assignee(id);
        if (from != null) {
            change = change.seenAssignee(from.trim());
        }
        try {
            Ticket changed = apply(t, change, me, flash);
            if (changed == null) {
                return back(t, "workflow", flash);
            }
            if (changed.getAssignee() == null) {
                flash.addFlashAttribute("messageKey", "ticket.assignee.none");
            } else {
                flash.addFlashAttribute("messageKey", "ticket.assignee.changed");
                flash.addFlashAttribute("messageArg", changed.getAssignee().getUsername());
            }
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("errorKey", "ticket.assignee.invalid");
        }
        return back(t, "workflow", flash);
    }

    /**
     * Applies a workflow change and returns the ticket as changed; null, with a message saying why, when it was not
     * applied because someone else changed the ticket meanwhile (what they changed it to, or at the same moment).
     */
    private Ticket apply(Ticket t, WorkflowChange change, Principal me, RedirectAttributes flash) {
        try {
            return desk.change(t.getReference(), change, me.getName());
        } catch (ChangedMeanwhileException e) {
            if (e.what() == ChangedMeanwhileException.What.STATUS) {
                flash.addFlashAttribute("errorKey", "ticket.changedMeanwhile.status");
                flash.addFlashAttribute("messageArg", e.now());
            } else if (e.what() == ChangedMeanwhileException.What.ASSIGNEE && e.now() != null) {
                flash.addFlashAttribute("errorKey", "ticket.changedMeanwhile.assignee");
                flash.addFlashAttribute("messageArg", e.now());
            } else if (e.what() == ChangedMeanwhileException.What.ASSIGNEE) {
                flash.addFlashAttribute("errorKey", "ticket.changedMeanwhile.unassigned");
            } else {
                flash.addFlashAttribute("errorKey", "ticket.changedMeanwhile");
            }
        } catch (OptimisticLockingFailureException e) {
            flash.addFlashAttribute("errorKey", "ticket.changedMeanwhile");
        }
        return null;
    }

    private static TicketStatus status(String value) {
        try {
            return LenientEnums.parse(TicketStatus.class, value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @PostMapping("/notes")
    String addNote(@PathVariable String reference, @RequestParam(defaultValue = "") String body, Principal me,
                   RedirectAttributes flash) {
        Ticket t = require(reference);
        try {
            desk.addNote(t.getReference(), body, me.getName());
            flash.addFlashAttribute("messageKey", "ticket.note.added");
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("errorKey", "ticket.note.invalid");
            flash.addFlashAttribute("draftNote", body);
        } catch (OptimisticLockingFailureException e) {
            // the note was not saved: the agent gets it back in the box, to add again
            flash.addFlashAttribute("errorKey", "ticket.note.changedMeanwhile");
            flash.addFlashAttribute("draftNote", body);
        }
        return back(t, "notes", flash);
    }

    /**
     * An attachment's sanitized copy (the original is never stored): a download, audited; a screenshot is shown
     * in the page itself with {@code ?inline}, as an image of its own type that the browser may not sniff.
     */
    @GetMapping("/attachments/{id}")
    ResponseEntity<Resource> attachment(@PathVariable String reference, @PathVariable long id,
                                        @RequestParam(required = false) String inline, Principal me) throws IOException {
        TicketDetails d = desk.read(reference).orElseThrow(() -> new PageNotFoundException(NOT_FOUND));
        Evidence e = d.evidence().stream().filter(x -> x.getId() == id && x.isAnalyzed()).findFirst()
                .orElseThrow(() -> new PageNotFoundException("ticket.attachment.notFound"));
        if (!storage.exists(e.getStoredLocation())) {
            // a row without its file is a fault of the store (or of a shared one missing), not an unknown attachment
            throw new MissingEvidenceException(e.getStoredLocation());
        }
        boolean image = e.getKind() == EvidenceKind.SCREENSHOT;
        boolean showInline = inline != null && image;
        MediaType type = switch (e.getKind()) {
            case HAR -> MediaType.APPLICATION_JSON;
            case CONSOLE, API_LOG, BATCH -> new MediaType("text", "plain", StandardCharsets.UTF_8);
            case SCREENSHOT -> "image/png".equals(e.getContentType()) ? MediaType.IMAGE_PNG : MediaType.IMAGE_JPEG;
        };
        // the stored name is made of safe characters; the uploaded name is the reporter's and stays out of headers
        String name = d.ticket().getReference() + "-" + storedName(e);
        ContentDisposition disposition = showInline ? ContentDisposition.inline().filename(name).build()
                : ContentDisposition.attachment().filename(name).build();
        InputStream in = storage.open(e.getStoredLocation());
        if (!showInline) {
            audit.recordAccess(d.ticket().getId(), me.getName(), AuditAction.DOWNLOADED,
                    e.getKind().label() + " " + e.getFileName());
        }
        return ResponseEntity.ok().contentType(type).contentLength(storage.size(e.getStoredLocation()))
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(new InputStreamResource(in));
    }

    /**
     * An export, as a download: {@code markdown}, {@code text}, {@code json}, {@code zip} or {@code pdf}. A refused
     * export goes back to the page with the reason. (Object: either the file or a redirect view name.)
     */
    @GetMapping("/export/{format}")
    Object export(@PathVariable String reference, @PathVariable String format, Principal me, RedirectAttributes flash)
            throws IOException {
        Ticket t = require(reference);
        String ref = t.getReference();
        String actor = me.getName();
        ExportFormat as = ExportFormat.named(format).orElseThrow(() -> new PageNotFoundException("ticket.export.unknown"));
        try {
            return as.download(exporter, pdf, ref, actor);
        } catch (ExportRefusedException e) {
            flash.addFlashAttribute("errorKey", e instanceof EvidenceMissingException ? "export.evidenceMissing"
                    : "export.refused");
            flash.addFlashAttribute("messageArg", e.getMessage());
            return back(t, "exports", flash);
        }
    }

    private Ticket require(String reference) {
        return desk.submitted(reference).orElseThrow(() -> new PageNotFoundException(NOT_FOUND));
    }

    /** Back to the part of the page the form is in, where its message is shown. */
    private static String back(Ticket t, String anchor, RedirectAttributes flash) {
        flash.addFlashAttribute("messageAt", anchor);
        return "redirect:/desk/tickets/" + t.getReference() + "#" + anchor;
    }

    private static String storedName(Evidence e) {
        String location = e.getStoredLocation();
        return location.substring(location.lastIndexOf('/') + 1);
    }
}
