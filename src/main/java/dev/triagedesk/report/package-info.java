/**
 * The guided report: {@link dev.triagedesk.report.ReportService} (shared with the JSON API) and the form's
 * controllers and views, step by step, ending in a stored ticket and the reporter's private page.
 */
package dev.triagedesk.report;
