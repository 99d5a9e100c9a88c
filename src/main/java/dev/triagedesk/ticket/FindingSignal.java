package dev.triagedesk.ticket;

import dev.triagedesk.evidence.SignalType;
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
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/** Evidence for a triage path found in an attachment (a Cloudflare challenge, TLS interception, ...). */
@Entity
@Immutable
@Table(name = "finding_signal")
public class FindingSignal {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "finding_signal_seq")
    @SequenceGenerator(name = "finding_signal_seq", sequenceName = "finding_signal_seq",
            allocationSize = FindingIds.STEP)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "ticket_id")
    private Ticket ticket;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "evidence_id")
    private Evidence evidence;
    @Enumerated(EnumType.STRING)
    @Column(name = "signal_type", length = 40, nullable = false)
    private SignalType type;
    @Column(name = "entry_index")
    private Integer entryIndex;
    @Column(name = "line_number")
    private Integer lineNumber;
    @Column(length = 4000)
    private String url;
    @Column(length = 2000)
    private String detail;

    protected FindingSignal() {
    }

    FindingSignal(Ticket ticket, Evidence evidence, SignalType type, Integer entryIndex, Integer lineNumber, String url,
                  String detail) {
        this.ticket = ticket;
        this.evidence = evidence;
        this.type = type;
        this.entryIndex = entryIndex;
        this.lineNumber = lineNumber;
        this.url = FailingRequest.clip(url, 4000);
        this.detail = FailingRequest.clip(detail, 2000);
    }

    public Long getId() {
        return id;
    }

    public Evidence getEvidence() {
        return evidence;
    }

    public SignalType getType() {
        return type;
    }

    public Integer getEntryIndex() {
        return entryIndex;
    }

    public Integer getLineNumber() {
        return lineNumber;
    }

    public String getUrl() {
        return url;
    }

    public String getDetail() {
        return detail;
    }
}
