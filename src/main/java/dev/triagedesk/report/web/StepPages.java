package dev.triagedesk.report.web;

import dev.triagedesk.report.ReportLinks;
import dev.triagedesk.ticket.Ticket;
import jakarta.servlet.http.HttpServletRequest;
import java.util.function.Supplier;
import org.springframework.ui.Model;

/** What every step page needs: the way in (or a redirect when the step cannot be opened) and the progress list. */
final class StepPages {

    /** Flash attributes: a message key, an optional argument, and a warning key. */
    static final String MESSAGE = "messageKey";
    static final String MESSAGE_ARG = "messageArg";
    static final String WARNING = "warningKey";

    /** Adds what a step's view needs beyond the form. */
    @FunctionalInterface
    interface ModelFiller {
        void fill(Ticket ticket, Model model);
    }

    private StepPages() {
    }

    /**
     * The view of {@code step}, with its form filled from the draft (and the answers that were not valid when the
     * reporter left it backwards, with their errors); a submitted report goes to its reporter page, a step that
     * cannot be opened yet to the furthest one that can.
     */
    static String open(FormValidation validation, HttpServletRequest request, Ticket t, String token, Step step, Model model,
                       Supplier<Object> form, String view, ModelFiller filler) {
        if (!t.isDraft()) {
            return "redirect:" + ReportLinks.reporterPage(token);
        }
        Step furthest = Progress.furthestOpen(t);
        if (step.number() > furthest.number()) {
            return "redirect:" + furthest.path(token);
        }
        if (!model.containsAttribute(ReportFormController.FORM)) {
            Object f = form.get();
            if (f != null) {
                model.addAttribute(ReportFormController.FORM, f);
                PendingInput.restore(request, t.getId(), step, model, validation);
            }
        }
        fill(t, token, step, model, filler);
        return view;
    }

    static void fill(Ticket t, String token, Step step, Model model, ModelFiller filler) {
        model.addAttribute("token", token);
        model.addAttribute("ticket", t);
        model.addAttribute("step", step);
        model.addAttribute("progress", Progress.of(t, step));
        filler.fill(t, model);
    }
}
