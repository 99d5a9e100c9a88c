package dev.triagedesk.evidence.har;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triagedesk.evidence.Engines;
import dev.triagedesk.evidence.EvidenceEngine;
import dev.triagedesk.evidence.EvidenceException;
import dev.triagedesk.evidence.HarAnalysis;
import dev.triagedesk.evidence.HarBuilder;
import dev.triagedesk.evidence.Secrets;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A lenient read (every upload) splits a large file as a strict one does, and a file that breaks off in the second
 * half gives what a whole lenient read gives: the complete entries before the break, the break's line and column,
 * the same sanitized copy.
 */
class LenientSplitReadTests {

    private static final EvidenceEngine WHOLE = Engines.engine().splitAbove(-1);
    private static final EvidenceEngine SPLIT = Engines.engine().splitAbove(1);

    @TempDir
    Path dir;

    /** Forty entries, some failing with an error body, each with a session cookie. */
    private static String capture(boolean pretty) {
        HarBuilder har = new HarBuilder();
        for (int i = 0; i < 40; i++) {
            HarBuilder.Entry e = har.entry("POST", "https://chatgpt.com/backend-api/conversation?i=" + i,
                    i % 6 == 0 ? 500 : 200);
            e.requestHeader("Cookie", "__Secure-next-auth.session-token=" + Secrets.sessionToken(200 + i));
            e.postData("application/json", "{\"prompt\":\"hello " + i + "\"}");
            e.body("application/json", i % 6 == 0 ? "{\"error\":{\"message\":\"upstream failed\",\"code\":\"server_error\"}}"
                    : "{\"ok\":true,\"n\":" + i + "}");
            e.add();
        }
        String json = har.json();
        return pretty ? Engines.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(Engines.tree(json)) : json;
    }

    @ParameterizedTest(name = "cut at {0} of the file, pretty printed: {1}")
    @CsvSource({"0.999,false", "0.9,false", "0.75,false", "0.6,false", "0.9,true", "0.75,true", "0.6,true"})
    void aFileThatBreaksOffInTheSecondHalfReadsAsAWholeLenientReadDoes(double cut, boolean pretty) {
        String text = capture(pretty);
        Path file = Engines.write(dir, "cut.har", text.substring(0, (int) (text.length() * cut)));
        long before = HarProcessor.JOINED_SPLITS.get();
        Read split = read(SPLIT, file);
        assertThat(HarProcessor.JOINED_SPLITS.get() - before).as("joined (analysis and sanitizing)").isEqualTo(2);
        Read whole = read(WHOLE, file);
        assertThat(whole.analysis()).contains("\"partial\":true").contains("The file breaks off at line");
        assertThat(split.analysis()).isEqualTo(whole.analysis());
        assertThat(split.sanitized()).isEqualTo(whole.sanitized());
        assertThat(Engines.tree(split.sanitized()).path("log").path("entries").size()).isGreaterThan(0);
    }

    @ParameterizedTest(name = "damaged at {0} of the file")
    @CsvSource({"0.25", "0.8"})
    void damageInEitherHalfReadsAsAWholeLenientReadDoes(double at) {
        String text = capture(false);
        int place = text.indexOf("\"startedDateTime\"", (int) (text.length() * at));
        Path file = Engines.write(dir, "damaged.har", text.substring(0, place) + "@@" + text.substring(place));
        Read whole = read(WHOLE, file);
        assertThat(whole.analysis()).contains("\"partial\":true");
        assertThat(read(SPLIT, file)).isEqualTo(whole);
    }

    @Test
    void aCompleteFileReadLenientlyIsSplitAndReadsTheSame() {
        Path file = Engines.write(dir, "whole.har", capture(true));
        long before = HarProcessor.JOINED_SPLITS.get();
        Read split = read(SPLIT, file);
        assertThat(HarProcessor.JOINED_SPLITS.get() - before).isEqualTo(2);
        assertThat(split).isEqualTo(read(WHOLE, file));
        assertThat(split.analysis()).contains("\"partial\":false");
    }

    /** The lenient analysis and the sanitizing read's summary and findings as JSON, and the sanitized copy. */
    record Read(String analysis, String sanitized) {
    }

    private static Read read(EvidenceEngine engine, Path file) {
        try {
            HarAnalysis a = engine.analyzeHar(Engines.single(file), HarReadMode.LENIENT, 1_000_000);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            List<String> findings = new ArrayList<>();
            HarReadResult r = engine.sanitizeHar(Engines.single(file), () -> {
                out.reset();
                return out;
            }, new HarFindings() {
                @Override
                public void failure(dev.triagedesk.evidence.Failure f) {
                    findings.add(f.toString());
                }

                @Override
                public void streamError(dev.triagedesk.evidence.StreamError e) {
                    findings.add(e.toString());
                }

                @Override
                public void signal(dev.triagedesk.evidence.Signal s) {
                    findings.add(s.toString());
                }

                @Override
                public void restart() {
                    findings.clear();
                }
            }, HarReadMode.LENIENT);
            return new Read(Engines.JSON.writeValueAsString(a) + "\n" + Engines.JSON.writeValueAsString(r.summary())
                    + "\n" + findings, out.toString(StandardCharsets.UTF_8));
        } catch (EvidenceException e) {
            return new Read(e.getMessage(), null);
        }
    }
}
