package dev.triagedesk.evidence.har;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.triagedesk.evidence.Category;
import dev.triagedesk.evidence.Corpus;
import dev.triagedesk.evidence.Engines;
import dev.triagedesk.evidence.EvidenceException;
import dev.triagedesk.evidence.Failure;
import dev.triagedesk.evidence.HarAnalysis;
import dev.triagedesk.evidence.RequestId;
import dev.triagedesk.evidence.SignalType;
import dev.triagedesk.evidence.input.EvidenceFormat;
import dev.triagedesk.evidence.redact.LeftoverScan;
import dev.triagedesk.evidence.triage.Hosts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Every HAR of ../shared/corpus is analyzed with the outcome SOURCES.md records, or rejected with a clear reason;
 * each analyzed one also survives a sanitize round trip. Writes target/corpus-report.md with the outcome per file.
 */
class HarCorpusTests {

    private static final Map<String, String> REPORT = new TreeMap<>();

    /**
     * file, entries, failing statuses in entry order (from SOURCES.md, checked against the files), and the verdict.
     * None of these captures is of ChatGPT or the OpenAI API: a server error in one (http2bin's 500, nytimes.com's
     * 503) is that site's own and never the vendor's outage; only network evidence (a certificate error, refused
     * connections) points to a branch.
     */
    static Stream<Arguments> analyzable() {
        return Stream.of(
                Arguments.of("chrome-har-yahoo-devtoolslog.har", 107, "400", "unknown"),
                Arguments.of("gatling-charles392-base64-authorization.har", 1, "", "unknown"),
                Arguments.of("gatling-chrome32-null-status.har", 4, "0", "unknown"),
                Arguments.of("har-to-openapi-firefox77-servicemenu.har", 1, "", "unknown"),
                Arguments.of("haralyzer-cnn-firebug-firefox25.har", 145, "0", "unknown"),
                Arguments.of("harviewer-harp-jsonp-wrapped.har", 1, "", "unknown"),
                Arguments.of("harviewer-issue49-firefox47-status0.har", 3, "0,0", "unknown"),
                Arguments.of("harviewer-issue61-chrome51-github.har", 27, "", "unknown"),
                Arguments.of("harviewer-issue61-ie11-network-inspector.har", 25, "404,404", "unknown"),
                Arguments.of("harviewer-two-megs-firebug.har", 160, "404,404,404", "unknown"),
                Arguments.of("harviewer-www-cnn-com-fiddler2-bom.har", 22, "", "unknown"),
                Arguments.of("httpolice-chrome49-xhr-400.har", 3, "400", "unknown"),
                Arguments.of("httpolice-chrome75-https-cert-fail.har", 1, "0", "network-policy"),
                Arguments.of("httpolice-edge-f12-http2bin-500-bom.har", 11, "500", "unknown"),
                Arguments.of("httpolice-firefox45-xhr2-405.har", 3, "405", "unknown"),
                Arguments.of("httpolice-firefox67-304-404.har", 2, "404", "unknown"),
                Arguments.of("mitmproxy-charles463.har", 1, "", "unknown"),
                Arguments.of("mitmproxy-chrome114-with-bom.har", 1, "", "unknown"),
                Arguments.of("mitmproxy-export-diff-data-auth.har", 5, "", "unknown"),
                Arguments.of("mitmproxy-export-error-log.har", 2, "0,405", "network-policy"),
                Arguments.of("mitmproxy-firefox111.har", 14, "", "unknown"),
                Arguments.of("mitmproxy-safari16-webkit.har", 19, "", "unknown"),
                Arguments.of("pagexray-expressen-webpagetest-large.har", 607, "", "unknown"),
                Arguments.of("pagexray-frontendredirect-browsertime-firefox43-404.har", 12, "404,404,404", "unknown"),
                Arguments.of("pagexray-nytimes-webpagetest-503.har", 328, "503", "unknown"),
                Arguments.of("playwright-chromium112-unstable-network.har", 2, "-1", "unknown"),
                Arguments.of("pollyjs-jest-puppeteer-recording.har", 5, "", "unknown"),
                Arguments.of("pollyjs-puppeteer-adapter-404.har", 5, "404,404", "unknown"),
                Arguments.of("user-MarcoOlivette-taiga-chrome143-400.har", 16, "400", "unknown"),
                Arguments.of("user-ONSdigital-eq-benchmark-chrome72-conn-refused.har", 79, "0,0,0,0,0", "network-policy"),
                Arguments.of("user-brog45-prologwebscanner-firefox66.har", 59, "", "unknown"),
                Arguments.of("user-gayHacker-chrome79-google-oauth-cookies.har", 46, "", "unknown"),
                Arguments.of("user-masteralan360-asaas-chrome143-404-body.har", 2, "404", "unknown"),
                Arguments.of("user-nicolabovolato-insomnia-status0.har", 3, "0,0,0", "unknown"),
                Arguments.of("user-psantos9-playwright-firefox100.har", 15, "-1,-1", "unknown"));
    }

