package dev.triagedesk.desk;

import dev.triagedesk.audit.AuditAction;
import dev.triagedesk.audit.AuditLog;
import dev.triagedesk.evidence.TriagePath;
import dev.triagedesk.staff.StaffUser;
import dev.triagedesk.staff.StaffUserRepository;
import dev.triagedesk.ticket.EvidenceRepository;
import dev.triagedesk.ticket.Product;
import dev.triagedesk.ticket.RequestIdentifierRepository;
import dev.triagedesk.ticket.Ticket;
import dev.triagedesk.ticket.TicketDetails;
import dev.triagedesk.ticket.TicketRepository;
import dev.triagedesk.ticket.TicketService;
import dev.triagedesk.ticket.TicketStatus;
import dev.triagedesk.ticket.TicketStatusChanged;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.JoinType;
import jakarta.persistence.criteria.Root;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.hibernate.jpa.HibernateHints;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.query.QueryUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** What staff do with tickets: find them, open them, move them through the workflow, and note things. */
@Service
public class DeskService {

    public static final int PAGE_SIZE_MAX = 200;

    /** A page of the queue, with the number of analyzed attachments of each ticket on it. */
    public record QueuePage(Page<Ticket> tickets, Map<Long, Long> evidenceCounts) {
    }

    private final TicketRepository tickets;
    private final EvidenceRepository evidence;
    private final TicketService ticketService;
    private final RequestIdentifierRepository identifiers;
    private final TicketNoteRepository notes;
    private final StaffUserRepository users;
    private final AuditLog audit;
    private final Clock clock;
    private final EntityManager entities;
    /** For what runs in more than one transaction: a note added again, a view audited after its read. */
    private final TransactionTemplate readWrite;
    private final TransactionTemplate readOnly;
    private final ApplicationEventPublisher events;

    DeskService(TicketRepository tickets, EvidenceRepository evidence, RequestIdentifierRepository identifiers,
                TicketService ticketService, TicketNoteRepository notes, StaffUserRepository users, AuditLog audit,
                Clock clock, PlatformTransactionManager transactions, EntityManager entities,
                ApplicationEventPublisher events) {
        this.tickets = tickets;
        this.evidence = evidence;
        this.identifiers = identifiers;
        this.ticketService = ticketService;
        this.notes = notes;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
        this.entities = entities;
        this.readWrite = new TransactionTemplate(transactions);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.events = events;
    }

    @Transactional(readOnly = true)
    public QueuePage queue(TicketFilter filter, int page, int size) {
        PageRequest request = PageRequest.of(Math.max(0, page), Math.max(1, Math.min(PAGE_SIZE_MAX, size)),
                TicketQueue.sort(filter.sort()));
        TicketQueue.Search search = search(filter);
        Specification<Ticket> queue = TicketQueue.of(filter, search);
        Page<Ticket> result = search != null && search.words() != null && filter.searchOnly()
                ? page(queue, request, search.words().count()) // the word index has counted them already
                : tickets.findAll(queue, request);
        result.forEach(t -> {
            if (t.getAssignee() != null) {
                t.getAssignee().getUsername(); // loaded while the session is open
            }
        });
        Map<Long, Long> counts = new HashMap<>();
        if (!result.isEmpty()) {
            for (Object[] row : evidence.countAnalyzedByTicketIds(result.map(Ticket::getId).toList())) {
                counts.put((Long) row[0], (Long) row[1]);
            }
        }
        return new QueuePage(result, counts);
    }

    private Page<Ticket> page(Specification<Ticket> queue, PageRequest request, long total) {
        CriteriaBuilder cb = entities.getCriteriaBuilder();
        CriteriaQuery<Ticket> query = cb.createQuery(Ticket.class);
        Root<Ticket> t = query.from(Ticket.class);
        query.select(t).where(queue.toPredicate(t, query, cb)).orderBy(QueryUtils.toOrders(request.getSort(), t, cb));
        List<Ticket> content = entities.createQuery(query).setFirstResult((int) request.getOffset())
                .setMaxResults(request.getPageSize()).getResultList();
        return new PageImpl<>(content, request, total);
    }

