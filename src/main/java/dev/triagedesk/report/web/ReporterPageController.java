package dev.triagedesk.report.web;

import dev.triagedesk.report.ReportLinks;
import dev.triagedesk.incident.IncidentGrouping;
import dev.triagedesk.report.ReportService;
import dev.triagedesk.system.web.UploadErrors;
import dev.triagedesk.ticket.ConversationAddress;
import dev.triagedesk.ticket.Evidence;
import dev.triagedesk.ticket.Ticket;
import dev.triagedesk.ticket.TicketService;
import jakarta.validation.Valid;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The reporter's private page, {@code /r/{token}}: the reference, status, the link itself, the summary, the
 * attachments, and a form to add evidence later, the conversation URL included (a submitted report's summary is
 * then generated again).
 */
@Controller
class ReporterPageController {

    static final String VIEW_REPORTER = "report/reporter";
    private static final DateTimeFormatter SENT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT);

    private final TicketService tickets;
    private final ReportService reports;
    private final ReportLinks links;
    private final FormValidation validation;
    private final UploadIntake uploads;
    private final IncidentGrouping incidents;

    ReporterPageController(TicketService tickets, ReportService reports, ReportLinks links, FormValidation validation,
                           UploadIntake uploads, IncidentGrouping incidents) {
        this.incidents = incidents;
        this.tickets = tickets;
        this.reports = reports;
        this.links = links;
        this.validation = validation;
        this.uploads = uploads;
    }

    @GetMapping("/r/{token}")
    String page(@PathVariable String token, Model model) {
        Ticket t = links.ticket(token);
        if (t.isDraft()) {
            return "redirect:" + Progress.furthestOpen(t).path(token);
        }
        if (!model.containsAttribute(ReportFormController.FORM)) {
            model.addAttribute(ReportFormController.FORM, EvidenceForm.of(t.getConversationUrl()));
        }
        fill(t, token, model);
        return VIEW_REPORTER;
    }

    /** Where the page is sent back to when an upload was refused before reaching {@link #addEvidence}. */
    @GetMapping("/r/{token}/evidence")
    String backToPage(@PathVariable String token, Model model, RedirectAttributes flash) {
        Object uploadError = model.getAttribute(UploadErrors.FLASH_UPLOAD_ERROR);
        if (uploadError != null) {
            flash.addFlashAttribute(UploadErrors.FLASH_UPLOAD_ERROR, uploadError);
        }
        return "redirect:" + ReportLinks.reporterPage(token) + "#add-evidence";
    }

    @PostMapping("/r/{token}/evidence")
    String addEvidence(@PathVariable String token, @Valid @ModelAttribute(ReportFormController.FORM) EvidenceForm form,
                       BindingResult result, @RequestParam(name = "har", required = false) MultipartFile[] har,
                       @RequestParam(name = "console", required = false) MultipartFile[] console,
                       @RequestParam(name = "apiLog", required = false) MultipartFile[] apiLog,
                       @RequestParam(name = "screenshot", required = false) MultipartFile[] screenshot, Model model,
                       RedirectAttributes flash) {
        Ticket t = links.ticket(token);
        validation.complete(form, result);
        uploads.checkPastedText(form, result);
        List<Evidence> added = new ArrayList<>(uploads.take(t.getId(), har, console, apiLog, screenshot));
        if (result.hasErrors()) {
            // the files are taken; the text fields stay in their boxes with the error next to them
            model.addAttribute("added", UploadMessages.of(added));
            fill(t, token, model);
            return VIEW_REPORTER;
        }
        if (form.hasPastedConsole()) {
            added.add(reports.addPastedConsole(t.getId(), form.consoleText()));
        }
        // an empty box clears the URL; a form without the field (null) leaves it as it is
        boolean urlChanged = form.conversationUrl() != null
                && reports.setConversationUrl(t.getId(), ConversationAddress.normalise(form.conversationUrl()));
        if (added.isEmpty() && !urlChanged) {
            flash.addFlashAttribute(StepPages.WARNING, "flash.nothingAdded");
        } else if (added.isEmpty()) {
            flash.addFlashAttribute(StepPages.MESSAGE, "flash.conversationUrlSaved");
        }
        UploadMessages.flash(added, flash);
        return "redirect:" + ReportLinks.reporterPage(token) + (t.isDraft() ? "" : UploadMessages.anchor(added));
    }

    private void fill(Ticket t, String token, Model model) {
        var details = tickets.details(t.getId());
        model.addAttribute("token", token);
        model.addAttribute("ticket", details.ticket());
        model.addAttribute("attachments", Attachments.of(details));
        model.addAttribute("api", details.ticket().getProduct() != null && details.ticket().getProduct().isApi());
        model.addAttribute("maxFileSize", uploads.maxFileSize());
        model.addAttribute("maxFileBytes", uploads.maxFileBytes());
        model.addAttribute("maxPastedText", uploads.maxPastedText());
        Instant sent = details.ticket().getSubmittedAt();
        model.addAttribute("submittedAt", sent == null ? "" : SENT.format(sent.atOffset(ZoneOffset.UTC)));
        model.addAttribute("privateLink", links.reporterUrl(token));
        model.addAttribute("otherReports", incidents.othersReporting(details, details.ticket().getVerdictPath()));
    }
}
