package dev.triagedesk.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One line of the audit trail. The actor is kept by name, so the trail outlives a renamed or removed account. */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "ticket_id")
    private Long ticketId;
    @Column(length = 100, nullable = false)
    private String actor;
    @Enumerated(EnumType.STRING)
    @Column(length = 40, nullable = false)
    private AuditAction action;
    @Column(length = 2000)
    private String detail;
    @Column(nullable = false)
    private Instant at;

    protected AuditEvent() {
    }

    AuditEvent(Long ticketId, String actor, AuditAction action, String detail, Instant at) {
        this.ticketId = ticketId;
        this.actor = actor;
        this.action = action;
        this.detail = detail == null || detail.length() <= 2000 ? detail : detail.substring(0, 1999) + "…";
        this.at = at;
    }

    public Long getId() {
        return id;
    }

    public Long getTicketId() {
        return ticketId;
    }

    public String getActor() {
        return actor;
    }

    public AuditAction getAction() {
        return action;
    }

    public String getDetail() {
        return detail;
    }

    public Instant getAt() {
        return at;
    }
}
