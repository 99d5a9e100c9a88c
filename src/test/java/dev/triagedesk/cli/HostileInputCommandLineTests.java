package dev.triagedesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triagedesk.evidence.Engines;
import dev.triagedesk.evidence.EvidenceEngine;
import dev.triagedesk.evidence.HostileCorpus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The files of the hostile corpus ({@link HostileCorpus}) through {@code analyze} and {@code sanitize}: each ends 0
 * (read, perhaps in part) or 2 (input that cannot be read, one line saying what and where), never 1 with an internal
 * error. (The corpus's hostile names are about HTTP uploads; here a file is named by its path.)
 */
class HostileInputCommandLineTests {

    @TempDir
    Path dir;

    private record Run(int status, String err) {
    }

    private Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        EvidenceEngine engine = EvidenceEngine.withDefaults(Engines.KEY);
        int status = new CommandLine(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), engine).dispatch(args);
        return new Run(status, err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void everyHostileFileEndsZeroOrTwoWithAReasonNeverAnInternalError() throws Exception {
        List<HostileCorpus.Upload> files = HostileCorpus.all(Path.of("target", "hostile-corpus")).stream()
                .filter(u -> u.file().getFileName().toString().equals(u.fileName())).toList();
        List<String> faults = new ArrayList<>();
        int tried = 0;
        int clean = 0;
        for (HostileCorpus.Upload u : files) {
            for (String mode : List.of("analyze", "analyze --lenient", "sanitize", "sanitize --lenient")) {
                List<String> args = new ArrayList<>(List.of(mode.split(" ")));
                args.add(u.file().toString());
                if (mode.startsWith("sanitize")) {
                    args.add(dir.resolve("out-" + tried + (u.fileName().endsWith(".zip") ? ".zip" : ".har")).toString());
                }
                Run r = run(args.toArray(String[]::new));
                tried++;
                boolean ok = (r.status() == 0 || r.status() == 2) && !r.err().contains("internal error")
                        && !r.err().contains("Exception") && !r.err().contains("\tat ")
                        && (r.status() == 0 || !r.err().isBlank());
                if (ok) {
                    clean++;
                } else {
                    faults.add(u.label() + " (" + mode + "): exit " + r.status() + ": " + r.err());
                }
            }
        }
        System.out.println("hostile corpus, command line (analyze and sanitize, strict and lenient): " + tried
                + " tried, " + clean + " handled cleanly");
        assertThat(faults).isEmpty();
    }

    @Test
    void aHarPastTheReadLimitsEndsTwoWithWhatAndWhere() throws Exception {
        HostileCorpus.all(Path.of("target", "hostile-corpus"));
        Path corpus = Path.of("target", "hostile-corpus");
        Run deep = run("analyze", corpus.resolve("nesting-600.har").toString());
        assertThat(deep.status()).isEqualTo(2);
        assertThat(deep.err()).startsWith("triage-desk: not read: it is nested more than 500 levels deep at line 1,")
                .contains("more than the HAR reader takes").hasLineCount(1);
        Run number = run("analyze", "--lenient", corpus.resolve("number-5000-digits.har").toString());
        assertThat(number.status()).isEqualTo(2);
        assertThat(number.err()).contains("not read: it holds a number of more than 1,000 digits at line 1, column");
        Run name = run("sanitize", corpus.resolve("field-name-100000.har").toString(), dir.resolve("o.har").toString());
        assertThat(name.status()).isEqualTo(2);
        assertThat(name.err()).contains("a field name of more than 50,000 characters");
        assertThat(Files.exists(dir.resolve("o.har"))).isFalse();
        Run string = run("analyze", corpus.resolve("string-over-100m.har").toString());
        assertThat(string.status()).isEqualTo(2);
        assertThat(string.err()).contains("a text value of more than 100,000,000 characters at line 1");
        Run cut = run("analyze", corpus.resolve("cut-short.har.gz").toString());
        assertThat(cut.status()).isEqualTo(2);
        assertThat(cut.err()).contains("cut-short.har.gz cannot be unpacked: its compressed data ends too early");
    }
}
