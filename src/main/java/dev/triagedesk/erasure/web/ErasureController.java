package dev.triagedesk.erasure.web;

import dev.triagedesk.erasure.Erasure;
import dev.triagedesk.erasure.NothingToEraseException;
import dev.triagedesk.system.PageNotFoundException;
import dev.triagedesk.ticket.Evidence;
import dev.triagedesk.ticket.TicketDetails;
import dev.triagedesk.ticket.TicketService;
import java.security.Principal;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Erasing a ticket or one of its attachments from the staff pages: under {@code /admin/**}, so administrators
 * only. The ticket page's buttons lead to a confirmation page (GET, changes nothing), whose form erases (POST, with
 * the CSRF token every form carries).
 */
@Controller
@RequestMapping("/admin/tickets/{reference}")
class ErasureController {

    static final String VIEW_CONFIRM = "erasure/confirm";
    private static final String NOT_FOUND = "ticket.notFound";

    private final Erasure erasure;
    private final TicketService tickets;

    ErasureController(Erasure erasure, TicketService tickets) {
        this.erasure = erasure;
        this.tickets = tickets;
    }

    @GetMapping("/erase")
    String confirmTicket(@PathVariable String reference, Model model) {
        submitted(reference);
        model.addAttribute("reference", reference);
        return VIEW_CONFIRM;
    }

    @GetMapping("/attachments/{n}/erase")
    String confirmAttachment(@PathVariable String reference, @PathVariable int n, Model model) {
        List<Evidence> evidence = submitted(reference).evidence();
        if (n < 1 || n > evidence.size()) {
            throw new PageNotFoundException(NOT_FOUND);
        }
        model.addAttribute("reference", reference);
        model.addAttribute("number", n);
        model.addAttribute("kind", evidence.get(n - 1).getKind().label());
        return VIEW_CONFIRM;
    }

    @PostMapping("/erase")
    String eraseTicket(@PathVariable String reference, Principal me, RedirectAttributes flash) {
        try {
            flash.addFlashAttribute("messageArg", erasure.eraseTicket(reference, me.getName()).line());
            flash.addFlashAttribute("messageKey", "erasure.done");
        } catch (NothingToEraseException e) {
            flash.addFlashAttribute("messageArg", e.getMessage());
            flash.addFlashAttribute("errorKey", "erasure.gone");
        }
        return "redirect:/desk";
    }

    @PostMapping("/attachments/{n}/erase")
    String eraseAttachment(@PathVariable String reference, @PathVariable int n, Principal me,
                           RedirectAttributes flash) {
        try {
            flash.addFlashAttribute("messageArg", erasure.eraseAttachment(reference, n, me.getName()).line());
            flash.addFlashAttribute("messageKey", "erasure.done");
        } catch (NothingToEraseException e) {
            flash.addFlashAttribute("messageArg", e.getMessage());
            flash.addFlashAttribute("errorKey", "erasure.gone");
        }
        flash.addFlashAttribute("messageAt", "attachments");
        return "redirect:/desk/tickets/" + reference + "#attachments";
    }

    private TicketDetails submitted(String reference) {
        return tickets.byReference(reference).filter(t -> !t.isDraft()).map(t -> tickets.details(t.getId()))
                .orElseThrow(() -> new PageNotFoundException(NOT_FOUND));
    }
}
