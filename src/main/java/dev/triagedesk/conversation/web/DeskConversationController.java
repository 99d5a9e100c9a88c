package dev.triagedesk.conversation.web;

import dev.triagedesk.conversation.ConversationService;
import dev.triagedesk.conversation.MissingItems;
import dev.triagedesk.conversation.RequestedItem;
import dev.triagedesk.system.web.PageNotFoundException;
import dev.triagedesk.ticket.TicketService;
import dev.triagedesk.ticket.TicketStatus;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The ticket page's conversation forms: a public reply, and "waiting on reporter" with what is missing. Each
 * redirects back to the conversation with a message; bad input is a message there, never an error page.
 */
@Controller
@RequestMapping("/desk/tickets/{reference}")
class DeskConversationController {

    static final String ANCHOR = "conversation";

    private final ConversationService conversations;
    private final TicketService tickets;

    DeskConversationController(ConversationService conversations, TicketService tickets) {
        this.conversations = conversations;
        this.tickets = tickets;
    }

    @PostMapping("/replies")
    String reply(@PathVariable String reference, @RequestParam(defaultValue = "") String body, Principal me,
                 RedirectAttributes flash) {
        String ref = require(reference);
        try {
            conversations.reply(ref, body, me.getName());
            flash.addFlashAttribute("messageKey", "conversation.reply.sent");
        } catch (ConversationService.InvalidMessageException e) {
            flash.addFlashAttribute("errorKey", "conversation.reply.invalid");
            flash.addFlashAttribute("draftReply", body);
        } catch (OptimisticLockingFailureException e) {
            flash.addFlashAttribute("errorKey", "conversation.reply.changedMeanwhile");
            flash.addFlashAttribute("draftReply", body);
        }
        return back(ref, flash);
    }

    /**
     * {@code item}: the ticked suggestions ({@code KIND:words}); {@code other}: one more thing, in the agent's words;
     * {@code message}: an optional public reply sent with it; {@code from}: the status the page showed.
     */
    @PostMapping("/waiting")
    String askReporter(@PathVariable String reference, @RequestParam(name = "item", required = false) List<String> item,
                       @RequestParam(defaultValue = "") String other, @RequestParam(defaultValue = "") String message,
                       @RequestParam(required = false) String from, Principal me, RedirectAttributes flash) {
        String ref = require(reference);
        List<MissingItems.Suggestion> asked = new ArrayList<>();
        for (String value : item == null ? List.<String>of() : item) {
            MissingItems.Suggestion s = parse(value);
            if (s == null) {
                flash.addFlashAttribute("errorKey", "conversation.waiting.invalid");
                return back(ref, flash);
            }
            asked.add(s);
        }
        if (!other.isBlank()) {
            asked.add(new MissingItems.Suggestion(RequestedItem.Kind.ANSWER, other.strip()));
        }
        if (asked.isEmpty()) {
            flash.addFlashAttribute("errorKey", "conversation.waiting.nothing");
            return back(ref, flash);
        }
        TicketStatus seen = null;
        if (from != null && !from.isBlank()) {
            try {
                seen = TicketStatus.valueOf(from.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                flash.addFlashAttribute("errorKey", "conversation.waiting.invalid");
                return back(ref, flash);
            }
        }
        try {
            conversations.askReporter(ref, asked, message, me.getName(), seen);
            flash.addFlashAttribute("messageKey", "conversation.waiting.set");
        } catch (IllegalStateException e) {
            flash.addFlashAttribute("errorKey", "ticket.changedMeanwhile.status");
            flash.addFlashAttribute("messageArg", e.getMessage());
        } catch (ConversationService.InvalidMessageException e) {
            flash.addFlashAttribute("errorKey", "conversation.reply.invalid");
        } catch (OptimisticLockingFailureException e) {
            flash.addFlashAttribute("errorKey", "ticket.changedMeanwhile");
        }
        return back(ref, flash);
    }

    private static MissingItems.Suggestion parse(String value) {
        int colon = value == null ? -1 : value.indexOf(':');
        if (colon <= 0 || value.substring(colon + 1).isBlank()) {
            return null;
        }
        try {
            return new MissingItems.Suggestion(RequestedItem.Kind.valueOf(value.substring(0, colon)),
                    value.substring(colon + 1).strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private String require(String reference) {
        return tickets.byReference(reference.trim().toUpperCase(Locale.ROOT)).filter(t -> !t.isDraft())
                .orElseThrow(() -> new PageNotFoundException("ticket.notFound")).getReference();
    }

    private static String back(String reference, RedirectAttributes flash) {
        flash.addFlashAttribute("messageAt", ANCHOR);
        return "redirect:/desk/tickets/" + reference + "#" + ANCHOR;
    }
}
