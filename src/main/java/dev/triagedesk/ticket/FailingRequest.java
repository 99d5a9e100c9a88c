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
import org.hibernate.annotations.Immutable;

/**
 * A failing request found in a HAR: a failure (status 400 or above, 0, -1, a browser error) or an error event
 * inside a successful stream ({@code streamError}). Every text is already redacted.
 */
@Entity
@Immutable
@Table(name = "failing_request")
public class FailingRequest {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "failing_request_seq")
    @SequenceGenerator(name = "failing_request_seq", sequenceName = "failing_request_seq",
            allocationSize = FindingIds.STEP)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "ticket_id")
    private Ticket ticket;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "evidence_id")
    private Evidence evidence;

    @Column(name = "entry_index", nullable = false)
    private int entryIndex;
    @Column(name = "stream_error", nullable = false)
    private boolean streamError;
    @Column(name = "started_at", length = 64)
    private String startedAt;
    @Column(length = 20)
    private String method;
    @Column(length = 4000)
    private String url;
    @Column(nullable = false)
    private int status;
    @Column(name = "status_text", length = 200)
    private String statusText;
    @Column(name = "net_error", length = 300)
    private String netError;
    @Column(name = "duration_ms")
    private Double durationMs;
    @Column(name = "error_type", length = 200)
    private String errorType;
    @Column(name = "error_code", length = 200)
    private String errorCode;
    @Column(name = "error_message", length = 2000)
    private String errorMessage;
    @Column(name = "error_param", length = 200)
    private String errorParam;
    @Enumerated(EnumType.STRING)
    @Column(length = 40)
    private Category category;

    protected FailingRequest() {
    }

    FailingRequest(Ticket ticket, Evidence evidence, int entryIndex, boolean streamError) {
        this.ticket = ticket;
        this.evidence = evidence;
        this.entryIndex = entryIndex;
        this.streamError = streamError;
    }

    void describe(String startedAt, String method, String url, int status, String statusText, String netError,
                  Double durationMs, Category category) {
        this.startedAt = clip(startedAt, 64);
        this.method = clip(method, 20);
        this.url = clip(url, 4000);
        this.status = status;
        this.statusText = clip(statusText, 200);
        this.netError = clip(netError, 300);
        this.durationMs = durationMs;
        this.category = category;
    }

    void error(String type, String code, String message, String param) {
        this.errorType = clip(type, 200);
        this.errorCode = clip(code, 200);
        this.errorMessage = clip(message, 2000);
        this.errorParam = clip(param, 200);
    }

    /**
     * Text from evidence made fit for its column: at most {@code max} characters, and no NUL, which PostgreSQL's
     * text cannot hold (a HAR or a log may have one anywhere).
     */
    static String clip(String s, int max) {
        if (s == null) {
            return null;
        }
        String text = s.indexOf('\0') < 0 ? s : s.replace('\0', '\uFFFD');
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
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

    public int getEntryIndex() {
        return entryIndex;
    }

    public boolean isStreamError() {
        return streamError;
    }

    public String getStartedAt() {
        return startedAt;
    }

    public String getMethod() {
        return method;
    }

    public String getUrl() {
        return url;
    }

    public int getStatus() {
        return status;
    }

    public String getStatusText() {
        return statusText;
    }

    public String getNetError() {
        return netError;
    }

    public Double getDurationMs() {
        return durationMs;
    }

    public String getErrorType() {
        return errorType;
    }

    public String getErrorCode() {
        return errorCode;
    }

    public String getErrorMessage() {
        return errorMessage;
    }

    public String getErrorParam() {
        return errorParam;
    }

    public Category getCategory() {
        return category;
    }
}
