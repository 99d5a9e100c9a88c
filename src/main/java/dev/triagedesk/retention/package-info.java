/**
 * Retention: with {@code triage.retention.evidence-days} set (off by default), the evidence files of tickets closed
 * longer ago are deleted by a scheduled job; the ticket, its summary and its findings stay, and each ticket's audit
 * trail says how many files went. Uses {@code ticket}, {@code storage}, {@code audit}.
 */
package dev.triagedesk.retention;
