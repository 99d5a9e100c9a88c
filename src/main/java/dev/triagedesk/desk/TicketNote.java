package dev.triagedesk.desk;

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

/** An internal note on a ticket: for staff only, never shown to the reporter. */
@Entity
@Table(name = "ticket_note")
public class TicketNote {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "ticket_id")
    private Ticket ticket;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "author_id")
    private StaffUser author;
    @Column(length = 10000, nullable = false)
    private String body;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected TicketNote() {
    }

    TicketNote(Ticket ticket, StaffUser author, String body, Instant now) {
        this.ticket = ticket;
        this.author = author;
        this.body = body;
        this.createdAt = now;
    }

    public Long getId() {
        return id;
    }

    public StaffUser getAuthor() {
        return author;
    }

    public String getBody() {
        return body;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
