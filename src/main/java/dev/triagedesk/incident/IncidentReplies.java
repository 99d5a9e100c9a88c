package dev.triagedesk.incident;

import dev.triagedesk.conversation.ConversationService;
import dev.triagedesk.ticket.Ticket;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One public reply to every reporter of an incident: the same reply on each open ticket, through
 * {@link ConversationService#reply} (so each ticket's thread, trail and reporter's mail are as for a single reply),
 * all in one transaction: a reply that fails on one ticket is sent to none.
 */
@Service
public class IncidentReplies {

    private final IncidentService incidents;
    private final IncidentTicketRepository members;
    private final ConversationService conversations;

    IncidentReplies(IncidentService incidents, IncidentTicketRepository members, ConversationService conversations) {
        this.incidents = incidents;
        this.members = members;
        this.conversations = conversations;
    }

    /**
     * Replies on each open ticket (resolved and closed ones are left alone, as for status changes) of the incident,
     * or of the one it was merged into; returns the references replied on.
     *
     * @throws IncidentException no such incident
     * @throws ConversationService.InvalidMessageException no text, or too long
     */
    @Transactional
    public List<String> replyToAll(String reference, String body, String actor) {
        Incident incident = incidents.find(reference).orElseThrow(() ->
                new IncidentException(IncidentException.Kind.NOT_FOUND, "no incident " + reference));
        List<String> replied = new ArrayList<>();
        for (IncidentTicket m : members.members(incident)) {
            Ticket t = m.getTicket();
            if (!IncidentGrouping.SETTLED.contains(t.getStatus())) {
                conversations.reply(t.getReference(), body, actor);
                replied.add(t.getReference());
            }
        }
        return replied;
    }
}