    @Test
    void everyCorpusHarHasAnExpectation() {
        Set<String> expected = new HashSet<>();
        analyzable().forEach(a -> expected.add((String) a.get()[0]));
        expected.addAll(List.of("user-Kay0n-dot2control-truncated-fragment.har", "user-austeane-qdrill-hand-edited-invalid.har"));
        assertThat(Corpus.hars()).extracting(p -> p.getFileName().toString()).containsExactlyInAnyOrderElementsOf(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("analyzable")
    void analyzedWithTheRecordedOutcome(String name, int entries, String failingStatuses, String verdict) {
        Path file = Corpus.har(name);
        HarAnalysis a = Engines.analyze(file);
        assertThat(a.summary().entryCount()).isEqualTo(entries);
        assertThat(a.summary().partial()).isFalse();
        List<Integer> statuses = a.failures().stream().map(Failure::status).toList();
        List<Integer> expected = failingStatuses.isEmpty() ? List.of()
                : Arrays.stream(failingStatuses.split(",")).map(Integer::valueOf).toList();
        assertThat(statuses).isEqualTo(expected);
        assertThat(a.summary().stats().failing()).isEqualTo(expected.size());
        assertThat(a.failures()).allSatisfy(f -> assertThat(f.category()).isNotNull());
        assertThat(a.summary().verdict().path().id()).isEqualTo(verdict);
        assertThat(a.summary().stats().productRequests()).isZero();
        assertThat(a.summary().notes()).contains(HarProcessor.NO_PRODUCT_REQUEST);
        String json = Engines.JSON.writeValueAsString(a);
        assertThat(LeftoverScan.check(json)).as("secret shapes in the analysis of %s", name).isEmpty();
        REPORT.put(name, "| " + name + " | analyzed | " + entries + " | " + (expected.isEmpty() ? "none" : failingStatuses)
                + " | " + a.signals().size() + " | " + a.summary().verdict().path().id() + " |");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("analyzable")
    void sanitizedCopyKeepsEveryEntryAndNoCredential(String name, int entries, String ignored, String alsoIgnored)
            throws IOException {
        Path file = Corpus.har(name);
        String out = Engines.sanitize(file, false);
        List<JsonNode> before = Engines.entries(readOriginal(file));
        List<JsonNode> after = Engines.entries(out);
        assertThat(after).hasSize(entries).hasSameSizeAs(before);
        for (int i = 0; i < before.size(); i++) {
            JsonNode b = before.get(i);
            JsonNode s = after.get(i);
            assertThat(s.path("request").path("method").asString()).isEqualTo(b.path("request").path("method").asString());
            assertThat(s.path("response").path("status").asString()).isEqualTo(b.path("response").path("status").asString());
            String url = b.path("request").path("url").asString();
            String sanitizedUrl = s.path("request").path("url").asString();
            assertThat(Hosts.host(sanitizedUrl)).isEqualTo(Hosts.host(url));
            assertThat(Hosts.path(url)).as("path kept, apart from redacted values")
                    .matches(markersAsWildcards(Hosts.path(sanitizedUrl)));
        }
        for (String secret : credentials(before)) {
            assertThat(out).as("credential from %s left in the output", name).doesNotContain(secret);
        }
        assertThat(LeftoverScan.check(out)).isEmpty();
    }

    @Test
    void aFragmentIsRejectedWithTheReason() {
        Path file = Corpus.har("user-Kay0n-dot2control-truncated-fragment.har");
        assertThatThrownBy(() -> Engines.engine().open(file, "fragment.har")).isInstanceOf(EvidenceException.class)
                .hasMessageContaining("looks like a fragment cut from a HAR");
        REPORT.put(file.getFileName().toString(), "| " + file.getFileName() + " | rejected: starts inside a JSON object,"
                + " a fragment cut from a HAR | | | | |");
    }

    @Test
    void aHandEditedHarFailsWithLineAndColumnOrIsReadUpToTheBreak() {
        Path file = Corpus.har("user-austeane-qdrill-hand-edited-invalid.har");
        assertThatThrownBy(() -> Engines.analyze(file)).isInstanceOf(EvidenceException.class)
                .hasMessageStartingWith("broken JSON at line 756, column 10: Unexpected character ('}'")
                .satisfies(e -> {
                    assertThat(((EvidenceException) e).line()).isEqualTo(756);
                    assertThat(((EvidenceException) e).column()).isEqualTo(10);
                });
        HarAnalysis partial = Engines.engine().analyzeHar(Engines.single(file), HarReadMode.LENIENT, 1000);
        assertThat(partial.summary().partial()).isTrue();
        assertThat(partial.summary().partialReason()).startsWith("The file breaks off at line 756, column 10");
        long complete = partial.summary().stats().entries();
        assertThat(complete).isPositive();
        assertThat(Engines.entries(Engines.sanitize(file, true))).hasSize((int) complete);
        REPORT.put(file.getFileName().toString(), "| " + file.getFileName() + " | rejected: broken JSON at line 756,"
                + " column 10 (lenient: partial, " + complete + " complete entries) | | | | |");
    }

    @Test
    void notableFilesYieldTheirNotableFindings() {
        HarAnalysis cert = Engines.analyze(Corpus.har("httpolice-chrome75-https-cert-fail.har"));
        assertThat(cert.failures().get(0).netError()).isEqualTo("net::ERR_CERT_COMMON_NAME_INVALID");
        assertThat(cert.failures().get(0).category()).isEqualTo(Category.NETWORK);
        assertThat(cert.signals()).extracting(s -> s.type()).containsExactly(SignalType.TLS_INTERCEPTION);

        HarAnalysis refused = Engines.analyze(Corpus.har("user-ONSdigital-eq-benchmark-chrome72-conn-refused.har"));
        assertThat(refused.summary().stats().netErrors()).containsEntry("net::ERR_CONNECTION_REFUSED", 5L);
        assertThat(refused.signals()).hasSize(5).allSatisfy(s -> assertThat(s.type()).isEqualTo(SignalType.CONNECTION_FAILURE));

        HarAnalysis supabase = Engines.analyze(Corpus.har("user-masteralan360-asaas-chrome143-404-body.har"));
        Failure rpc = supabase.failures().get(0);
        assertThat(rpc.error().code()).isEqualTo("PGRST202");
        assertThat(rpc.category()).isEqualTo(Category.CHECK_RESOURCE);
        assertThat(rpc.requestIds()).extracting(RequestId::name).containsExactlyInAnyOrder("cf-ray", "sb-request-id");

        HarAnalysis taiga = Engines.analyze(Corpus.har("user-MarcoOlivette-taiga-chrome143-400.har"));
        assertThat(taiga.failures().get(0).error()).isNotNull();
        assertThat(taiga.failures().get(0).category()).isEqualTo(Category.FIX_REQUEST);
        assertThat(taiga.summary().alreadySanitized()).isTrue();

        HarAnalysis ie = Engines.analyze(Corpus.har("harviewer-issue61-ie11-network-inspector.har"));
        assertThat(ie.failures()).allSatisfy(f -> assertThat(f.requestIds()).extracting(RequestId::name).contains("x-github-request-id"));

        HarAnalysis mitm = Engines.analyze(Corpus.har("mitmproxy-export-error-log.har"));
        assertThat(mitm.failures().get(1).error().message()).containsIgnoringCase("405");
        assertThat(mitm.signals()).extracting(s -> s.type()).contains(SignalType.CONNECTION_FAILURE);

        assertThat(Engines.single(Corpus.har("harviewer-harp-jsonp-wrapped.har")).format()).isEqualTo(EvidenceFormat.HAR_JSONP);
        assertThat(Engines.analyze(Corpus.har("user-gayHacker-chrome79-google-oauth-cookies.har")).summary().alreadySanitized()).isFalse();
    }

    @AfterAll
    static void writeReport() throws IOException {
        Path target = Path.of("target");
        if (!Files.isDirectory(target) || REPORT.isEmpty()) {
            return;
        }
        List<String> lines = new ArrayList<>();
        lines.add("| file | outcome | entries | failing statuses | signals | verdict |");
        lines.add("|---|---|---|---|---|---|");
        lines.addAll(REPORT.values());
        Files.write(target.resolve("corpus-report-har.md"), lines, StandardCharsets.UTF_8);
    }

    private static String readOriginal(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.startsWith("onInputData(")) {
            text = text.substring("onInputData(".length(), text.lastIndexOf(')'));
        }
        return text;
    }

    /**
     * Credential values in the original: cookie values, Authorization and key headers, sensitive query parameters.
     * Only distinctive values (12+ characters mixing letters and digits) so that a short value such as "en-US"
     * appearing elsewhere in the file does not count as a leak.
     */
    private static Set<String> credentials(List<JsonNode> entries) {
        Set<String> out = new HashSet<>();
        for (JsonNode e : entries) {
            for (String side : List.of("request", "response")) {
                for (JsonNode h : e.path(side).path("headers")) {
                    String n = h.path("name").asString().toLowerCase(Locale.ROOT);
                    String v = h.path("value").asString();
                    switch (n) {
                        case "cookie" -> Arrays.stream(v.split(";")).map(c -> c.substring(c.indexOf('=') + 1).trim()).forEach(c -> keep(out, c));
                        case "set-cookie" -> Arrays.stream(v.split("\n")).map(c -> c.split(";")[0]).map(c -> c.substring(c.indexOf('=') + 1)).forEach(c -> keep(out, c));
                        case "authorization", "proxy-authorization", "x-api-key", "apikey", "x-goog-api-key" ->
                                keep(out, v.contains(" ") ? v.substring(v.indexOf(' ') + 1) : v);
                        default -> { }
                    }
                }
                for (JsonNode c : e.path(side).path("cookies")) {
                    keep(out, c.path("value").asString());
                }
            }
            for (JsonNode q : e.path("request").path("queryString")) {
                String n = q.path("name").asString().toLowerCase(Locale.ROOT);
                if (n.contains("token") || n.equals("key") || n.contains("secret") || n.contains("password")) {
                    keep(out, q.path("value").asString());
                }
            }
        }
        return out;
    }

    /** Credential-like: long, mixing letters and digits, and not a URL or host name that happens to be a cookie value. */
    private static void keep(Set<String> out, String v) {
        if (v != null && v.length() >= 12 && v.chars().anyMatch(Character::isDigit) && v.chars().anyMatch(Character::isLetter)
                && !v.contains("://") && !v.contains("%3A") && !v.matches("[a-z0-9-]+(\\.[a-z0-9-]+)*")) {
            out.add(v);
        }
    }

    /** A regular expression matching the original of a sanitized string: each marker stands for any value. */
    private static String markersAsWildcards(String sanitized) {
        StringBuilder re = new StringBuilder();
        int i = 0;
        while (true) {
            int m = sanitized.indexOf("[REDACTED:", i);
            if (m < 0) {
                re.append(java.util.regex.Pattern.quote(sanitized.substring(i)));
                return re.toString();
            }
            re.append(java.util.regex.Pattern.quote(sanitized.substring(i, m))).append(".+?");
            i = sanitized.indexOf(']', m) + 1;
        }
    }

    static {
        // make sure a stale report never survives a run that did not reach @AfterAll
        try {
            Files.deleteIfExists(Path.of("target", "corpus-report-har.md"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
