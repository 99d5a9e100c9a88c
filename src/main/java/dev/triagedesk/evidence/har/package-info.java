/**
 * The streaming HAR processor: one pass over Jackson's token stream that extracts findings (failures, stream
 * errors, signals, request IDs) and, when asked, writes a sanitized copy. Memory stays flat whatever the file
 * size: bodies are only decoded when an entry needs them, and even then read in chunks.
 *
 * <p>A named interface of the {@code evidence} module (other modules may use its public types): the ticket store
 * and the command line run the processor, the bundle export trims HARs with {@code HarTrimmer}.
 */
@NamedInterface("har")
package dev.triagedesk.evidence.har;

import org.springframework.modulith.NamedInterface;
