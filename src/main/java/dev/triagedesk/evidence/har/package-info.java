/**
 * The streaming HAR reader: one pass over Jackson's token stream that extracts findings (failures, stream errors,
 * signals, request IDs) and, when asked, writes a sanitized copy. Memory stays flat whatever the file size: bodies
 * are only decoded when an entry needs them, and even then read in chunks.
 *
 * <p>Its API: {@link dev.triagedesk.evidence.har.HarProcessor} (one read), {@link dev.triagedesk.evidence.har.HarReadOptions}
 * with its {@link dev.triagedesk.evidence.har.HarReadMode}, {@link dev.triagedesk.evidence.har.HarReadResult} and
 * {@link dev.triagedesk.evidence.har.HarFindings}. Inside, each class has one job: the document around the entries
 * ({@code HarProcessor}), the entries array ({@code EntriesReader}), one entry ({@code EntryReader}), one body
 * ({@code BodyReader}), the output ({@code SanitizedCopy}, or {@code HarOutput.NONE} for analysis), the second half
 * of a large file ({@code SplitRead}, {@code EntryBoundary}), base64 bodies that hold text ({@code Base64Text}).
 *
 * <p>A named interface of the {@code evidence} module (other modules may use its public types): the ticket store
 * and the command line run the processor, the bundle export trims HARs with {@code HarTrimmer}.
 */
@NamedInterface("har")
package dev.triagedesk.evidence.har;

import org.springframework.modulith.NamedInterface;
