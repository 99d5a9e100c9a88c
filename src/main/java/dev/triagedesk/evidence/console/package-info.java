/**
 * Browser console logs: reading them and sanitizing them. {@link dev.triagedesk.evidence.console.ConsoleAnalyzer}
 * streams a log line by line and returns a {@link dev.triagedesk.evidence.console.ConsoleAnalysis}: the error-level
 * findings (with URL, status, net error and failure category), request IDs, conversation links and triage
 * signals, every text already redacted. {@link dev.triagedesk.evidence.console.ConsoleSanitizer} writes the log
 * back with secrets replaced, line for line.
 *
 * <p>Formats are told apart by content, never by file name ({@link dev.triagedesk.evidence.console.ConsoleFormat}):
 * Chrome DevTools "Save as…" and copied consoles, Firefox exports, Safari, Playwright and Playwright-MCP dumps,
 * Puppeteer/CDP captures, {@code level: message} captures, plain text with browser failure phrases, and any other
 * line-oriented log, read line by line as {@code generic} ({@code GenericLines}): a log is never refused for its
 * layout. Package-private classes split the work:
 * {@code LineReader} (bounded lines with their endings), {@code FormatDetector}, {@code LineParser} (what one line
 * is: a message start, a stack frame, a continuation…), {@code MessageBlock} (one message and its continuation
 * lines) and {@code MessageFacts} (what a message's text says: status, URL, net error, CORS, CSP…).
 *
 * <p>A named interface of the {@code evidence} module (other modules may use its public types): the ticket store
 * keeps what {@code ConsoleAnalysis} found.
 */
@NamedInterface("console")
package dev.triagedesk.evidence.console;

import org.springframework.modulith.NamedInterface;
