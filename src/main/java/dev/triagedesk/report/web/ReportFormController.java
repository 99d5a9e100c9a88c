package dev.triagedesk.report.web;

import dev.triagedesk.report.ReportLinks;
import dev.triagedesk.incident.IncidentGrouping;
import dev.triagedesk.report.ReportService;
import dev.triagedesk.ticket.ApiCallMode;
import dev.triagedesk.ticket.CheckResult;
import dev.triagedesk.ticket.Product;
import dev.triagedesk.ticket.StatusPageAnswer;
import dev.triagedesk.ticket.Ticket;
import dev.triagedesk.ticket.TicketService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The guided form's steps 1-3 and 5 (step 4, evidence, has {@link EvidenceStepController}). Every POST saves what
 * is valid into the draft and redirects: Continue needs the whole step valid, Back and the progress list save
 * what they can and go.
 */
@Controller
class ReportFormController {

    static final String VIEW_WHAT = "report/what";
    static final String VIEW_STATUS = "report/status";
    static final String VIEW_CHECKS = "report/checks";
    static final String VIEW_REVIEW = "report/review";
    static final String FORM = "form";

    private final TicketService tickets;
    private final ReportService reports;
    private final ReportLinks links;
    private final FormValidation validation;
    private final TypedSecrets secrets;
    private final IncidentGrouping incidents;

    ReportFormController(TicketService tickets, ReportService reports, ReportLinks links, FormValidation validation,
                         TypedSecrets secrets, IncidentGrouping incidents) {
        this.incidents = incidents;
        this.tickets = tickets;
        this.reports = reports;
        this.links = links;
        this.validation = validation;
        this.secrets = secrets;
    }

    @PostMapping("/report")
    String start(RedirectAttributes flash) {
        TicketService.Draft draft = tickets.startDraft();
        flash.addFlashAttribute(StepPages.MESSAGE, "flash.draftStarted");
        return "redirect:" + Step.WHAT.path(draft.token());
    }

    /**
     * The form's start address opened directly (bookmarked, reloaded, typed): a report starts only from the button
     * on the home page (a POST, so a crawler or a reload never makes drafts), which is where this leads.
     */
    @GetMapping("/report")
    String startPage() {
        return "redirect:/";
    }

    @GetMapping("/report/{token}")
    String resume(@PathVariable String token) {
        Ticket t = links.ticket(token);
        return t.isDraft() ? "redirect:" + Progress.furthestOpen(t).path(token)
                : "redirect:" + ReportLinks.reporterPage(token);
    }

    // step 1

    @GetMapping("/report/{token}/what")
    String what(@PathVariable String token, Model model, HttpServletRequest request) {
        Ticket t = links.ticket(token);
        return StepPages.open(validation, request, t, token, Step.WHAT, model, () -> WhatFailsForm.of(t), VIEW_WHAT, this::whatModel);
    }

    @PostMapping("/report/{token}/what")
    String saveWhat(@PathVariable String token, @Valid @ModelAttribute(FORM) WhatFailsForm form, BindingResult result,
                    @RequestParam(name = "nav", required = false) String nav, Model model, RedirectAttributes flash,
                      HttpServletRequest request) {
        Ticket t = links.ticket(token);
        FormValidation.Bound<WhatFailsForm> bound = validation.complete(WhatFailsForm.class, form, result, model);
        WhatFailsForm what = bound.form();
        BindingResult checked = bound.result();
        return save(request, t, token, Step.WHAT, Navigation.of(nav), checked, model, flash,
                ticket -> what.applyTo(ticket, new FieldErrors(checked)), VIEW_WHAT, this::whatModel);
    }

    private void whatModel(Ticket t, Model model) {
        model.addAttribute("products", List.of(Product.values()));
        secrets.show(t, Step.WHAT, model);
    }

    // step 2

    @GetMapping("/report/{token}/status")
    String status(@PathVariable String token, Model model, HttpServletRequest request) {
        Ticket t = links.ticket(token);
        return StepPages.open(validation, request, t, token, Step.STATUS, model, () -> StatusPageForm.of(t), VIEW_STATUS, this::statusModel);
    }

    @PostMapping("/report/{token}/status")
    String saveStatus(@PathVariable String token, @Valid @ModelAttribute(FORM) StatusPageForm form, BindingResult result,
                      @RequestParam(name = "nav", required = false) String nav, Model model, RedirectAttributes flash,
                      HttpServletRequest request) {
        Ticket t = links.ticket(token);
        FormValidation.Bound<StatusPageForm> bound = validation.complete(StatusPageForm.class, form, result, model);
        StatusPageForm status = bound.form();
        BindingResult checked = bound.result();
        Navigation navigation = Navigation.of(nav);
        if (!checked.hasErrors() && status.incidentHere() && !status.adviceSeen()
                && navigation.needsValidStep(Step.STATUS) && t.isDraft()) {
            // the reporter has not seen the advice yet (no JavaScript): save, show it, and let them go on from there
            tickets.update(t.getId(), ticket -> status.applyTo(ticket, new FieldErrors(checked)));
            flash.addFlashAttribute(StepPages.MESSAGE, "flash.incidentAdvice");
            return "redirect:" + Step.STATUS.path(token) + "#incident-advice";
        }
        return save(request, t, token, Step.STATUS, navigation, checked, model, flash,
                ticket -> status.applyTo(ticket, new FieldErrors(checked)), VIEW_STATUS, this::statusModel);
    }

