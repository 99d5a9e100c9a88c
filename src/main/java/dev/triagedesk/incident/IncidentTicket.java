package dev.triagedesk.incident;

import dev.triagedesk.ticket.Ticket;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import org.springframework.data.domain.Persistable;

/**
 * A ticket's place in an incident: which one, when its failure happened and whether staff put it there. A ticket
 * staff moved out keeps its row with no incident ({@link #isMovedOut}), so added evidence does not bring it back.
 */
@Entity
@Table(name = "incident_ticket")
public class IncidentTicket implements Persistable<Long> {

    @Id
    @Column(name = "ticket_id")
    private Long ticketId;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "ticket_id", insertable = false, updatable = false)
    private Ticket ticket;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "incident_id")
    private Incident incident;
    /** The fingerprint it joined by; null when staff put it there or took it out. */
    @Column(length = 64)
    private String fingerprint;
    @Column(name = "failure_at", nullable = false)
    private Instant failureAt;
    @Column(name = "by_hand", nullable = false)
    private boolean byHand;
    @Column(name = "joined_at", nullable = false)
    private Instant joinedAt;
    /**
     * Made here and not stored yet: saving it inserts it, without first reading the row its id would have (the id
     * is the ticket's, given, so Spring Data could not tell otherwise).
     */
    @Transient
    private boolean fresh;

    protected IncidentTicket() {
    }

    IncidentTicket(long ticketId, Incident incident, String fingerprint, Instant failureAt, boolean byHand,
                   Instant now) {
        this.ticketId = ticketId;
        this.incident = incident;
        this.fingerprint = fingerprint;
        this.failureAt = failureAt;
        this.byHand = byHand;
        this.joinedAt = now;
        this.fresh = true;
    }

    @PostPersist
    @PostLoad
    void stored() {
        this.fresh = false;
    }

    @Override
    public Long getId() {
        return ticketId;
    }

    @Override
    public boolean isNew() {
        return fresh;
    }

    void join(Incident incident, String fingerprint, Instant failureAt, boolean byHand, Instant now) {
        this.incident = incident;
        this.fingerprint = fingerprint;
        this.failureAt = failureAt;
        this.byHand = byHand;
        this.joinedAt = now;
    }

    void moveOut() {
        this.incident = null;
        this.fingerprint = null;
        this.byHand = true;
    }

    void failedAt(Instant failureAt) {
        this.failureAt = failureAt;
    }

    /** Staff decided where it belongs (put it in an incident, or took it out): grouping leaves it alone. */
    public boolean isByHand() {
        return byHand;
    }

    public boolean isMovedOut() {
        return incident == null;
    }

    public Long getTicketId() {
        return ticketId;
    }

    public Ticket getTicket() {
        return ticket;
    }

    public Incident getIncident() {
        return incident;
    }

    public String getFingerprint() {
        return fingerprint;
    }

    public Instant getFailureAt() {
        return failureAt;
    }

    public Instant getJoinedAt() {
        return joinedAt;
    }
}
