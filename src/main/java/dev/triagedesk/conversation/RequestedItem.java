package dev.triagedesk.conversation;

import dev.triagedesk.ticket.Ticket;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** One thing an agent asked the reporter for; done once evidence or an answer of its kind arrives. */
@Entity
@Table(name = "requested_item")
public class RequestedItem {

    /** What fills an item: a file of a kind, an identifier (a HAR or the conversation URL), or a written answer. */
    public enum Kind {
        HAR, CONSOLE, SCREENSHOT, IDENTIFIER, ANSWER
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "ticket_id")
    private Ticket ticket;
    @Enumerated(EnumType.STRING)
    @Column(length = 20, nullable = false)
    private Kind kind;
    @Column(length = 500, nullable = false)
    private String label;
    @Column(name = "asked_at", nullable = false)
    private Instant askedAt;
    @Column(name = "done_at")
    private Instant doneAt;

    protected RequestedItem() {
    }

    RequestedItem(Ticket ticket, Kind kind, String label, Instant now) {
        this.ticket = ticket;
        this.kind = kind;
        this.label = label;
        this.askedAt = now;
    }

    void done(Instant now) {
        if (doneAt == null) {
            doneAt = now;
        }
    }

    public Long getId() {
        return id;
    }

    public Kind getKind() {
        return kind;
    }

    public String getLabel() {
        return label;
    }

    public Instant getDoneAt() {
        return doneAt;
    }

    public boolean isDone() {
        return doneAt != null;
    }
}
