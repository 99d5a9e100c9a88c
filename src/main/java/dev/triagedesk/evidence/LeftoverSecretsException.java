package dev.triagedesk.evidence;

import dev.triagedesk.evidence.redact.LeftoverScan;
import java.util.List;

/**
 * The leftover scan found a secret shape in output that redaction should have cleaned. The output must be
 * discarded: it is never handed on. This is a gap in the redaction rules, not a problem with the input.
 */
public class LeftoverSecretsException extends EvidenceException {

    private final List<LeftoverScan.Finding> findings;

    public LeftoverSecretsException(String what, long count, List<LeftoverScan.Finding> findings) {
        super("refused to hand on " + what + ": " + count + " secret shape(s) remained after redaction (first: "
                + (findings.isEmpty() ? "?" : findings.get(0)) + ")");
        this.findings = List.copyOf(findings);
    }

    public List<LeftoverScan.Finding> findings() {
        return findings;
    }
}
