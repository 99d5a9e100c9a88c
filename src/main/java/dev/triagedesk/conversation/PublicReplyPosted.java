package dev.triagedesk.conversation;

/** An agent replied to the reporter: published in the transaction that stores the reply. */
public record PublicReplyPosted(long ticketId, long messageId) {
}
