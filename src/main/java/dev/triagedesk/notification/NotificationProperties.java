package dev.triagedesk.notification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the outbox and its e-mail ({@code triage.notifications.*}); the SMTP server itself is Spring Boot's
 * {@code spring.mail.*}, and mail is off while {@code spring.mail.host} is unset.
 *
 * @param from the sender address of every mail ({@code TRIAGE_MAIL_FROM})
 * @param retryDelay the wait after a first failed attempt; each further failure doubles it
 * @param maxRetryDelay the longest wait between two attempts
 * @param maxAttempts attempts before a message is marked failed (an administrator sees it on the outbox page)
 * @param poll how often the worker looks for messages due (those queued by this instance go at once after commit)
 */
@ConfigurationProperties("triage.notifications")
public record NotificationProperties(String from, Duration retryDelay, Duration maxRetryDelay, Integer maxAttempts,
                                     Duration poll) {

    public NotificationProperties {
        from = from == null || from.isBlank() ? "Triage Desk <triage-desk@localhost>" : from.strip();
        retryDelay = retryDelay == null ? Duration.ofMinutes(1) : retryDelay;
        maxRetryDelay = maxRetryDelay == null ? Duration.ofHours(6) : maxRetryDelay;
        maxAttempts = maxAttempts == null || maxAttempts < 1 ? 10 : maxAttempts;
        poll = poll == null ? Duration.ofSeconds(30) : poll;
    }

    /** The wait after the {@code attempts}-th failure: the retry delay, doubled each time, up to the maximum. */
    Duration delayAfter(int attempts) {
        Duration d = retryDelay.multipliedBy(1L << Math.min(20, Math.max(0, attempts - 1)));
        return d.compareTo(maxRetryDelay) > 0 ? maxRetryDelay : d;
    }
}
