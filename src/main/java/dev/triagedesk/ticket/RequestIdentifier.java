package dev.triagedesk.ticket;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/**
 * An identifier a ticket holds, indexed so a lookup by any of them is one index probe: request IDs from headers
 * and error bodies, IDs the reporter pasted, and conversation IDs ({@code name} = "conversation").
 */
@Entity
@Immutable
@Table(name = "request_identifier")
public class RequestIdentifier {

    public static final String CONVERSATION = "conversation";
    public static final String REPORTED = "reported";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "request_identifier_seq")
    @SequenceGenerator(name = "request_identifier_seq", sequenceName = "request_identifier_seq",
            allocationSize = FindingIds.STEP)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "ticket_id")
    private Ticket ticket;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "evidence_id")
    private Evidence evidence;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "failing_request_id")
    private FailingRequest failingRequest;

    @Column(length = 100, nullable = false)
    private String name;
    /** As found; {@code lookup} is the lower-case form searched on. */
    @Column(name = "id_value", length = 300, nullable = false)
    private String value;
    @Column(name = "lookup", length = 300, nullable = false)
    private String lookup;

    protected RequestIdentifier() {
    }

    RequestIdentifier(Ticket ticket, Evidence evidence, FailingRequest failingRequest, String name, String value) {
        this.ticket = ticket;
        this.evidence = evidence;
        this.failingRequest = failingRequest;
        this.name = FailingRequest.clip(name, 100);
        this.value = FailingRequest.clip(value.trim(), 300);
        this.lookup = this.value.toLowerCase(java.util.Locale.ROOT);
    }

    public Long getId() {
        return id;
    }

    public Ticket getTicket() {
        return ticket;
    }

    public Evidence getEvidence() {
        return evidence;
    }

    public FailingRequest getFailingRequest() {
        return failingRequest;
    }

    public String getName() {
        return name;
    }

    public String getValue() {
        return value;
    }
}
