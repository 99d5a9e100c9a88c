package dev.triagedesk.report.web;

import dev.triagedesk.report.ReportLinks;
import dev.triagedesk.report.ReportService;
import dev.triagedesk.ticket.ConversationAddress;
import dev.triagedesk.ticket.Evidence;
import dev.triagedesk.ticket.Ticket;
import dev.triagedesk.ticket.TicketService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.util.ArrayList;
import java.util.List;
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
 * Step 4, evidence: HAR files, console logs (files or pasted), screenshots and the conversation URL. Files are
 * analyzed as soon as they arrive, whichever button sent them, and their findings are listed on the page. The
 * browser script posts the same form with a progress bar; without it the form posts as usual.
 */
@Controller
class EvidenceStepController {

    static final String VIEW_EVIDENCE = "report/evidence";

    private final TicketService tickets;
    private final ReportService reports;
    private final ReportLinks links;
    private final FormValidation validation;
    private final UploadIntake uploads;

    EvidenceStepController(TicketService tickets, ReportService reports, ReportLinks links, FormValidation validation,
                           UploadIntake uploads) {
        this.tickets = tickets;
        this.reports = reports;
        this.links = links;
        this.validation = validation;
        this.uploads = uploads;
    }

    @GetMapping("/report/{token}/evidence")
    String evidence(@PathVariable String token, Model model, HttpServletRequest request) {
        Ticket t = links.ticket(token);
        return StepPages.open(validation, request, t, token, Step.EVIDENCE, model, () -> EvidenceForm.of(t.getConversationUrl()),
                VIEW_EVIDENCE, this::evidenceModel);
    }

    @PostMapping("/report/{token}/evidence")
    String saveEvidence(@PathVariable String token, @Valid @ModelAttribute(ReportFormController.FORM) EvidenceForm form,
                        BindingResult result, @RequestParam(name = "har", required = false) MultipartFile[] har,
                        @RequestParam(name = "console", required = false) MultipartFile[] console,
                        @RequestParam(name = "apiLog", required = false) MultipartFile[] apiLog,
                        @RequestParam(name = "screenshot", required = false) MultipartFile[] screenshot,
                        @RequestParam(name = "nav", required = false) String nav, Model model,
                        RedirectAttributes flash, HttpServletRequest request) {
        Ticket t = links.ticket(token);
        validation.complete(form, result);
        uploads.checkPastedText(form, result);
        if (!t.isDraft()) {
            // step 4 left open in another tab after sending: what it brings is added as the reporter page adds it
            List<Evidence> late = new ArrayList<>(uploads.take(t.getId(), har, console, apiLog, screenshot));
            if (form.hasPastedConsole() && !result.hasFieldErrors("consoleText")) {
                late.add(reports.addPastedConsole(t.getId(), form.consoleText()));
            }
            String url = ConversationAddress.normalise(form.conversationUrl());
            if (url != null && !result.hasFieldErrors("conversationUrl")) {
                reports.setConversationUrl(t.getId(), url);
            }
            UploadMessages.flash(late, flash);
            flash.addFlashAttribute(StepPages.MESSAGE, "flash.alreadySubmitted");
            return "redirect:" + ReportLinks.reporterPage(token) + (late.isEmpty() ? "" : UploadMessages.anchor(late));
        }
        Navigation navigation = Navigation.of(nav);
        boolean valid = !result.hasErrors();
        boolean leaving = valid || !navigation.needsValidStep(Step.EVIDENCE);
        // files are taken whatever else is wrong on the page: sending them again would be the reporter's loss
        List<Evidence> added = new ArrayList<>(uploads.take(t.getId(), har, console, apiLog, screenshot));
        if (form.hasPastedConsole() && !result.hasFieldErrors("consoleText") && leaving) {
            // while the page is shown again with errors the text stays in its box; it is taken once, when leaving
            added.add(reports.addPastedConsole(t.getId(), form.consoleText()));
        }
        FieldErrors errors = new FieldErrors(result);
        Ticket saved = tickets.update(t.getId(), ticket -> {
            errors.ifValid("conversationUrl", ConversationAddress.normalise(form.conversationUrl()),
                    ticket::setConversationUrl);
            if (valid) {
                ticket.reachStep(Step.EVIDENCE.number());
            }
        });
        if (!leaving) {
            PendingInput.clear(request, t.getId(), Step.EVIDENCE);
            model.addAttribute("added", UploadMessages.of(added));
            StepPages.fill(saved, token, Step.EVIDENCE, model, this::evidenceModel);
            return VIEW_EVIDENCE;
        }
        PendingInput.keep(request, t.getId(), Step.EVIDENCE, result);
        UploadMessages.flash(added, flash);
        if (!valid) {
            flash.addFlashAttribute(StepPages.WARNING, "flash.partlySaved");
            flash.addFlashAttribute(StepPages.MESSAGE_ARG, Step.EVIDENCE.number());
        } else if (added.isEmpty()) {
            flash.addFlashAttribute(StepPages.MESSAGE, "flash.saved");
            flash.addFlashAttribute(StepPages.MESSAGE_ARG, Step.EVIDENCE.number());
        }
        return "redirect:" + navigation.target(Step.EVIDENCE).path(token) + (navigation.target(Step.EVIDENCE)
                == Step.EVIDENCE ? UploadMessages.anchor(added) : "");
    }

    private void evidenceModel(Ticket t, Model model) {
        model.addAttribute("attachments", Attachments.of(tickets.details(t.getId())));
        model.addAttribute("api", t.getProduct() != null && t.getProduct().isApi());
        model.addAttribute("maxFileSize", uploads.maxFileSize());
        model.addAttribute("maxFileBytes", uploads.maxFileBytes());
        model.addAttribute("maxPastedText", uploads.maxPastedText());
    }
}
