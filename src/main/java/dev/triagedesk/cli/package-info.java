/**
 * The command line, run by the same jar without Spring or a web server ({@link dev.triagedesk.cli.CommandLine}):
 * {@code analyze [--lenient] FILE...} prints the findings as JSON, {@code sanitize [--lenient] IN OUT} writes a
 * redacted copy and prints the redaction report, {@code benchmark HAR [ROUNDS]} measures both against a bare JSON
 * token scan, {@code help} says so. Long finding lists go through a file on disk ({@code Spill}), so memory stays
 * flat; bad input is one line on stderr and an exit status, never a stack trace.
 */
package dev.triagedesk.cli;
