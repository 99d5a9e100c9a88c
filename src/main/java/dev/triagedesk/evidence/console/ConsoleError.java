package dev.triagedesk.evidence.console;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.triagedesk.evidence.Category;

/**
 * One error-level finding in a console log (or a warning that is a network, CORS or CSP failure). Every text is
 * already redacted.
 *
 * @param line 1-based line where the message starts
 * @param time the timestamp as printed on the line ({@code 12:34:56.789}, ISO), or {@code null}
 * @param level {@code error} or {@code warning}
 * @param message the message without its timestamp, level or source-location prefix, at most about 500 chars
 * @param url the request the message is about (not the script that logged it), or {@code null}
 * @param status the HTTP status the message states, or {@code null}
 * @param netError {@code net::ERR_…} when the message names one
 * @param category what the failure asks the reporter to do: from the status and net error through
 *                 {@link dev.triagedesk.evidence.triage.FailureClassifier}; CORS failures are
 *                 {@link Category#NETWORK} (the page never read the response: a blocker, a failed connection, or
 *                 an error page from a proxy or Cloudflare without CORS headers), CSP refusals and blocked mixed
 *                 content {@link Category#BROWSER}; failed fetches and WebSockets without status
 *                 {@link Category#NETWORK}; script errors without such evidence {@link Category#UNKNOWN} (a
 *                 page's own bug says nothing about the reporter's setup), unless a browser extension raised them
 *                 ({@link Category#BROWSER})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConsoleError(int line,
                           String time,
                           String level,
                           String message,
                           String url,
                           Integer status,
                           String netError,
                           Category category) {
}
