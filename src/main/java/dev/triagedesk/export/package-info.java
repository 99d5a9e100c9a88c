/**
 * Exports to the vendor's support: the support note (Markdown, plain text), the ticket as JSON (a documented
 * schema), a ZIP evidence bundle with whole and trimmed sanitized HARs, a PDF of the ticket page, and CSV of the
 * queue. Built only from sanitized data, and scanned once more for secret shapes before anything leaves. Tickets
 * are read from the ticket store; what only the workspace knows comes through interfaces it implements: the
 * ticket page's print layout ({@link dev.triagedesk.export.PrintableTicket}) and the queue's rows
 * ({@link dev.triagedesk.export.QueueRows}).
 */
package dev.triagedesk.export;
