package dev.triagedesk.ticket;

import dev.triagedesk.evidence.input.FileNames;
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

/**
 * An attachment of a ticket: its sanitized copy (never the original) and what the engine found in it, or the
 * reason it could not be read.
 */
@Entity
@Table(name = "evidence")
public class Evidence {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "ticket_id")
    private Ticket ticket;

    @Enumerated(EnumType.STRING)
    @Column(length = 20, nullable = false)
    private EvidenceKind kind;
    @Enumerated(EnumType.STRING)
    @Column(length = 20, nullable = false)
    private EvidenceStatus status;
    /** As {@link FileNames#shown} makes it: printable, at most {@link FileNames#MAX_CHARS} characters. */
    @Column(name = "file_name", length = FileNames.MAX_CHARS, nullable = false)
    private String fileName;
    /** Why it could not be read; null once analyzed. */
    @Column(length = 2000)
    private String reason;
    /** Where the sanitized copy is, relative to the evidence folder; null when rejected. */
    @Column(name = "stored_location", length = 500)
    private String storedLocation;
    /** Where the full analysis (JSON) is, relative to the evidence folder. */
    @Column(name = "analysis_location", length = 500)
    private String analysisLocation;
    @Column(name = "content_type", length = 100)
    private String contentType;
    @Column(name = "stored_size")
    private long storedSize;
    @Column(name = "received_size")
    private long receivedSize;
    @Column(name = "added_at", nullable = false)
    private Instant addedAt;
    @Column(name = "added_after_submit", nullable = false)
    private boolean addedAfterSubmit;
    @Column(name = "entry_count")
    private long entryCount;
    /** HAR entries to ChatGPT's or the API's own hosts; null for a console log and for HARs taken before V20. */
    @Column(name = "product_requests")
    private Long productRequests;
    @Column(name = "failure_count")
    private long failureCount;
    @Column(name = "stream_error_count")
    private long streamErrorCount;
    @Column(name = "signal_count")
    private long signalCount;
    @Column(name = "secrets_removed")
    private long secretsRemoved;
    @Column(name = "already_sanitized")
    private boolean alreadySanitized;
    @Column(name = "partial_input")
    private boolean partial;
    /** Of a HAR read only in part (lenient read of broken JSON): where it broke off and what was read before. */
    @Column(name = "partial_reason", length = 2000)
    private String partialReason;
    @Column(length = 40)
    private String format;
    /** Capture time range, as written in the file (for linking console lines by time). */
    @Column(name = "first_started_at", length = 64)
    private String firstStartedAt;
    @Column(name = "last_started_at", length = 64)
    private String lastStartedAt;

    protected Evidence() {
    }

    public Evidence(Ticket ticket, EvidenceKind kind, String fileName, long receivedSize, Instant now) {
        this.ticket = ticket;
        this.kind = kind;
        String shown = FileNames.shown(fileName);
        this.fileName = shown.isBlank() ? "upload" : shown;
        this.receivedSize = receivedSize;
        this.addedAt = now;
        this.addedAfterSubmit = !ticket.isDraft();
        this.status = EvidenceStatus.REJECTED;
        this.reason = "not processed";
    }

    void reject(String why) {
        this.status = EvidenceStatus.REJECTED;
        this.reason = FailingRequest.clip(why, 2000);
    }

    void accept(String location, long size) {
        this.status = EvidenceStatus.ANALYZED;
        this.reason = null;
        this.storedLocation = location;
        this.storedSize = size;
    }

    public Long getId() {
        return id;
    }

    public Ticket getTicket() {
        return ticket;
    }

    public EvidenceKind getKind() {
        return kind;
    }

    void setKind(EvidenceKind kind) {
        this.kind = kind;
    }

    public EvidenceStatus getStatus() {
        return status;
    }

    public boolean isAnalyzed() {
        return status == EvidenceStatus.ANALYZED;
    }

    public String getFileName() {
        return fileName;
    }

    public String getReason() {
        return reason;
    }

    void setReason(String reason) {
        this.reason = FailingRequest.clip(reason, 2000);
    }

    public String getStoredLocation() {
        return storedLocation;
    }

    public String getAnalysisLocation() {
        return analysisLocation;
    }

    void setAnalysisLocation(String analysisLocation) {
        this.analysisLocation = analysisLocation;
    }

    public String getContentType() {
        return contentType;
    }

    void setContentType(String contentType) {
        this.contentType = contentType;
    }

    public long getStoredSize() {
        return storedSize;
    }

    public long getReceivedSize() {
        return receivedSize;
    }

    public Instant getAddedAt() {
        return addedAt;
    }

    public boolean isAddedAfterSubmit() {
        return addedAfterSubmit;
    }

    /**
     * Requests of this HAR to ChatGPT's or the OpenAI API's own hosts: 0 means the capture shows another site;
     * null when not known (a console log, or a HAR taken before this was counted).
     */
    public Long getProductRequests() {
        return productRequests;
    }

    void setProductRequests(Long productRequests) {
        this.productRequests = productRequests;
    }

    public long getEntryCount() {
        return entryCount;
    }

    public long getFailureCount() {
        return failureCount;
    }

    public long getStreamErrorCount() {
        return streamErrorCount;
    }

    public long getSignalCount() {
        return signalCount;
    }

    public long getSecretsRemoved() {
        return secretsRemoved;
    }

    public boolean isAlreadySanitized() {
        return alreadySanitized;
    }

    public boolean isPartial() {
        return partial;
    }

    public String getPartialReason() {
        return partialReason;
    }

    void setPartialReason(String partialReason) {
        this.partialReason = FailingRequest.clip(partialReason, 2000);
    }

    /**
     * What a reader of this attachment needs beside its status: why it could not be read, or, analyzed from a HAR
     * that broke off, where it broke off; null for a file read whole.
     */
    public String getOutcomeReason() {
        return isAnalyzed() ? partialReason : reason;
    }

    /** Analyzed, but only the complete entries before a break in the file. */
    public boolean isAnalyzedInPart() {
        return isAnalyzed() && partial;
    }

    public String getFormat() {
        return format;
    }

    public String getFirstStartedAt() {
        return firstStartedAt;
    }

    public String getLastStartedAt() {
        return lastStartedAt;
    }

    void recordCounts(long entries, long failures, long streamErrors, long signals, long secrets, boolean sanitizedBefore,
                      boolean partialInput, String detectedFormat, String first, String last) {
        this.entryCount = entries;
        this.failureCount = failures;
        this.streamErrorCount = streamErrors;
        this.signalCount = signals;
        this.secretsRemoved = secrets;
        this.alreadySanitized = sanitizedBefore;
        this.partial = partialInput;
        this.format = FailingRequest.clip(detectedFormat, 40);
        this.firstStartedAt = FailingRequest.clip(first, 64);
        this.lastStartedAt = FailingRequest.clip(last, 64);
    }
}
