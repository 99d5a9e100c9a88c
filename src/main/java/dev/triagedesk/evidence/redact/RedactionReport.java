package dev.triagedesk.evidence.redact;

import java.util.List;

/**
 * What redaction removed, by rule, and what the reader should know about the evidence that is left.
 *
 * @param total number of values replaced by a marker
 * @param rules one line per rule and kind, most frequent first
 * @param alreadySanitized the capture had no cookies or Authorization at all (Chrome's sanitized export, or a
 *                         tool that strips them): session evidence is missing
 * @param notes plain sentences for the report (for example why a body was omitted)
 */
public record RedactionReport(long total, List<Rule> rules, boolean alreadySanitized, List<String> notes) {

    /**
     * @param rule where the values were found ({@code request-header}, {@code cookie}, {@code query},
     *             {@code json-field}, {@code text}...)
     * @param kind what they were
     * @param names the names they were found under (a few examples)
     */
    public record Rule(String rule, SecretKind kind, long count, List<String> names) {
    }

    public static RedactionReport empty() {
        return new RedactionReport(0, List.of(), false, List.of());
    }
}
