/**
 * Exports to the vendor's support: the support note (Markdown, plain text), the ticket as JSON (a documented
 * schema), a ZIP evidence bundle with whole and trimmed sanitized HARs, a PDF of the ticket page, and CSV of the
 * queue. Built only from sanitized data, and scanned once more for secret shapes before anything leaves.
 */
package dev.triagedesk.export;
