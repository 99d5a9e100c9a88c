package dev.triagedesk.notification;

/** A message was queued: once its transaction commits, the worker is woken to send it. */
record OutboxQueued(long messageId) {
}