    /** One line of the queue as the CSV has it, read as columns rather than as a ticket. */
    public record QueueRow(String reference, Instant submittedAt, TicketStatus status, Product product,
                           TriagePath verdict, String assignee, String reporterEmail, Integer seenStatus,
                           String seenMessage, Instant updatedAt) {
    }

    /**
     * Hands the tickets of a filter to {@code each}, in the queue's order, one row at a time: a cursor over the
     * columns the CSV needs, so nothing is kept, whatever the size of the queue. Reads at most {@code max + 1}
     * rows and returns how many it read: more than {@code max} means the queue is longer (the extra row is not
     * handed over).
     */
    @Transactional(readOnly = true)
    public long eachRow(TicketFilter filter, long max, Consumer<QueueRow> each) {
        CriteriaBuilder cb = entities.getCriteriaBuilder();
        CriteriaQuery<Tuple> query = cb.createTupleQuery();
        Root<Ticket> t = query.from(Ticket.class);
        Join<Ticket, StaffUser> assignee = t.join("assignee", JoinType.LEFT);
        query.multiselect(t.get("reference"), t.get("submittedAt"), t.get("status"), t.get("product"),
                        t.get("verdictPath"), assignee.get("username"), t.get("reporterEmail"), t.get("seenStatus"),
                        t.get("seenMessage"), t.get("updatedAt"))
                .where(TicketQueue.of(filter, search(filter)).toPredicate(t, query, cb))
                .orderBy(QueryUtils.toOrders(TicketQueue.sort(filter.sort()), t, cb));
        long read = 0;
        try (Stream<Tuple> rows = entities.createQuery(query)
                .setMaxResults((int) Math.min(Integer.MAX_VALUE, max + 1))
                .setHint(HibernateHints.HINT_FETCH_SIZE, 500)
                .setHint(HibernateHints.HINT_READ_ONLY, true)
                .getResultStream()) {
            for (Tuple r : (Iterable<Tuple>) rows::iterator) {
                if (++read > max) {
                    break;
                }
                each.accept(new QueueRow(r.get(0, String.class), r.get(1, Instant.class), r.get(2, TicketStatus.class),
                        r.get(3, Product.class), r.get(4, TriagePath.class), r.get(5, String.class),
                        r.get(6, String.class), r.get(7, Integer.class), r.get(8, String.class),
                        r.get(9, Instant.class)));
            }
        }
        return read;
    }

    private TicketQueue.Search search(TicketFilter filter) {
        TicketQueue.Search search = TicketQueue.Search.of(filter.q(),
                identifiers::existsByLookupInAndTicket_SubmittedAtIsNotNull,
                tickets::existsByReporterEmailLookupAndSubmittedAtIsNotNull);
        return search != null && search.kind() == TicketQueue.Search.Kind.WORDS
                ? search.matched(entities) : search;
    }

    @Transactional(readOnly = true)
    public Optional<Ticket> submitted(String reference) {
        return tickets.findByReference(reference == null ? "" : reference.trim().toUpperCase(java.util.Locale.ROOT))
                .filter(t -> !t.isDraft());
    }

    /**
     * Opens a ticket for a staff member: everything about it, and the view goes into the audit trail. The read is
     * a read-only transaction of its own; the audit line is written after it, once there is something to show.
     */
    public Optional<TicketDetails> open(String reference, String actor) {
        Optional<TicketDetails> details = readOnly.execute(s -> details(reference));
        details.ifPresent(d -> audit.recordAccess(d.ticket().getId(), actor, AuditAction.VIEWED, null));
        return details;
    }

    /** Everything about a submitted ticket, without an audit line (for exports, which record their own). */
    @Transactional(readOnly = true)
    public Optional<TicketDetails> read(String reference) {
        return details(reference);
    }

    private Optional<TicketDetails> details(String reference) {
        return submitted(reference).map(t -> {
            TicketDetails d = ticketService.details(t.getId());
            if (d.ticket().getAssignee() != null) {
                d.ticket().getAssignee().getUsername();
            }
            return d;
        });
    }

    @Transactional
    public Ticket changeStatus(String reference, TicketStatus status, String actor) {
        return change(reference, WorkflowChange.status(status), actor);
    }

