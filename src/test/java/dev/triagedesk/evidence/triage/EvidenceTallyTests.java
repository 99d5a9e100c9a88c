package dev.triagedesk.evidence.triage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triagedesk.evidence.TriagePath;
import org.junit.jupiter.api.Test;

class EvidenceTallyTests {

    @Test
    void oneFailureSeenInAHarAndAConsoleLogKeepsEachPlace() {
        EvidenceTally tally = new EvidenceTally();
        tally.observe(TriagePath.OUTAGE, 2, "HTTP 500 from chatgpt.com", "small.har entry", 2);
        tally.observe(TriagePath.OUTAGE, 2, "HTTP 500 from chatgpt.com", "small.har entry", 13);
        tally.observe(TriagePath.OUTAGE, 2, "HTTP 500 from chatgpt.com", "console.log line", 40);

        assertThat(tally.reasons(TriagePath.OUTAGE))
                .containsExactly("3× HTTP 500 from chatgpt.com (small.har entries 2, 13; console.log line 40)");
    }

    @Test
    void aLaterPartOfTheSameDocumentMovesItsExamples() {
        EvidenceTally first = new EvidenceTally();
        first.observe(TriagePath.API_SERVER, 3, "HTTP 503 from api.openai.com", "entry", 4);
        EvidenceTally later = new EvidenceTally();
        for (int i = 0; i < 6; i++) {
            later.observe(TriagePath.API_SERVER, 3, "HTTP 503 from api.openai.com", "entry", i);
        }
        first.merge(later, 100);

        assertThat(first.reasons(TriagePath.API_SERVER))
                .containsExactly("7× HTTP 503 from api.openai.com (entries 4, 100, 101, 102, 103, …)");
    }
}
