package dev.triagedesk.desk.web;

import dev.triagedesk.desk.BulkActions;
import dev.triagedesk.incident.IncidentException;
import dev.triagedesk.ticket.TicketStatus;
import java.security.Principal;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** {@code POST /desk/bulk}: the queue's form for the selected tickets, a plain form post (no script needed). */
@Controller
class BulkController {

    /** The assignee field's value that leaves assignees as they are. */
    static final String KEEP = "keep";

    private final BulkActions bulk;

    BulkController(BulkActions bulk) {
        this.bulk = bulk;
    }

    @PostMapping("/desk/bulk")
    String apply(@RequestParam(name = "ticket", required = false) List<String> tickets,
                 @RequestParam(defaultValue = "") String status, @RequestParam(defaultValue = KEEP) String assignee,
                 @RequestParam(defaultValue = "") String incident,
                 @RequestParam(defaultValue = "/desk") String back, Principal me, RedirectAttributes flash) {
        TicketStatus to = null;
        if (!status.isBlank()) {
            try {
                to = TicketStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                flash.addFlashAttribute("errorKey", "queue.bulk.invalid");
                return "redirect:/desk";
            }
        }
        boolean assign = !KEEP.equals(assignee);
        Long assigneeId = null;
        if (assign && !"none".equals(assignee)) {
            try {
                assigneeId = Long.valueOf(assignee);
            } catch (NumberFormatException e) {
                flash.addFlashAttribute("errorKey", "queue.bulk.invalid");
                return "redirect:/desk";
            }
        }
        try {
            int count = bulk.apply(tickets == null ? List.of() : tickets,
                    new BulkActions.Bulk(to, assign, assigneeId, incident), me.getName());
            flash.addFlashAttribute("messageKey", "queue.bulk.done");
            flash.addFlashAttribute("messageArg", count);
        } catch (IncidentException | IllegalArgumentException e) {
            // nothing was changed: the transaction rolled back
            flash.addFlashAttribute("errorKey", "queue.bulk.failed");
            flash.addFlashAttribute("messageArg", e.getMessage());
        }
        return "redirect:" + queue(back);
    }

    /** The queue page the form was sent from (its filters, search and page), only ever an address of the queue. */
    static String queue(String back) {
        return back != null && back.matches("/desk(\\?[A-Za-z0-9_.~%+=&-]*)?") ? back : "/desk";
    }
}
