package dev.triagedesk.evidence.har;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.triagedesk.evidence.Engines;
import dev.triagedesk.evidence.EvidenceEngine;
import dev.triagedesk.evidence.EvidenceException;
import dev.triagedesk.evidence.HarBuilder;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A HAR past one of the reader's limits is refused with what and where, lenient or strict, and a split read refuses
 * exactly what a whole read does (its second half starts inside the entries, two levels less deep).
 */
class JsonReadLimitsTests {

    private static final EvidenceEngine WHOLE = Engines.engine().splitAbove(-1);
    private static final EvidenceEngine SPLIT = Engines.engine().splitAbove(1);

    @TempDir
    Path dir;

    /** Many small entries, then one whose field {@code x} holds {@code arrays} nested arrays. */
    private Path deepEntryAtTheEnd(int arrays) {
        HarBuilder har = new HarBuilder();
        for (int i = 0; i < 40; i++) {
            har.entry("GET", "https://chatgpt.com/backend-api/me?i=" + i, 200).body("application/json", "{}").add();
        }
        String json = har.json();
        String deep = ",{\"x\":" + "[".repeat(arrays) + "]".repeat(arrays) + "}";
        int end = json.lastIndexOf("]}}");
        return Engines.write(dir, "deep-" + arrays + ".har", json.substring(0, end) + deep + json.substring(end));
    }

    @Test
    void nestingPastTheLimitIsRefusedWithWhereLenientOrNot() {
        // the entry object is at depth 4 (root, log, entries, entry): 497 arrays in it reach 501
        Path tooDeep = deepEntryAtTheEnd(497);
        for (boolean lenient : new boolean[] {false, true}) {
            assertThatThrownBy(() -> WHOLE.analyzeHar(Engines.single(tooDeep), HarReadMode.lenientIf(lenient), 10))
                    .isInstanceOf(EvidenceException.class)
                    .hasMessageStartingWith("not read: it is nested more than 500 levels deep at line 1, column ")
                    .satisfies(e -> assertThat(((EvidenceException) e).line()).isEqualTo(1));
        }
        assertThat(WHOLE.analyzeHar(Engines.single(deepEntryAtTheEnd(496)), HarReadMode.STRICT, 10).summary().entryCount())
                .isEqualTo(41);
    }

    @Test
    void aSplitReadRefusesExactlyWhatAWholeReadDoes() {
        Path tooDeep = deepEntryAtTheEnd(497);
        long before = HarProcessor.JOINED_SPLITS.get();
        assertThatThrownBy(() -> SPLIT.analyzeHar(Engines.single(tooDeep), HarReadMode.STRICT, 10))
                .isInstanceOf(EvidenceException.class).hasMessageContaining("nested more than 500 levels deep");
        Path deepest = deepEntryAtTheEnd(496);
        assertThat(SPLIT.analyzeHar(Engines.single(deepest), HarReadMode.STRICT, 10).summary().entryCount()).isEqualTo(41);
        assertThat(HarProcessor.JOINED_SPLITS.get()).as("the second half was joined").isGreaterThan(before);
    }

    @Test
    void eachLimitIsNamedInTheReadersWords() {
        HarBuilder har = new HarBuilder();
        har.entry("GET", "https://chatgpt.com/", 200).add();
        String json = har.json();
        int end = json.lastIndexOf("]}}");
        Path number = Engines.write(dir, "n.har", json.substring(0, end) + ",{\"time\":" + "1".repeat(1001) + "}"
                + json.substring(end));
        Path name = Engines.write(dir, "f.har", json.substring(0, end) + ",{\"" + "f".repeat(50_001) + "\":1}"
                + json.substring(end));
        assertThatThrownBy(() -> WHOLE.analyzeHar(Engines.single(number), HarReadMode.LENIENT, 10))
                .hasMessageContaining("it holds a number of more than 1,000 digits at line 1");
        assertThatThrownBy(() -> WHOLE.analyzeHar(Engines.single(name), HarReadMode.LENIENT, 10))
                .hasMessageContaining("it holds a field name of more than 50,000 characters at line 1");
    }
}
