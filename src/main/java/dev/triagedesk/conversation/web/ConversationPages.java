package dev.triagedesk.conversation.web;

import dev.triagedesk.conversation.ConversationService;
import dev.triagedesk.conversation.MissingItems;
import dev.triagedesk.conversation.RequestedItem;
import dev.triagedesk.conversation.TicketMessage;
import dev.triagedesk.statuspage.OfficialIncidents;
import dev.triagedesk.ticket.TicketService;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What the conversation fragments show, read by the templates themselves ({@code @conversationPages}), so the
 * ticket page and the reporter page only include a fragment and their controllers stay as they are.
 */
@Component("conversationPages")
public class ConversationPages {

    /** The thread and checklist as staff see them, with what they may ask the reporter for. */
    public record DeskConversation(List<TicketMessage> messages, List<RequestedItem> requested,
                                   List<MissingItems.Suggestion> suggestions) {

        public boolean waitingItems() {
            return requested.stream().anyMatch(i -> !i.isDone());
        }
    }

    /** The thread and checklist as the reporter sees them. */
    public record ReporterConversation(List<TicketMessage> messages, List<RequestedItem> requested) {

        public List<RequestedItem> open() {
            return requested.stream().filter(i -> !i.isDone()).toList();
        }
    }

    private final ConversationService conversations;
    private final TicketService tickets;

    ConversationPages(ConversationService conversations, TicketService tickets) {
        this.conversations = conversations;
        this.tickets = tickets;
    }

    /**
     * {@code official}: the official incident that covered the ticket's failure time, as the ticket page found it
     * (null: none), so the suggested next step is the verdict's the page shows.
     */
    public DeskConversation desk(long ticketId, OfficialIncidents.Coverage official) {
        return new DeskConversation(conversations.thread(ticketId), conversations.requested(ticketId),
                MissingItems.suggest(tickets.details(ticketId), official));
    }

    public ReporterConversation reporter(long ticketId) {
        return new ReporterConversation(conversations.thread(ticketId), conversations.requested(ticketId));
    }

    /** A suggestion as its checkbox's value: its kind, a colon, its words. */
    public static String value(MissingItems.Suggestion s) {
        return s.kind().name() + ":" + s.label();
    }
}
