package dev.triagedesk.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One message to send, and where its sending stands. A message that carries a credential (the reporter's private
 * link) is written with {@code clearWhenSent}: once sent, only its subject and state stay.
 */
@Entity
@Table(name = "outbox_message")
public class OutboxMessage {

    public enum Channel {
        MAIL, WEBHOOK
    }

    public enum State {
        /** Waiting for its first or next attempt. */
        PENDING,
        SENT,
        /** Every attempt failed; an administrator may queue it again. */
        FAILED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Enumerated(EnumType.STRING)
    @Column(length = 20, nullable = false)
    private Channel channel;
    @Column(length = 60, nullable = false)
    private String event;
    @Column(name = "ticket_id")
    private Long ticketId;
    @Column(length = 2000, nullable = false)
    private String recipient;
    @Column(length = 500)
    private String subject;
    @Column(name = "body_text", length = 100000)
    private String bodyText;
    @Column(name = "body_html", length = 200000)
    private String bodyHtml;
    @Column(name = "clear_when_sent", nullable = false)
    private boolean clearWhenSent;
    @Enumerated(EnumType.STRING)
    @Column(length = 20, nullable = false)
    private State state;
    @Column(nullable = false)
    private int attempts;
    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;
    @Column(name = "last_error", length = 500)
    private String lastError;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "sent_at")
    private Instant sentAt;
    @Column(name = "last_status")
    private Integer lastStatus;

    protected OutboxMessage() {
    }

    static OutboxMessage of(Channel channel, String event, Long ticketId, String recipient, String subject,
                            String body, Instant now) {
        OutboxMessage m = mail(event, ticketId, recipient, new MailContent(subject, body, null), false, now);
        m.channel = channel;
        return m;
    }

    static OutboxMessage mail(String event, Long ticketId, String to, MailContent content, boolean clearWhenSent,
                              Instant now) {
        OutboxMessage m = new OutboxMessage();
        m.channel = Channel.MAIL;
        m.event = event;
        m.ticketId = ticketId;
        m.recipient = to;
        m.subject = content.subject();
        m.bodyText = content.text();
        m.bodyHtml = content.html();
        m.clearWhenSent = clearWhenSent;
        m.state = State.PENDING;
        m.nextAttemptAt = now;
        m.createdAt = now;
        return m;
    }

    /** Queued again by an administrator after it failed: due now, with a fresh count of attempts. */
    void retry(java.time.Instant now) {
        state = State.PENDING;
        attempts = 0;
        nextAttemptAt = now;
    }

    public Long getId() {
        return id;
    }

    public Channel getChannel() {
        return channel;
    }

    public String getEvent() {
        return event;
    }

    public Long getTicketId() {
        return ticketId;
    }

    public String getRecipient() {
        return recipient;
    }

    public String getSubject() {
        return subject;
    }

    public State getState() {
        return state;
    }

    public int getAttempts() {
        return attempts;
    }

    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    public String getLastError() {
        return lastError;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getSentAt() {
        return sentAt;
    }

    /** The last HTTP status code of a webhook delivery. */
    public Integer getLastStatus() {
        return lastStatus;
    }
}
