/**
 * E-mail that is never lost and never sent for what did not happen: a message is an {@link
 * dev.triagedesk.notification.OutboxMessage} row written in the transaction of the change that causes it (listening
 * to the ticket and conversation events), and the {@link dev.triagedesk.notification.OutboxWorker} sends it after
 * commit, claiming rows with {@code FOR UPDATE SKIP LOCKED} so several instances send each once, retrying with
 * growing delays. Mail is off (nothing is queued) while {@code spring.mail.host} is unset.
 *
 * <p>Uses {@code ticket}, {@code conversation}, {@code staff}, {@code report} (the reporter's link); nothing below
 * depends on it.
 */
package dev.triagedesk.notification;
