/**
 * API client evidence: what an API developer has instead of a HAR. {@link dev.triagedesk.evidence.api.ApiLogAnalyzer}
 * streams an openai-python or openai-node log, a traceback or exception text of any client, or a {@code curl -v} /
 * {@code curl -i} transcript line by line and returns an {@link dev.triagedesk.evidence.api.ApiLogAnalysis}: the
 * failing calls (each with its attempts, the waits between them, status, error, request IDs, rate-limit headers),
 * request IDs and triage signals, every text already redacted. Prompt and completion text (a debug log's
 * {@code Request options}, the body of a successful response) never reaches a finding: only the model is read from
 * a request. {@link dev.triagedesk.evidence.api.ApiLogSanitizer} writes the log back with secrets replaced, line for
 * line.
 *
 * <p>The format is judged from the content ({@link dev.triagedesk.evidence.api.ApiLogFormat}); logs of other
 * layouts stay with the console reader. Package-private classes split the work: {@code ApiLines} (what one line
 * says), {@code ErrorDicts} (an error object in Python repr or JSON), {@code CallBuilder} (one call and its
 * attempts), {@code TlsIssuers} (whether a certificate issuer in a curl transcript is a public CA).
 *
 * <p>A named interface of the {@code evidence} module: the ticket store and the command line use its public types.
 */
@NamedInterface("api")
package dev.triagedesk.evidence.api;

import org.springframework.modulith.NamedInterface;
