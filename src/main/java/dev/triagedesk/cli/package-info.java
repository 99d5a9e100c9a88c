/**
 * The command-line modes: {@code analyze FILE...} prints the findings as JSON, {@code sanitize IN OUT} writes a
 * redacted copy. They run without Spring or a web server and never print a stack trace for bad input.
 */
package dev.triagedesk.cli;
