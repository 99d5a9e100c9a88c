package dev.triagedesk.notification;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Queues messages in the caller's transaction: the row commits with the change that caused it, or goes with its
 * rollback. Nothing is sent here; see {@link OutboxWorker}.
 */
@Service
public class Outbox {

    private final OutboxRepository messages;
    private final ObjectProvider<JavaMailSender> mail;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Outbox(OutboxRepository messages, ObjectProvider<JavaMailSender> mail, ApplicationEventPublisher events,
           Clock clock) {
        this.messages = messages;
        this.mail = mail;
        this.events = events;
        this.clock = clock;
    }

    /** Whether e-mail is on ({@code spring.mail.host} set): while it is off, no mail is queued. */
    public boolean mailOn() {
        return mail.getIfAvailable() != null;
    }

    /**
     * Queues a delivery of another channel (a webhook: {@code recipient} names the endpoint, {@code body} is what is
     * sent) as part of the caller's transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void queue(OutboxMessage.Channel channel, String event, Long ticketId, String recipient, String body) {
        OutboxMessage m = messages.save(OutboxMessage.of(channel, event, ticketId, recipient, event, body,
                clock.instant()));
        events.publishEvent(new OutboxQueued(m.getId()));
    }

    /**
     * Queues an e-mail as part of the caller's transaction (which must exist). {@code clearWhenSent}: the message
     * carries a credential (the reporter's private link) and its bodies are removed once sent.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void mail(String event, Long ticketId, String to, MailContent content, boolean clearWhenSent) {
        if (!mailOn() || to == null || to.isBlank()) {
            return;
        }
        OutboxMessage m = messages.save(OutboxMessage.mail(event, ticketId, to.strip(), content, clearWhenSent,
                clock.instant()));
        events.publishEvent(new OutboxQueued(m.getId()));
    }
}
