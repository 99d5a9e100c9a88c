/**
 * The guided report: {@link dev.triagedesk.report.ReportService} (shared with the JSON API), a report's private
 * link ({@link dev.triagedesk.report.ReportLinks}, also handed out by the API), the limit on pasted text, and the
 * idempotency keys of the report API. The form's controllers and views, step by step, ending in a stored ticket and
 * the reporter's private page, are in {@code web}.
 */
package dev.triagedesk.report;
