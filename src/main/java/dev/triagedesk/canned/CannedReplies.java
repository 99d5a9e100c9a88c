package dev.triagedesk.canned;

import dev.triagedesk.conversation.ConversationService;
import dev.triagedesk.conversation.RequestedItem;
import dev.triagedesk.incident.Incident;
import dev.triagedesk.incident.IncidentService;
import dev.triagedesk.ticket.Ticket;
import dev.triagedesk.ticket.TicketRepository;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Keeps the canned replies and fills one in for a ticket. */
@Service
public class CannedReplies {

    /** A name or text that cannot be kept: empty, too long, or a name already taken. */
    public static final class InvalidCannedReplyException extends IllegalArgumentException {
        InvalidCannedReplyException(String why) {
            super(why);
        }
    }

    /**
     * What {@code {private_link}} becomes: the link's token is never stored, so the reporter is sent to the one they
     * were given (the reply is read on that very page, or in a mail that says the same).
     */
    static final String PRIVATE_LINK = "the private link you received when you sent the report";
    /** What {@code {incident}} becomes while the ticket is part of no incident. */
    static final String NO_INCIDENT = "see the service's status page";

    private final CannedReplyRepository replies;
    private final TicketRepository tickets;
    private final ConversationService conversations;
    private final IncidentService incidents;
    private final Clock clock;

    CannedReplies(CannedReplyRepository replies, TicketRepository tickets, ConversationService conversations,
                  IncidentService incidents, Clock clock) {
        this.replies = replies;
        this.tickets = tickets;
        this.conversations = conversations;
        this.incidents = incidents;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<CannedReply> all() {
        return replies.findAllByOrderByNameAsc();
    }

    @Transactional(readOnly = true)
    public Optional<CannedReply> find(long id) {
        return replies.findById(id);
    }

    /** Adds ({@code id} null) or changes a canned reply. */
    @Transactional
    public CannedReply save(Long id, String name, String body) {
        String n = name == null ? "" : name.strip();
        String b = body == null ? "" : body.strip();
        if (n.isEmpty() || n.length() > 100 || b.isEmpty() || b.length() > ConversationService.MAX_MESSAGE) {
            throw new InvalidCannedReplyException("a name of 1 to 100 and a text of 1 to 10,000 characters");
        }
        Optional<CannedReply> same = replies.findByNameIgnoreCase(n);
        if (same.isPresent() && !same.get().getId().equals(id)) {
            throw new InvalidCannedReplyException("name taken");
        }
        if (id == null) {
            return replies.save(new CannedReply(n, b, clock.instant()));
        }
        CannedReply r = replies.findById(id).orElseThrow(() -> new InvalidCannedReplyException("no such reply"));
        r.set(n, b, clock.instant());
        return r;
    }

    @Transactional
    public boolean delete(long id) {
        if (!replies.existsById(id)) {
            return false;
        }
        replies.deleteById(id);
        return true;
    }

    /** The canned reply's text with its placeholders filled for the ticket; empty when either is unknown. */
    @Transactional(readOnly = true)
    public Optional<String> filled(long id, String reference) {
        Optional<Ticket> ticket = tickets.findByReference(reference.trim().toUpperCase(Locale.ROOT))
                .filter(t -> !t.isDraft());
        return ticket.flatMap(t -> replies.findById(id).map(r -> fill(r.getBody(), t)));
    }

    private String fill(String body, Ticket t) {
        List<String> missing = conversations.requested(t.getId()).stream().filter(i -> !i.isDone())
                .map(RequestedItem::getLabel).toList();
        String name = t.getReporterName() == null || t.getReporterName().isBlank() ? "there"
                : t.getReporterName().strip();
        return body.replace("{reference}", t.getReference())
                .replace("{reporter_name}", name)
                .replace("{missing_items}", missing.stream().map(m -> "- " + m).collect(Collectors.joining("\n")))
                .replace("{private_link}", PRIVATE_LINK)
                .replace("{incident}", incident(t));
    }

    /** The ticket's incident as the reporter can follow it: its title and reference. */
    private String incident(Ticket t) {
        Incident i = incidents.ofTickets(List.of(t.getId())).get(t.getId());
        return i == null ? NO_INCIDENT : i.getTitle() + " (" + i.getReference() + ")";
    }
}
