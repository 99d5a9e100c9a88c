package dev.triagedesk.evidence;

import java.util.List;

/** Which branch of the triage matrix the evidence points to, and why. */
public record Verdict(TriagePath path, List<String> reasons) {

    public static Verdict unknown(String reason) {
        return new Verdict(TriagePath.UNKNOWN, List.of(reason));
    }
}
