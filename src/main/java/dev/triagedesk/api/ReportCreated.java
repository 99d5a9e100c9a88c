package dev.triagedesk.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.triagedesk.evidence.Verdict;
import java.util.List;

/**
 * The answer to a report: its reference, the plain-text support summary, the reporter's private link, the
 * verdict, and what became of each attachment.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReportCreated(String reference, String summary, String reporterUrl, VerdictBody verdict,
                            List<EvidenceOutcome> evidence) {

    /**
     * @param path the triage path's id ("network-policy")
     * @param label the path as people say it ("Network policy or interception")
     * @param nextStep what to do next on this path
     */
    public record VerdictBody(String path, String label, List<String> reasons, String nextStep) {

        static VerdictBody of(Verdict v) {
            return new VerdictBody(v.path().id(), v.path().label(), v.reasons(), v.nextStep());
        }
    }

    /**
     * @param status "analyzed" or "rejected"
     * @param reason why it was rejected, or why it was analyzed only in part; absent for a file read whole
     * @param partial analyzed, but only the complete entries before a break in the file (a HAR cut short)
     * @param failures failing requests (HAR) or error lines (console log) found
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EvidenceOutcome(String name, String kind, String status, String reason, boolean partial,
                                  long failures, long secretsRemoved) {
    }
}
