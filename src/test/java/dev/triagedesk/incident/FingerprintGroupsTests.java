package dev.triagedesk.incident;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triagedesk.evidence.Corpus;
import dev.triagedesk.support.RequiredTool;
import dev.triagedesk.support.TicketFixtures;
import dev.triagedesk.support.TriageDeskTest;
import dev.triagedesk.ticket.Product;
import dev.triagedesk.ticket.Ticket;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * How the fingerprint groups generated and real captures, shown by a run: HARs of {@code makehar.py} (ChatGPT's and
 * the API's traffic mixed, made here into a temporary folder) and real ones of the shared corpus (read in place, never
 * copied) are submitted as reports, and the incidents they land in are printed with their fingerprints and asserted.
 * Other tests may have reported the same files, so the assertions say which of these reports share an incident,
 * never how many tickets an incident holds.
 */
@TriageDeskTest
class FingerprintGroupsTests {

    /** Corpus captures with failing requests of their own, and one without any. */
    static final List<String> CORPUS = List.of("httpolice-chrome49-xhr-400.har", "httpolice-firefox45-xhr2-405.har",
            "httpolice-firefox67-304-404.har", "httpolice-edge-f12-http2bin-500-bom.har",
            "pagexray-nytimes-webpagetest-503.har", "pollyjs-puppeteer-adapter-404.har",
            "user-masteralan360-asaas-chrome143-404-body.har", "httpolice-chrome75-https-cert-fail.har",
            "user-ONSdigital-eq-benchmark-chrome72-conn-refused.har", "mitmproxy-firefox111.har");

    @TempDir
    Path dir;
    @Autowired
    TicketFixtures fixtures;
    @Autowired
    IncidentService incidents;

    private Path generate(int seed, double sizeMb) throws IOException, InterruptedException {
        Path tool = Corpus.dir().resolveSibling("tools").resolve("makehar.py");
        Path har = dir.resolve("generated-" + seed + ".har");
        Process p = new ProcessBuilder("python3", tool.toString(), "--size-mb", Double.toString(sizeMb), "--seed",
                Integer.toString(seed), "--asset-kb", "8", "--out", har.toString(), "--oracle",
                dir.resolve("oracle-" + seed + ".json").toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        return har;
    }

    private Incident report(Map<String, Incident> seen, String name, Product product, byte[] har) {
        Ticket t = fixtures.submitHar(TicketFixtures.answers(product, "It fails", "pat@example.com"), name, har);
        Incident incident = incidents.ofTickets(List.of(t.getId())).get(t.getId());
        seen.put(name + " (" + product.name().toLowerCase(java.util.Locale.ROOT) + ")", incident);
        return incident;
    }

    private static void print(String heading, Map<String, Incident> seen) {
        System.out.println(heading);
        seen.forEach((name, i) -> System.out.printf("  %-58s %s  %s%n", name, i == null ? "(no incident)"
                : i.getReference(), i == null ? "" : i.getFingerprintText()));
    }

    @Test
    void generatedCapturesOfOneProductAreOneIncidentAndRealOnesEachTheirOwn() throws Exception {
        RequiredTool.require(RequiredTool.commandWorks("python3", "--version"), "python3 is needed to run makehar.py");
        Map<String, Incident> generated = new LinkedHashMap<>();
        Incident[] web = new Incident[3];
        Incident[] api = new Incident[3];
        for (int seed = 1; seed <= 3; seed++) {
            byte[] har = Files.readAllBytes(generate(seed, 1));
            web[seed - 1] = report(generated, "makehar seed " + seed + ", 1 MB", Product.CHATGPT_WEB, har);
            api[seed - 1] = report(generated, "makehar seed " + seed + ", 1 MB", Product.OPENAI_API, har);
        }
        Incident tiny = report(generated, "makehar seed 4, 50 KB", Product.CHATGPT_WEB,
                Files.readAllBytes(generate(4, 0.05)));
        Map<String, Incident> corpus = new LinkedHashMap<>();
        for (String file : CORPUS) {
            report(corpus, file, Product.CHATGPT_WEB, Files.readAllBytes(Corpus.har(file)));
        }
        print("Generated captures (makehar.py), each reported for ChatGPT on the web and for the API:", generated);
        print("Real captures (shared corpus), reported for ChatGPT on the web:", corpus);

        // every generated capture fails first within seconds of 2026-01-01T00:00Z, and in a capture of hundreds of
        // entries the failure of the product's own hosts seen most is ChatGPT's conversation call failing with 500,
        // with a Cloudflare challenge as the strongest signal: seeds 1 and 2 are one problem
        for (Incident i : web) {
            assertThat(i.getFingerprintText()).contains("host=chatgpt.com", "request=POST /backend-api/f/conversation",
                    "outcome=HTTP 500", "signal=cloudflare_challenge");
        }
        assertThat(web[1].getId()).isEqualTo(web[0].getId());
        // the verdict's path is part of the problem: seed 3's many 429s of the API weigh for a quota problem, so the
        // same failing call makes another incident
        assertThat(web[0].getFingerprintText()).contains("path=api-access");
        assertThat(web[2].getFingerprintText()).contains("path=api-quota");
        assertThat(web[2].getId()).isNotEqualTo(web[0].getId());
        // so is the product: the same captures reported for the API are other incidents, grouped alike
        for (Incident i : api) {
            assertThat(i.getFingerprintText()).contains("product=openai_api");
            assertThat(i.getId()).isNotIn(web[0].getId(), web[2].getId());
        }
        assertThat(api[1].getId()).isEqualTo(api[0].getId());
        assertThat(api[2].getId()).isNotEqualTo(api[0].getId());
        // a capture of a few dozen entries shows other failures most (here the API's chat completions 500): another
        // problem
        assertThat(tiny.getFingerprintText()).contains("host=api.openai.com", "request=POST /v1/chat/completions");
        assertThat(tiny.getId()).isNotIn(web[0].getId(), web[2].getId());

        // real captures of unrelated sites over many years: none shares an incident with another or a generated one
        List<Long> real = corpus.values().stream().filter(java.util.Objects::nonNull).map(Incident::getId).toList();
        assertThat(real).hasSize(CORPUS.size()).doesNotHaveDuplicates()
                .doesNotContain(web[0].getId(), web[2].getId(), api[0].getId(), api[2].getId(), tiny.getId());
        // each names its own most repeated failure on its own host; a capture with no failing request is grouped by
        // the reporter's answers (the status seen; "Something went wrong" is too generic to count)
        assertThat(corpus.get("httpolice-edge-f12-http2bin-500-bom.har (chatgpt_web)").getFingerprintText())
                .contains("host=http2bin.org", "request=GET /image/png", "outcome=HTTP 500");
        assertThat(corpus.get("mitmproxy-firefox111.har (chatgpt_web)").getFingerprintText())
                .contains("seen=500").doesNotContain("host=", "message=");
    }
}
