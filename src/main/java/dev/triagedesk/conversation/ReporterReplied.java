package dev.triagedesk.conversation;

/** The reporter answered on their private page: published in the transaction that stores the answer. */
public record ReporterReplied(long ticketId, long messageId) {
}
