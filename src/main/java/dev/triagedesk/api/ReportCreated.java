package dev.triagedesk.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.triagedesk.evidence.Verdict;
import java.util.List;

/**
 * The answer to a report: its reference, the plain-text support summary, the reporter's private link, the
 * verdict, and what became of each attachment.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReportCreated(String reference, String summary, String reporterUrl, Verdict verdict,
                            List<EvidenceOutcome> evidence) {

    /**
     * @param status "analyzed" or "rejected"
     * @param failures failing requests (HAR) or error lines (console log) found
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EvidenceOutcome(String name, String kind, String status, String reason, long failures,
                                  long secretsRemoved) {
    }
}
