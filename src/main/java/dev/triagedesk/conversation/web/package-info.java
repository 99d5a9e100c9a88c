/**
 * The conversation's pages: the public reply and "ask the reporter" forms on the staff's ticket page, the thread
 * and the checklist on the reporter's private page (both as fragments the two pages include, filled by
 * {@link dev.triagedesk.conversation.web.ConversationPages}), and the mark of unread reporter messages cleared when
 * an agent opens the ticket.
 */
package dev.triagedesk.conversation.web;
