package dev.triagedesk.notification;

import java.time.Clock;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The outbox as administrators see it: each message's state, attempts, next attempt and last error. */
@Service
public class OutboxView {

    public record Counts(long pending, long sent, long failed) {
    }

    private final OutboxRepository messages;
    private final Clock clock;

    OutboxView(OutboxRepository messages, Clock clock) {
        this.messages = messages;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Page<OutboxMessage> page(int page) {
        return messages.findAllByOrderByIdDesc(PageRequest.of(Math.max(0, page), 50));
    }

    /** The 50 latest messages of a channel, newest first. */
    @Transactional(readOnly = true)
    public java.util.List<OutboxMessage> latest(OutboxMessage.Channel channel) {
        return messages.findTop50ByChannelOrderByIdDesc(channel);
    }

    @Transactional(readOnly = true)
    public Counts counts() {
        return new Counts(messages.countByState(OutboxMessage.State.PENDING),
                messages.countByState(OutboxMessage.State.SENT), messages.countByState(OutboxMessage.State.FAILED));
    }

    /** Queues a failed message again, due now; false when there is no such failed message. */
    @Transactional
    public boolean retry(long id) {
        return messages.findById(id).filter(m -> m.getState() == OutboxMessage.State.FAILED).map(m -> {
            m.retry(clock.instant());
            return true;
        }).orElse(false);
    }
}
