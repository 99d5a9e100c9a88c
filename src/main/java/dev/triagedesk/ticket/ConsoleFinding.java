package dev.triagedesk.ticket;

import dev.triagedesk.evidence.Category;
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

/**
 * An error line of a console log; when it is about a request the HAR also recorded, it points to that failing
 * request (they are one finding). Texts are redacted.
 */
@Entity
@Table(name = "console_finding")
public class ConsoleFinding {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "console_finding_seq")
    @SequenceGenerator(name = "console_finding_seq", sequenceName = "console_finding_seq",
            allocationSize = FindingIds.STEP)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "ticket_id")
    private Ticket ticket;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "evidence_id")
    private Evidence evidence;

    @Column(name = "line_number", nullable = false)
    private int lineNumber;
    @Column(name = "logged_at", length = 64)
    private String loggedAt;
    @Column(length = 20)
    private String level;
    @Column(length = 2000)
    private String message;
    @Column(length = 4000)
    private String url;
    private Integer status;
    @Column(name = "net_error", length = 300)
    private String netError;
    @Enumerated(EnumType.STRING)
    @Column(length = 40)
    private Category category;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "failing_request_id")
    private FailingRequest failingRequest;

    protected ConsoleFinding() {
    }

    ConsoleFinding(Ticket ticket, Evidence evidence, int lineNumber, String loggedAt, String level, String message,
                   String url, Integer status, String netError, Category category) {
        this.ticket = ticket;
        this.evidence = evidence;
        this.lineNumber = lineNumber;
        this.loggedAt = FailingRequest.clip(loggedAt, 64);
        this.level = FailingRequest.clip(level, 20);
        this.message = FailingRequest.clip(message, 2000);
        this.url = FailingRequest.clip(url, 4000);
        this.status = status;
        this.netError = FailingRequest.clip(netError, 300);
        this.category = category;
    }

    void linkTo(FailingRequest request) {
        this.failingRequest = request;
    }

    public Long getId() {
        return id;
    }

    public Evidence getEvidence() {
        return evidence;
    }

    public int getLineNumber() {
        return lineNumber;
    }

    public String getLoggedAt() {
        return loggedAt;
    }

    public String getLevel() {
        return level;
    }

    public String getMessage() {
        return message;
    }

    public String getUrl() {
        return url;
    }

    public Integer getStatus() {
        return status;
    }

    public String getNetError() {
        return netError;
    }

    public Category getCategory() {
        return category;
    }

    public FailingRequest getFailingRequest() {
        return failingRequest;
    }
}
