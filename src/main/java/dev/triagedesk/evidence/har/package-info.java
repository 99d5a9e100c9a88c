/**
 * The streaming HAR processor: one pass over Jackson's token stream that extracts findings (failures, stream
 * errors, signals, request IDs) and, when asked, writes a sanitized copy. Memory stays flat whatever the file
 * size: bodies are only decoded when an entry needs them, and even then read in chunks.
 */
package dev.triagedesk.evidence.har;
