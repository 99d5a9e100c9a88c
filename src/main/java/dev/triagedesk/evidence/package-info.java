/**
 * The evidence engine: streaming analysis of HAR files and browser console logs, secret redaction, and the
 * triage verdict they point to. Plain Java (Jackson's streaming API only), no Spring: web code and the command
 * line call it, never the other way round.
 *
 * <p>Start at {@link dev.triagedesk.evidence.EvidenceEngine}. Sub-packages: {@code input} (archives, BOMs,
 * JSONP, format detection), {@code har} (the streaming HAR processor), {@code console} (console log parsing),
 * {@code redact} (secret rules, keyed fingerprints, the leftover scan) and {@code triage} (failure categories,
 * signals and the verdict).
 */
package dev.triagedesk.evidence;
