package dev.triagedesk.notification;

/**
 * Delivers the outbox rows of a channel other than mail (webhooks): a bean of another package, so the outbox needs
 * nothing of it.
 */
public interface OutboxChannelSender {

    /** A row as the worker claimed it. */
    record Delivery(long id, String event, String recipient, String subject, String body) {
    }

    /** Could not be delivered: retried later like a mail. {@code status}: the HTTP status, or null when none came. */
    class DeliveryFailedException extends Exception {
        private final Integer status;

        public DeliveryFailedException(Integer status, String message) {
            super(message);
            this.status = status;
        }

        public Integer status() {
            return status;
        }
    }

    OutboxMessage.Channel channel();

    /** Delivers it; returns the HTTP status (or null) to show administrators. */
    Integer deliver(Delivery delivery) throws DeliveryFailedException;
}
