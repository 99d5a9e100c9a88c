/**
 * Webhooks: endpoints administrators register for events ({@code ticket.created}, {@code ticket.status_changed},
 * {@code ticket.reporter_replied}), each with its own secret; every delivery is a JSON body signed with HMAC-SHA256
 * (headers {@code webhook-id}, {@code webhook-timestamp}, {@code webhook-signature}, as the Standard Webhooks
 * convention has them), queued in the outbox in the transaction of what happened and delivered with its retries.
 * Uses {@code ticket}, {@code conversation}, {@code notification}, {@code system}.
 */
package dev.triagedesk.webhook;
