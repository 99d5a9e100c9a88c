/**
 * Domain knowledge shared by the HAR and console analyzers, after ../shared/knowledge: what a status, an error
 * code or a browser net error means ({@link dev.triagedesk.evidence.triage.FailureClassifier},
 * {@link dev.triagedesk.evidence.triage.NetErrors}), which headers and body phrases carry request IDs
 * ({@link dev.triagedesk.evidence.triage.RequestIds}), which hosts matter ({@link dev.triagedesk.evidence.triage.Hosts}),
 * and the verdict rules of the triage matrix ({@link dev.triagedesk.evidence.triage.TriageRules}).
 *
 * <p>A named interface of the {@code evidence} module (other modules may use its public types): the report's
 * verdict weighs the reporter's answers with {@code TriageRules}, the ticket store asks {@code Hosts}.
 */
@NamedInterface("triage")
package dev.triagedesk.evidence.triage;

import org.springframework.modulith.NamedInterface;
