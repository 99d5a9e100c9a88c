package dev.triagedesk.conversation;

import dev.triagedesk.audit.AuditAction;
import dev.triagedesk.audit.AuditLog;
import dev.triagedesk.evidence.EvidenceEngine;
import dev.triagedesk.staff.StaffUser;
import dev.triagedesk.staff.StaffUserRepository;
import dev.triagedesk.ticket.EvidenceAdded;
import dev.triagedesk.ticket.EvidenceKind;
import dev.triagedesk.ticket.Ticket;
import dev.triagedesk.ticket.TicketRepository;
import dev.triagedesk.ticket.TicketService;
import dev.triagedesk.ticket.TicketStatus;
import dev.triagedesk.ticket.TicketStatusChanged;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Public replies, the reporter's answers and what the reporter is asked for. Every message and request goes into
 * the audit trail in its own transaction, and is announced with an event there (mail and webhooks queue theirs in
 * it). What the reporter does is written with statements that leave the ticket's version alone, as evidence is
 * (see {@link TicketService}): an answer never makes an agent's change fail.
 */
@Service
public class ConversationService {

    public static final int MAX_MESSAGE = 10_000;
    private static final int MAX_ITEM = 500;

    /** A reply or answer of no text, or too long. */
    public static final class InvalidMessageException extends IllegalArgumentException {
        InvalidMessageException() {
            super("a message has 1 to " + MAX_MESSAGE + " characters");
        }
    }

    private final TicketRepository tickets;
    private final TicketMessageRepository messages;
    private final RequestedItemRepository items;
    private final StaffUserRepository users;
    private final AuditLog audit;
    private final EvidenceEngine engine;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ConversationService(TicketRepository tickets, TicketMessageRepository messages, RequestedItemRepository items,
                        StaffUserRepository users, AuditLog audit, EvidenceEngine engine,
                        ApplicationEventPublisher events, Clock clock) {
        this.tickets = tickets;
        this.messages = messages;
        this.items = items;
        this.users = users;
        this.audit = audit;
        this.engine = engine;
        this.events = events;
        this.clock = clock;
    }

    /** An agent's public reply: the reporter sees it on their page (and by mail when they gave an address). */
    @Transactional
    public TicketMessage reply(String reference, String body, String actor) {
        Ticket t = submitted(reference);
        String text = text(body);
        StaffUser author = users.findByUsernameIgnoreCase(actor).orElseThrow();
        Instant now = clock.instant();
        TicketMessage m = messages.save(TicketMessage.fromAgent(t, author, text, now));
        tickets.touch(t.getId(), now);
        audit.recordChange(t.getId(), actor, AuditAction.REPLIED, null);
        events.publishEvent(new PublicReplyPosted(t.getId(), m.getId()));
        return m;
    }

    /**
     * The reporter's answer on their page. What they type is redacted like their description; it ticks the
     * written-answer items asked for, and a ticket waiting on them goes back to triaging.
     */
    @Transactional
    public TicketMessage answer(long ticketId, String body) {
        Ticket t = tickets.findById(ticketId).filter(x -> !x.isDraft()).orElseThrow();
        String text = engine.redactor().text(text(body));
        Instant now = clock.instant();
        TicketMessage m = messages.save(TicketMessage.fromReporter(t, t.getReporterName(), text, now));
        tickets.touch(ticketId, now);
        messages.markUnread(ticketId, now);
        audit.recordChange(ticketId, TicketService.REPORTER, AuditAction.REPORTER_ANSWERED, null);
        tick(t, Set.of(RequestedItem.Kind.ANSWER), now);
        backToTriaging(t, now);
        events.publishEvent(new ReporterReplied(ticketId, m.getId()));
        return m;
    }

    /**
     * Sets "Waiting on reporter" and what the reporter is asked for (replacing what was asked and not yet given);
     * {@code message}, when not blank, goes to them as a public reply too. {@code seen}: the status the agent saw
     * (null: not checked); a ticket changed meanwhile is left alone.
     *
     * @throws IllegalStateException the status is no longer {@code seen}
     */
    @Transactional
    public void askReporter(String reference, List<MissingItems.Suggestion> asked, String message, String actor,
                            TicketStatus seen) {
        Ticket t = submitted(reference);
        if (seen != null && seen != t.getStatus()) {
            throw new IllegalStateException(t.getStatus().label());
        }
        List<MissingItems.Suggestion> wanted = asked.stream().filter(s -> s.label() != null && !s.label().isBlank())
                .map(s -> new MissingItems.Suggestion(s.kind(), clip(s.label().strip())))
                .distinct().toList();
        if (wanted.isEmpty()) {
            throw new IllegalArgumentException("nothing asked for");
        }
        Instant now = clock.instant();
        items.deleteAll(items.findByTicketAndDoneAtIsNullOrderByIdAsc(t));
        for (MissingItems.Suggestion s : wanted) {
            items.save(new RequestedItem(t, s.kind(), s.label(), now));
        }
        audit.recordChange(t.getId(), actor, AuditAction.ASKED_REPORTER,
                clip(wanted.stream().map(MissingItems.Suggestion::label).collect(Collectors.joining("; "))));
        TicketStatus was = t.getStatus();
        if (was != TicketStatus.WAITING_ON_REPORTER) {
            t.setStatus(TicketStatus.WAITING_ON_REPORTER);
            t.touch(now);
            audit.recordChange(t.getId(), actor, AuditAction.STATUS_CHANGED,
                    was.label() + " → " + TicketStatus.WAITING_ON_REPORTER.label());
            events.publishEvent(new TicketStatusChanged(t.getId(), was, TicketStatus.WAITING_ON_REPORTER, actor));
        }
        if (message != null && !message.isBlank()) {
            reply(reference, message, actor);
        }
    }