    /** Assigns a ticket to an enabled staff member, or to nobody ({@code userId} null). */
    @Transactional
    public Ticket assign(String reference, Long userId, String actor) {
        return change(reference, WorkflowChange.assignee(userId), actor);
    }

    /**
     * Applies a workflow change, all of it or nothing: the change, the ticket's last change and the audit lines
     * commit together. A change based on a ticket that has changed since (see {@link WorkflowChange}) is refused
     * with {@link ChangedMeanwhileException}; a concurrent change that commits first makes this one fail at commit
     * with an {@link org.springframework.dao.OptimisticLockingFailureException}. Either way nothing is applied.
     */
    @Transactional
    public Ticket change(String reference, WorkflowChange change, String actor) {
        Ticket t = require(reference);
        if (change.version() != null && change.version() != t.getVersion()) {
            throw new ChangedMeanwhileException(ChangedMeanwhileException.What.TICKET, Long.toString(t.getVersion()));
        }
        if (change.statusSeen() != null && change.statusSeen() != t.getStatus()) {
            throw new ChangedMeanwhileException(ChangedMeanwhileException.What.STATUS, t.getStatus().label());
        }
        String before = t.getAssignee() == null ? null : t.getAssignee().getUsername();
        if (change.assigneeSeen() != null && !change.assigneeSeen().equalsIgnoreCase(before == null ? "" : before)) {
            throw new ChangedMeanwhileException(ChangedMeanwhileException.What.ASSIGNEE, before);
        }
        StaffUser to = null;
        if (change.assign() && change.assigneeId() != null) {
            to = users.findById(change.assigneeId()).filter(StaffUser::isEnabled).orElseThrow(
                    () -> new IllegalArgumentException("no enabled staff member with id " + change.assigneeId()));
        }
        if (change.status() != null && change.status() != t.getStatus()) {
            TicketStatus was = t.getStatus();
            t.setStatus(change.status());
            t.touch(clock.instant());
            audit.recordChange(t.getId(), actor, AuditAction.STATUS_CHANGED, was.label() + " → " + change.status().label());
            events.publishEvent(new TicketStatusChanged(t.getId(), was, change.status(), actor));
        }
        String after = to == null ? null : to.getUsername();
        if (change.assign() && !java.util.Objects.equals(before, after)) {
            t.setAssignee(to);
            t.touch(clock.instant());
            audit.recordChange(t.getId(), actor, AuditAction.ASSIGNED,
                    (before == null ? "nobody" : before) + " → " + (after == null ? "nobody" : after));
        }
        return t;
    }

    /**
     * Adds an internal note. A note conflicts with nothing, but it moves the ticket's last change, so an edit of
     * the ticket committed at the same moment makes it fail at commit; it is then added once more, on the ticket
     * as it is now. Should that fail too, the {@link org.springframework.dao.OptimisticLockingFailureException}
     * reaches the caller and nothing was saved.
     */
    public TicketNote addNote(String reference, String body, String actor) {
        String text = body == null ? "" : body.strip();
        if (text.isEmpty() || text.length() > 10_000) {
            throw new IllegalArgumentException("a note has 1 to 10,000 characters");
        }
        try {
            return readWrite.execute(s -> saveNote(reference, text, actor));
        } catch (OptimisticLockingFailureException e) {
            return readWrite.execute(s -> saveNote(reference, text, actor));
        }
    }

    private TicketNote saveNote(String reference, String text, String actor) {
        Ticket t = require(reference);
        StaffUser author = users.findByUsernameIgnoreCase(actor).orElseThrow();
        TicketNote note = notes.save(new TicketNote(t, author, text, clock.instant()));
        t.touch(note.getCreatedAt());
        audit.recordChange(t.getId(), actor, AuditAction.NOTE_ADDED, null);
        return note;
    }

    @Transactional(readOnly = true)
    public List<TicketNote> notes(String reference) {
        return notes.findByTicketOrderByCreatedAtAscIdAsc(require(reference));
    }

    private Ticket require(String reference) {
        return submitted(reference).orElseThrow(() -> new IllegalArgumentException("no ticket " + reference));
    }
}
