package dev.triagedesk.evidence.har;

import dev.triagedesk.evidence.HarSummary;
import dev.triagedesk.evidence.triage.EvidenceTally;

/** What reading a HAR gives: its summary, and the evidence tally behind its verdict (to merge with a report's other evidence). */
public record HarReadResult(HarSummary summary, EvidenceTally tally) {
}
