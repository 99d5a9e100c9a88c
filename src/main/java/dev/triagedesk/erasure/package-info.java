/**
 * Erasing data on request (a reporter's privacy request): an administrator erases one attachment of a ticket or the
 * whole ticket. Rows, stored files, search words and findings go; the audit trail keeps one line saying what was
 * erased, by whom and when, and nothing of the content.
 */
package dev.triagedesk.erasure;
