/**
 * Domain knowledge shared by the HAR and console analyzers, after ../shared/knowledge: what a status, an error
 * code or a browser net error means ({@link dev.triagedesk.evidence.triage.FailureClassifier},
 * {@link dev.triagedesk.evidence.triage.NetErrors}), which headers and body phrases carry request IDs
 * ({@link dev.triagedesk.evidence.triage.RequestIds}), which hosts matter ({@link dev.triagedesk.evidence.triage.Hosts}),
 * and the verdict rules of the triage matrix ({@link dev.triagedesk.evidence.triage.TriageRules}).
 */
package dev.triagedesk.evidence.triage;
