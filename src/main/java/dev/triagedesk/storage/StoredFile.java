package dev.triagedesk.storage;

import java.time.Instant;

/** A file in the evidence store: its location, size and when it was last written. */
public record StoredFile(String location, long size, Instant lastModified) {
}
