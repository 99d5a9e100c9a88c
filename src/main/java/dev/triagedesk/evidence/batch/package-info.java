/**
 * OpenAI Batch API files: a job's output and error files (JSON Lines, one result per request), its input file, and
 * the Batch object (one, or a list of them). {@link dev.triagedesk.evidence.batch.BatchReader} streams a file line
 * by line in bounded memory and returns a {@link dev.triagedesk.evidence.batch.BatchAnalysis}: counts by outcome
 * (succeeded, failed by status, expired, cancelled, timed out) and by error code, the failing lines with their
 * custom_id, request ID, error and category, and for a Batch object its status, request counts, times and
 * validation errors. Successful lines are counted, never kept: a completion's text never reaches a finding.
 * {@link dev.triagedesk.evidence.batch.BatchSanitizer} writes the file back with secrets redacted, line for line.
 *
 * <p>A named interface of the {@code evidence} module: the ticket store and the command line read the analysis.
 */
@NamedInterface("batch")
package dev.triagedesk.evidence.batch;

import org.springframework.modulith.NamedInterface;
