package dev.triagedesk.ticket;

import java.util.Set;

/**
 * The reporter added evidence to a submitted ticket (files of these kinds that could be read, or the conversation
 * URL): published in the transaction that adds it.
 */
public record EvidenceAdded(long ticketId, Set<EvidenceKind> kinds, boolean conversationUrl) {
}
