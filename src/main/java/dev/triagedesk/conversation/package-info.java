/**
 * Talking to the reporter: public replies written by agents and the reporter's answers (both shown on the
 * reporter's private page and in the audit trail), what an agent asks the reporter for when the ticket waits on
 * them (a checklist the reporter's new evidence ticks), and the mark of a reporter message no agent has opened yet.
 *
 * <p>Uses {@code ticket}, {@code staff}, {@code audit} and {@code summary}; learns of evidence and submissions
 * through the ticket package's events, so nothing below depends on it. Internal notes stay in {@code desk}.
 */
package dev.triagedesk.conversation;
