package dev.triagedesk.ticket;

import java.nio.file.Path;

/**
 * An uploaded file, already on local disk (a temporary file the caller deletes afterwards).
 *
 * @param declared what the reporter said it is (which form field or API part it came in); the content decides
 */
public record Upload(Path file, String originalName, long size, EvidenceKind declared) {
}
