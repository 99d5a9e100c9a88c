/**
 * What a report adds up to, generated from stored facts only (no free-form AI text): the verdict from the
 * reporter's answers and the evidence ({@link dev.triagedesk.summary.ReportVerdict}), the four labels of a
 * support-ready report ({@link dev.triagedesk.summary.ReadinessLabels}) and the support summary in Markdown and
 * plain text ({@link dev.triagedesk.summary.SupportSummary}).
 */
package dev.triagedesk.summary;
