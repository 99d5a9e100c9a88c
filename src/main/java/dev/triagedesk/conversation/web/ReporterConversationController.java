package dev.triagedesk.conversation.web;

import dev.triagedesk.conversation.ConversationService;
import dev.triagedesk.system.web.PageNotFoundException;
import dev.triagedesk.ticket.Ticket;
import dev.triagedesk.ticket.TicketService;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The reporter's answer, from their private page; evidence goes through that page's own form as before. */
@Controller
class ReporterConversationController {

    private final ConversationService conversations;
    private final TicketService tickets;

    ReporterConversationController(ConversationService conversations, TicketService tickets) {
        this.conversations = conversations;
        this.tickets = tickets;
    }

    @PostMapping("/r/{token}/replies")
    String answer(@PathVariable String token, @RequestParam(defaultValue = "") String body, RedirectAttributes flash) {
        Ticket t = tickets.byToken(token).filter(x -> !x.isDraft())
                .orElseThrow(() -> new PageNotFoundException("error.report.notFound"));
        try {
            conversations.answer(t.getId(), body);
            flash.addFlashAttribute("messageKey", "conversation.answer.sent");
        } catch (ConversationService.InvalidMessageException e) {
            flash.addFlashAttribute("warningKey", "conversation.answer.invalid");
            flash.addFlashAttribute("draftAnswer", body);
        }
        return "redirect:/r/" + token + "#conversation";
    }
}
