package dev.triagedesk.evidence.batch;

/** A line of a Batch file that could not be read, and why (the rest of the file is read on). */
public record BrokenLine(long line, String reason) {
}