    /** New evidence ticks the items it fills; a ticket waiting on the reporter then goes back to triaging. */
    @EventListener
    @Transactional
    public void evidenceAdded(EvidenceAdded added) {
        Ticket t = tickets.findById(added.ticketId()).orElseThrow();
        Set<RequestedItem.Kind> fills = new LinkedHashSet<>();
        for (EvidenceKind kind : added.kinds()) {
            switch (kind) {
                case HAR -> {
                    fills.add(RequestedItem.Kind.HAR);
                    fills.add(RequestedItem.Kind.IDENTIFIER); // a HAR carries the request IDs support looks for
                }
                case CONSOLE -> fills.add(RequestedItem.Kind.CONSOLE);
                case API_LOG, BATCH -> {
                    // the client's own log of its calls: what an API report is asked for, request IDs included
                    fills.add(RequestedItem.Kind.CONSOLE);
                    fills.add(RequestedItem.Kind.IDENTIFIER);
                }
                case SCREENSHOT -> fills.add(RequestedItem.Kind.SCREENSHOT);
            }
        }
        if (added.conversationUrl()) {
            fills.add(RequestedItem.Kind.IDENTIFIER);
        }
        Instant now = clock.instant();
        if (tick(t, fills, now)) {
            backToTriaging(t, now);
        }
    }

    /** An agent opened the ticket: its reporter messages are no longer unread. */
    @Transactional
    public void markRead(String reference) {
        tickets.findByReference(reference.trim().toUpperCase(Locale.ROOT))
                .ifPresent(t -> messages.markRead(t.getId()));
    }

    /** Public replies and answers, oldest first. */
    @Transactional(readOnly = true)
    public List<TicketMessage> thread(long ticketId) {
        return messages.findByTicketOrderByCreatedAtAscIdAsc(tickets.getReferenceById(ticketId));
    }

    /** What the reporter was asked for, done or not, in the order asked. */
    @Transactional(readOnly = true)
    public List<RequestedItem> requested(long ticketId) {
        return items.findByTicketOrderByIdAsc(tickets.getReferenceById(ticketId));
    }

    @Transactional(readOnly = true)
    public TicketMessage message(long id) {
        return messages.findById(id).orElseThrow();
    }

    private boolean tick(Ticket t, Set<RequestedItem.Kind> kinds, Instant now) {
        List<RequestedItem> ticked = new ArrayList<>();
        for (RequestedItem item : items.findByTicketAndDoneAtIsNullOrderByIdAsc(t)) {
            if (kinds.contains(item.getKind())) {
                item.done(now);
                ticked.add(item);
            }
        }
        return !ticked.isEmpty();
    }

    private void backToTriaging(Ticket t, Instant now) {
        if (messages.backToTriaging(t.getId(), now) == 1) {
            audit.recordChange(t.getId(), TicketService.REPORTER, AuditAction.STATUS_CHANGED,
                    TicketStatus.WAITING_ON_REPORTER.label() + " → " + TicketStatus.TRIAGING.label());
            events.publishEvent(new TicketStatusChanged(t.getId(), TicketStatus.WAITING_ON_REPORTER,
                    TicketStatus.TRIAGING, TicketService.REPORTER));
        }
    }

    private Ticket submitted(String reference) {
        return tickets.findByReference(reference == null ? "" : reference.trim().toUpperCase(Locale.ROOT))
                .filter(t -> !t.isDraft())
                .orElseThrow(() -> new IllegalArgumentException("no ticket " + reference));
    }

    private static String text(String body) {
        String text = body == null ? "" : body.strip();
        if (text.isEmpty() || text.length() > MAX_MESSAGE) {
            throw new InvalidMessageException();
        }
        return text;
    }

    private static String clip(String s) {
        return s.length() <= MAX_ITEM ? s : s.substring(0, MAX_ITEM - 1) + "…";
    }
}
