package dev.triagedesk.ticket;

import dev.triagedesk.evidence.TriagePath;
import dev.triagedesk.staff.StaffUser;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.Year;
import java.time.ZoneOffset;
import org.hibernate.annotations.DynamicUpdate;

/**
 * A report: a draft while the reporter walks through the form, a ticket once submitted (then it has a reference
 * and a workflow status). Every answer is its own column.
 *
 * <p>An update writes only the columns it changed ({@link DynamicUpdate}): what the reporter adds to a submitted
 * ticket (its conversation URL, verdict and summary, see {@link TicketRepository}) is written without the version,
 * and an agent's change made at the same moment must not write the ticket's older values of those columns back.
 */
@Entity
@DynamicUpdate
@Table(name = "ticket")
public class Ticket {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(length = 32, unique = true)
    private String reference;

    /** SHA-256 of the reporter's link token: the token itself is never stored. */
    @Column(name = "reporter_token_hash", length = 64, nullable = false, unique = true)
    private String reporterTokenHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Column(name = "submitted_at")
    private Instant submittedAt;

    @Enumerated(EnumType.STRING)
    @Column(length = 40)
    private TicketStatus status;

    /** The furthest step of the form the reporter has completed (0 to 5). */
    @Column(name = "step_reached", nullable = false)
    private int stepReached;

    @Enumerated(EnumType.STRING)
    @Column(length = 40)
    private Product product;
    @Column(name = "product_detail", length = 200)
    private String productDetail;
    @Column(name = "seen_message", length = 2000)
    private String seenMessage;
    @Column(name = "seen_status")
    private Integer seenStatus;
    @Column(name = "occurred_at")
    private LocalDateTime occurredAt;
    @Column(name = "time_zone", length = 64)
    private String timeZone;
    @Column(length = 1000)
    private String environment;
    @Column(name = "reporter_name", length = 200)
    private String reporterName;
    @Column(name = "reporter_email", length = 320)
    private String reporterEmail;
    @Column(length = 10000)
    private String description;

    @Enumerated(EnumType.STRING)
    @Column(name = "status_page", length = 40)
    private StatusPageAnswer statusPage;

    @Embedded
    private WebChecks checks = new WebChecks();
    @Embedded
    private ApiContext api = new ApiContext();

    @Column(name = "conversation_url", length = 2000)
    private String conversationUrl;

    @Enumerated(EnumType.STRING)
    @Column(name = "verdict_path", length = 40)
    private TriagePath verdictPath;
    @Column(name = "verdict_reasons", length = 20000)
    private String verdictReasons;
    @Column(name = "summary_markdown", length = 200000)
    private String summaryMarkdown;
    @Column(name = "summary_text", length = 200000)
    private String summaryText;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "assignee_id")
    private StaffUser assignee;
    /** The reporter's e-mail in lower case, for search. */
    @Column(name = "reporter_email_lookup", length = 320)
    private String reporterEmailLookup;

    /**
     * When the oldest reporter message no agent has opened yet arrived (null: none waits). Written by statements
     * only (see the conversation package), never with the version: a reporter's answer never conflicts with an
     * agent's change.
     */
    @Column(name = "reporter_unread_since", insertable = false, updatable = false)
    private Instant reporterUnreadSince;

    @Version
    private long version;

    protected Ticket() {
    }

    public Ticket(String reporterTokenHash, Instant now) {
        this.reporterTokenHash = reporterTokenHash;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public boolean isDraft() {
        return submittedAt == null;
    }

    /** Marks the ticket submitted; its reference is made from its number and the year of submission. */
    void submit(Instant now) {
        this.submittedAt = now;
        this.status = TicketStatus.NEW;
        this.reference = String.format("TD-%d-%06d", Year.from(now.atOffset(ZoneOffset.UTC)).getValue(), id);
        touch(now);
    }

    /** Records a change of the ticket (answers, evidence or workflow) for "last change" and the queue's sort. */
    public void touch(Instant now) {
        this.updatedAt = now;
    }

    public Long getId() {
        return id;
    }

    public String getReference() {
        return reference;
    }

    public String getReporterTokenHash() {
        return reporterTokenHash;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public TicketStatus getStatus() {
        return status;
    }

    public void setStatus(TicketStatus status) {
        this.status = status;
    }

    public int getStepReached() {
        return stepReached;
    }

    public void reachStep(int step) {
        this.stepReached = Math.max(stepReached, step);
    }

    public Product getProduct() {
        return product;
    }

    public void setProduct(Product product) {
        this.product = product;
    }

    public String getProductDetail() {
        return productDetail;
    }

    public void setProductDetail(String productDetail) {
        this.productDetail = productDetail;
    }

    public String getSeenMessage() {
        return seenMessage;
    }

    public void setSeenMessage(String seenMessage) {
        this.seenMessage = seenMessage;
    }

    public Integer getSeenStatus() {
        return seenStatus;
    }

    public void setSeenStatus(Integer seenStatus) {
        this.seenStatus = seenStatus;
    }

    public LocalDateTime getOccurredAt() {
        return occurredAt;
    }

    public void setOccurredAt(LocalDateTime occurredAt) {
        this.occurredAt = occurredAt;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }

    public String getEnvironment() {
        return environment;
    }

    public void setEnvironment(String environment) {
        this.environment = environment;
    }

    public String getReporterName() {
        return reporterName;
    }

    public void setReporterName(String reporterName) {
        this.reporterName = reporterName;
    }

    public String getReporterEmail() {
        return reporterEmail;
    }

    public void setReporterEmail(String reporterEmail) {
        this.reporterEmail = reporterEmail;
        this.reporterEmailLookup = reporterEmail == null ? null : reporterEmail.trim().toLowerCase(java.util.Locale.ROOT);
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public StatusPageAnswer getStatusPage() {
        return statusPage;
    }

    public void setStatusPage(StatusPageAnswer statusPage) {
        this.statusPage = statusPage;
    }

    /** Never null: JPA reads an embeddable whose columns are all null back as null. */
    public WebChecks getChecks() {
        if (checks == null) {
            checks = new WebChecks();
        }
        return checks;
    }

    /** Never null: JPA reads an embeddable whose columns are all null back as null. */
    public ApiContext getApi() {
        if (api == null) {
            api = new ApiContext();
        }
        return api;
    }

    public String getConversationUrl() {
        return conversationUrl;
    }

    public void setConversationUrl(String conversationUrl) {
        this.conversationUrl = conversationUrl;
    }

    public TriagePath getVerdictPath() {
        return verdictPath;
    }

    public String getVerdictReasons() {
        return verdictReasons;
    }

    public String getSummaryMarkdown() {
        return summaryMarkdown;
    }

    public String getSummaryText() {
        return summaryText;
    }

    public Instant getReporterUnreadSince() {
        return reporterUnreadSince;
    }

    public long getVersion() {
        return version;
    }

    public StaffUser getAssignee() {
        return assignee;
    }

    public void setAssignee(StaffUser assignee) {
        this.assignee = assignee;
    }
}
