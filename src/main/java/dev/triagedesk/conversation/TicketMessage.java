package dev.triagedesk.conversation;

import dev.triagedesk.staff.StaffUser;
import dev.triagedesk.ticket.Ticket;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A message the reporter sees: an agent's public reply or the reporter's own answer. The agent's display name is
 * kept with it, so the reporter's page never needs the staff account.
 */
@Entity
@Table(name = "ticket_message")
public class TicketMessage {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "ticket_id")
    private Ticket ticket;
    @Column(name = "from_reporter", nullable = false)
    private boolean fromReporter;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "author_id")
    private StaffUser author;
    @Column(name = "author_name", length = 200, nullable = false)
    private String authorName;
    @Column(length = 10000, nullable = false)
    private String body;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected TicketMessage() {
    }

    static TicketMessage fromAgent(Ticket ticket, StaffUser author, String body, Instant now) {
        TicketMessage m = new TicketMessage();
        m.ticket = ticket;
        m.author = author;
        m.authorName = author.getDisplayName() == null || author.getDisplayName().isBlank() ? author.getUsername()
                : author.getDisplayName();
        m.body = body;
        m.createdAt = now;
        return m;
    }

    static TicketMessage fromReporter(Ticket ticket, String name, String body, Instant now) {
        TicketMessage m = new TicketMessage();
        m.ticket = ticket;
        m.fromReporter = true;
        m.authorName = name == null || name.isBlank() ? "Reporter" : name;
        m.body = body;
        m.createdAt = now;
        return m;
    }

    public Long getId() {
        return id;
    }

    public boolean isFromReporter() {
        return fromReporter;
    }

    public String getAuthorName() {
        return authorName;
    }

    public String getBody() {
        return body;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
