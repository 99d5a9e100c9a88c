package dev.triagedesk.evidence;

import java.util.List;

/**
 * Which branch of the triage matrix the evidence points to, why, and what to do next. The next step is the path's
 * own unless what is known already answers it (it works on another network: ask IT, not "try another network";
 * backoff did not help: send the IDs, not "retry with backoff").
 */
public record Verdict(TriagePath path, List<String> reasons, String nextStep) {

    public Verdict {
        reasons = List.copyOf(reasons);
        if (nextStep == null || nextStep.isBlank()) {
            nextStep = path.nextStep();
        }
    }

    /** A verdict with the path's own next step. */
    public Verdict(TriagePath path, List<String> reasons) {
        this(path, reasons, null);
    }

    public static Verdict unknown(String reason) {
        return new Verdict(TriagePath.UNKNOWN, List.of(reason));
    }
}