    private void statusModel(Ticket t, Model model) {
        model.addAttribute("answers", List.of(StatusPageAnswer.values()));
    }

    // step 3

    @GetMapping("/report/{token}/checks")
    String checks(@PathVariable String token, Model model, HttpServletRequest request) {
        Ticket t = links.ticket(token);
        return StepPages.open(validation, request, t, token, Step.CHECKS, model, () -> ChecksForm.of(t), VIEW_CHECKS, this::checksModel);
    }

    @PostMapping("/report/{token}/checks")
    String saveChecks(@PathVariable String token, @Valid @ModelAttribute(FORM) ChecksForm form, BindingResult result,
                      @RequestParam(name = "nav", required = false) String nav, Model model, RedirectAttributes flash,
                      HttpServletRequest request) {
        Ticket t = links.ticket(token);
        FormValidation.Bound<ChecksForm> bound = validation.complete(ChecksForm.class, form, result, model);
        ChecksForm checks = bound.form();
        BindingResult checked = bound.result();
        boolean api = isApi(t);
        return save(request, t, token, Step.CHECKS, Navigation.of(nav), checked, model, flash,
                ticket -> checks.applyTo(ticket, api, new FieldErrors(checked)), VIEW_CHECKS, this::checksModel);
    }

    private void checksModel(Ticket t, Model model) {
        model.addAttribute("api", isApi(t));
        model.addAttribute("webChecks", ChecksForm.WEB_CHECKS);
        model.addAttribute("checkResults", List.of(CheckResult.values()));
        model.addAttribute("serviceTiers", ChecksForm.SERVICE_TIERS);
        model.addAttribute("sdks", ChecksForm.SDKS);
        model.addAttribute("callModes", List.of(ApiCallMode.values()));
        secrets.show(t, Step.CHECKS, model);
    }

    private static boolean isApi(Ticket t) {
        return t.getProduct() != null && t.getProduct().isApi();
    }

    // step 5

    @GetMapping("/report/{token}/review")
    String review(@PathVariable String token, Model model, HttpServletRequest request) {
        Ticket t = links.ticket(token);
        return StepPages.open(validation, request, t, token, Step.REVIEW, model, () -> null, VIEW_REVIEW,
                (ticket, m) -> {
                    ReportService.Review review = reports.review(ticket.getId());
                    m.addAttribute("review", review);
                    m.addAttribute("otherReports", incidents.othersReporting(review.details(),
                            review.verdict().path()));
                    secrets.show(ticket, null, m);
                });
    }

    @PostMapping("/report/{token}/review")
    String submit(@PathVariable String token, @RequestParam(name = "nav", required = false) String nav,
                  RedirectAttributes flash) {
        Ticket t = links.ticket(token);
        if (!t.isDraft()) {
            return "redirect:" + ReportLinks.reporterPage(token);
        }
        if (!"submit".equals(nav)) {
            return "redirect:" + Navigation.of(nav == null ? Navigation.BACK : nav).target(Step.REVIEW).path(token);
        }
        if (t.getStepReached() < Step.EVIDENCE.number()) {
            return "redirect:" + Progress.furthestOpen(t).path(token);
        }
        ReportService.Review review;
        try {
            review = reports.submit(t.getId(), token);
        } catch (CannotCreateTransactionException | ConcurrencyFailureException e) {
            // busy (no free connection, or locks lost on every attempt): rolled back, the draft is as it was
            flash.addFlashAttribute(StepPages.WARNING, "flash.busy");
            return "redirect:" + Step.REVIEW.path(token);
        }
        flash.addFlashAttribute(StepPages.MESSAGE, "flash.submitted");
        flash.addFlashAttribute(StepPages.MESSAGE_ARG, review.details().ticket().getReference());
        return "redirect:" + ReportLinks.reporterPage(token);
    }

    private String save(HttpServletRequest request, Ticket t, String token, Step step, Navigation nav,
                        BindingResult result, Model model, RedirectAttributes flash, Consumer<Ticket> apply, String view,
                        StepPages.ModelFiller filler) {
        if (!t.isDraft()) {
            flash.addFlashAttribute(StepPages.MESSAGE, "flash.alreadySubmitted");
            return "redirect:" + ReportLinks.reporterPage(token);
        }
        boolean valid = !result.hasErrors();
        Map<String, Set<String>> secretsBefore = TypedSecrets.markers(t, step);
        Ticket saved = tickets.update(t.getId(), ticket -> {
            apply.accept(ticket);
            if (valid) {
                ticket.reachStep(step.number());
            }
        });
        if (!valid && nav.needsValidStep(step)) {
            PendingInput.clear(request, t.getId(), step);
            StepPages.fill(saved, token, step, model, filler);
            return view;
        }
        // leaving: what is not valid yet waits, with its errors, for the reporter to come back to this step
        PendingInput.keep(request, t.getId(), step, result);
        String secretWarning = secrets.newWarning(secretsBefore, saved, step);
        if (secretWarning != null) {
            flash.addFlashAttribute(TypedSecrets.WARNING, secretWarning);
        }
        if (valid) {
            flash.addFlashAttribute(StepPages.MESSAGE, "flash.saved");
            flash.addFlashAttribute(StepPages.MESSAGE_ARG, step.number());
        } else {
            flash.addFlashAttribute(StepPages.WARNING, "flash.partlySaved");
            flash.addFlashAttribute(StepPages.MESSAGE_ARG, step.number());
        }
        return "redirect:" + nav.target(step).path(token);
    }
}
