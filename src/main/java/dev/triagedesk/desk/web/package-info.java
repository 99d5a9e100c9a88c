/**
 * The staff workspace pages: the queue with its filters, search, sorting, paging and CSV download; the ticket page
 * (summary, verdict, labels, failing requests and their timeline, console errors, redaction reports, attachments,
 * workflow, internal notes, audit trail) and its exports. The PDF export renders the ticket page's own template
 * ({@link dev.triagedesk.desk.web.TicketPagePrinter}). Everything shown from uploads is written with
 * {@code th:text}: it is attacker-written and must stay inert.
 */
package dev.triagedesk.desk.web;
