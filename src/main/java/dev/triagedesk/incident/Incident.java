package dev.triagedesk.incident;

import dev.triagedesk.evidence.SignalType;
import dev.triagedesk.evidence.TriagePath;
import dev.triagedesk.staff.StaffUser;
import dev.triagedesk.ticket.Product;
import dev.triagedesk.ticket.TicketStatus;
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
import java.time.Year;
import java.time.ZoneOffset;
import org.hibernate.annotations.DynamicUpdate;

/**
 * One problem many reporters met: the tickets whose fingerprints are equal and whose failures fall within the
 * window of each other. Its counts and failure times follow its members ({@link IncidentService}); its status and
 * assignee are the staff's, and changing them changes its open tickets too.
 *
 * <p>Only changed columns are written ({@link DynamicUpdate}): a report joining (counts) and a staff member renaming
 * it at the same moment do not write each other's older values back.
 */
@Entity
@DynamicUpdate
@Table(name = "incident")
public class Incident {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(length = 32, unique = true)
    private String reference;
    @Column(nullable = false, length = 64)
    private String fingerprint;
    @Column(name = "fingerprint_text", nullable = false, length = 2000)
    private String fingerprintText;
    @Column(nullable = false, length = 300)
    private String title;
    @Column(name = "titled_by_staff", nullable = false)
    private boolean titledByStaff;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 40)
    private TicketStatus status;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "assignee_id")
    private StaffUser assignee;
    @Enumerated(EnumType.STRING)
    @Column(length = 40)
    private Product product;
    @Enumerated(EnumType.STRING)
    @Column(name = "verdict_path", length = 40)
    private TriagePath verdictPath;
    @Column(length = 300)
    private String host;
    @Column(length = 1000)
    private String endpoint;
    @Column(length = 300)
    private String outcome;
    @Column(name = "error_code", length = 200)
    private String errorCode;
    @Enumerated(EnumType.STRING)
    @Column(name = "signal_type", length = 40)
    private SignalType signalType;
    @Column(name = "ticket_count", nullable = false)
    private int ticketCount;
    @Column(name = "first_failure_at", nullable = false)
    private Instant firstFailureAt;
    @Column(name = "last_failure_at", nullable = false)
    private Instant lastFailureAt;
    @Column(name = "open_until", nullable = false)
    private Instant openUntil;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "merged_into_id")
    private Incident mergedInto;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Incident() {
    }

    Incident(Fingerprint fp, Instant failureAt, Instant openUntil, Instant now) {
        this.fingerprint = fp.hash();
        this.fingerprintText = fp.text();
        this.title = fp.title();
        this.status = TicketStatus.NEW;
        this.product = fp.product();
        this.verdictPath = fp.verdict();
        if (fp.failure() != null) {
            this.host = clip(fp.failure().host(), 300);
            this.endpoint = clip((fp.failure().method() + " " + fp.failure().endpoint()).trim(), 1000);
            this.outcome = clip(fp.failure().outcome(), 300);
            this.errorCode = clip(fp.failure().errorCode(), 200);
        } else if (fp.seenStatus() != null) {
            this.outcome = "HTTP " + fp.seenStatus();
        }
        this.signalType = fp.signal();
        this.firstFailureAt = failureAt;
        this.lastFailureAt = failureAt;
        this.openUntil = openUntil;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Gives a new incident its reference, made like a ticket's from its number and the year. */
    void number(Instant now) {
        this.reference = String.format("IN-%d-%06d", Year.from(now.atOffset(ZoneOffset.UTC)).getValue(), id);
    }

    void counted(int tickets, Instant first, Instant last, Instant now) {
        this.ticketCount = tickets;
        if (first != null) {
            this.firstFailureAt = first;
            this.lastFailureAt = last;
        }
        this.updatedAt = now;
    }

    void keepOpenUntil(Instant until) {
        if (until.isAfter(openUntil)) {
            this.openUntil = until;
        }
    }

    void rename(String title, Instant now) {
        this.title = title;
        this.titledByStaff = true;
        this.updatedAt = now;
    }

    void mergeInto(Incident target, Instant now) {
        this.mergedInto = target;
        this.openUntil = now;
        this.updatedAt = now;
    }

    void setStatus(TicketStatus status, Instant now) {
        this.status = status;
        this.updatedAt = now;
    }

    void setAssignee(StaffUser assignee, Instant now) {
        this.assignee = assignee;
        this.updatedAt = now;
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    /** Resolved or closed: it no longer takes new reports by itself. */
    public boolean isSettled() {
        return status == TicketStatus.RESOLVED || status == TicketStatus.CLOSED;
    }

    public Long getId() {
        return id;
    }

    public String getReference() {
        return reference;
    }

    public String getFingerprint() {
        return fingerprint;
    }

    public String getFingerprintText() {
        return fingerprintText;
    }

    public String getTitle() {
        return title;
    }

    public boolean isTitledByStaff() {
        return titledByStaff;
    }

    public TicketStatus getStatus() {
        return status;
    }

    public StaffUser getAssignee() {
        return assignee;
    }

    public Product getProduct() {
        return product;
    }

    public TriagePath getVerdictPath() {
        return verdictPath;
    }

    public String getHost() {
        return host;
    }

    public String getEndpoint() {
        return endpoint;
    }

    public String getOutcome() {
        return outcome;
    }

    public String getErrorCode() {
        return errorCode;
    }

    public SignalType getSignalType() {
        return signalType;
    }

    public int getTicketCount() {
        return ticketCount;
    }

    public Instant getFirstFailureAt() {
        return firstFailureAt;
    }

    public Instant getLastFailureAt() {
        return lastFailureAt;
    }

    public Instant getOpenUntil() {
        return openUntil;
    }

    public Incident getMergedInto() {
        return mergedInto;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
