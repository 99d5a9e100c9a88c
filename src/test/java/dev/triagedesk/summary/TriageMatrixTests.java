package dev.triagedesk.summary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triagedesk.evidence.HarBuilder;
import dev.triagedesk.evidence.TriagePath;
import dev.triagedesk.evidence.Verdict;
import dev.triagedesk.report.ReportService;
import dev.triagedesk.support.TriageDeskTest;
import dev.triagedesk.ticket.ApiContext;
import dev.triagedesk.ticket.CheckResult;
import dev.triagedesk.ticket.EvidenceKind;
import dev.triagedesk.ticket.Product;
import dev.triagedesk.ticket.ReportAnswers;
import dev.triagedesk.ticket.StatusPageAnswer;
import dev.triagedesk.ticket.TicketService;
import dev.triagedesk.ticket.Upload;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The triage matrix of the support playbook (section 1) and the API error table (section 3), row by row and with
 * each row's stop condition, as a reporter meets them: answers of the form plus a small HAR or console log, through
 * the evidence engine, the stored findings and the verdict, as the review step shows it. Writes
 * target/triage-matrix.md with the path of every scenario.
 */
@TriageDeskTest
class TriageMatrixTests {

    private static final String CONVERSATION = "https://chatgpt.com/backend-api/f/conversation";
    private static final String RESPONSES = "https://api.openai.com/v1/responses";
    private static final Map<String, String> TABLE = new LinkedHashMap<>();

    @Autowired
    TicketService tickets;
    @Autowired
    ReportService reports;
    @TempDir
    Path dir;

    /**
     * One reporter's case: what they answered and attached, and where it must point.
     *
     * @param reason a reason the verdict must give (a part of it), or null
     * @param next a part of the next step, or null
     * @param notNext what the next step must not say, or null
     */
    record Scenario(String row, ReportAnswers answers, String har, String console, TriagePath path, String reason,
                    String next, String notNext) {

        @Override
        public String toString() {
            return row;
        }
    }

    static Stream<Arguments> scenarios() {
        List<Scenario> s = new ArrayList<>();

        // 1. status page shows an incident for this product's component -> live service degradation
        s.add(new Scenario("1 outage: incident for this component, the clean window fails too",
                web().page(StatusPageAnswer.INCIDENT_THIS_COMPONENT).seen(503).check("privateWindow", CheckResult.STILL_FAILS)
                        .check("clearedSiteData", CheckResult.STILL_FAILS).answers(),
                new HarBuilder().entry("POST", CONVERSATION, 503).body("application/json", "{\"detail\":\"Service unavailable\"}")
                        .add().entry("POST", CONVERSATION, 503).add().entry("GET", "https://chatgpt.com/backend-api/models", 200)
                        .add().json(), null,
                TriagePath.OUTAGE, "The status page shows an incident for this component.", null, null));
        s.add(new Scenario("1 outage: failures on the product's own hosts, nothing isolated",
                web().page(StatusPageAnswer.NOT_CHECKED).seen(502).check("privateWindow", CheckResult.STILL_FAILS).answers(),
                new HarBuilder().entry("POST", CONVERSATION, 502).responseHeader("server", "cloudflare")
                        .responseHeader("cf-ray", "8a1b2c3d4e5f6a7b-FRA")
                        .body("text/html", "<html><title>chatgpt.com | 502: Bad gateway</title></html>").add()
                        .entry("POST", CONVERSATION, 502).responseHeader("server", "cloudflare").add().json(), null,
                TriagePath.OUTAGE, "The status page was not checked", "Confirm an incident for this component", null));
        s.add(new Scenario("1 stop: it recovers without cleanup",
                web().page(StatusPageAnswer.INCIDENT_THIS_COMPONENT).seen(503).check("privateWindow", CheckResult.STILL_FAILS)
                        .check("otherNetwork", CheckResult.STILL_FAILS).answers(), null, null,
                TriagePath.OUTAGE, null, "it should recover without any cleanup", "clear"));
        s.add(new Scenario("1 not: cleanup fixes it despite the incident",
                web().page(StatusPageAnswer.INCIDENT_THIS_COMPONENT).seen(503).check("clearedSiteData", CheckResult.WORKS)
                        .answers(), null, null,
                TriagePath.BROWSER_STATE, "yet it works after clearing the site's data", "Clearing the site's data fixed it",
                null));
        s.add(new Scenario("1 not: an incident only for another product is context",
                web().page(StatusPageAnswer.INCIDENT_OTHER_PRODUCT).seen(500).check("privateWindow", CheckResult.WORKS).answers(),
                threeServerErrors(), null,
                TriagePath.BROWSER_STATE, ReportVerdict.OTHER_PRODUCT, null, null));
        s.add(new Scenario("1 not: another site's server errors are not the vendor's outage",
                web().page(StatusPageAnswer.NO_INCIDENT).seen(500).check("otherDevice", CheckResult.WORKS).answers(),
                new HarBuilder().entry("POST", "https://eboispangcayxxheoufy.supabase.co/rest/v1/rpc/get_all_users", 500)
                        .body("application/json", "{\"code\":\"XX000\",\"message\":\"internal error\"}").add()
                        .entry("POST", "https://eboispangcayxxheoufy.supabase.co/rest/v1/rpc/get_all_users", 500).add()
                        .entry("GET", "https://eboispangcayxxheoufy.supabase.co/rest/v1/profiles", 500).add().json(), null,
                TriagePath.BROWSER_STATE, "went to ChatGPT or the OpenAI API", "a HAR captured on the failing page itself",
                null));

        // 2. only one browser or profile fails -> stale session, corrupted site data, extension conflict
        s.add(new Scenario("2 browser: only one browser fails, an extension blocks the app",
                web().seen(0).check("otherBrowser", CheckResult.WORKS).answers(),
                new HarBuilder().entry("GET", "https://chatgpt.com/backend-api/models", 0).netError("net::ERR_BLOCKED_BY_CLIENT")
                        .add().entry("GET", "https://chatgpt.com/backend-api/me", 200).add().json(), null,
                TriagePath.BROWSER_STATE, "It works in another browser.", null, null));
        s.add(new Scenario("2 browser: a Cloudflare challenge loop, nothing isolated",
                web().seen(403).answers(),
                new HarBuilder().entry("GET", "https://chatgpt.com/backend-api/conversations", 403)
                        .responseHeader("cf-mitigated", "challenge").responseHeader("server", "cloudflare")
                        .body("text/html", "<!DOCTYPE html><html><head><title>Just a moment...</title></head></html>").add()
                        .json(), null,
                TriagePath.BROWSER_STATE, "Cloudflare challenge", "Try a private window", null));
        s.add(new Scenario("2 stop: a clean browser context works (private window, three 500s)",
                web().page(StatusPageAnswer.NO_INCIDENT).seen(500).check("privateWindow", CheckResult.WORKS).answers(),
                threeServerErrors(), null,
                TriagePath.BROWSER_STATE, "do not overturn a clean isolation result",
                "A clean browser context works, so the service is up", "Try a private window"));
        s.add(new Scenario("2 stop: extensions off works",
                web().check("privateWindow", CheckResult.STILL_FAILS).check("extensionsOff", CheckResult.WORKS).answers(),
                null, "15:23:58.001 GET https://chatgpt.com/backend-api/models net::ERR_BLOCKED_BY_CLIENT\n",
                TriagePath.BROWSER_STATE, "It works with extensions off.", "an extension breaks it", null));

        // 3. company Wi-Fi fails, hotspot works -> VPN, firewall, secure DNS, TLS inspection, URL filtering
        s.add(new Scenario("3 network: company Wi-Fi fails, hotspot works (500s in the capture)",
                web().page(StatusPageAnswer.NO_INCIDENT).seen(500).check("privateWindow", CheckResult.STILL_FAILS)
                        .check("otherNetwork", CheckResult.WORKS).answers(),
                threeServerErrors(), null,
                TriagePath.NETWORK_POLICY, "It works on another network (hotspot).", "ask IT to allowlist",
                "Try another network"));
        s.add(new Scenario("3 network: a filtering proxy's block page, nothing isolated",
                web().seen(403).answers(),
                new HarBuilder().entry("POST", "https://chatgpt.com/backend-api/sentinel/chat-requirements", 0)
                        .netError("net::ERR_CERT_AUTHORITY_INVALID").add()
                        .entry("GET", "https://chatgpt.com/backend-api/models", 403)
                        .body("text/html", "<html><head><title>Website blocked</title></head><body>Zscaler has blocked"
                                + " this site per company policy</body></html>").add().json(), null,
                TriagePath.NETWORK_POLICY, "Zscaler", "Try another network (a phone hotspot)", null));
        s.add(new Scenario("3 stop: it works with the VPN off",
                web().check("vpnOff", CheckResult.WORKS).answers(), null,
                "15:23:58.001 GET https://chatgpt.com/backend-api/me net::ERR_CONNECTION_RESET\n",
                TriagePath.NETWORK_POLICY, "It works with the VPN off.", "ask IT to allowlist", null));

        // 4. web app fails, API calls succeed -> web or auth/session path
        s.add(new Scenario("4 web-only: the app works, the web's session is refused",
                web().seen(401).check("appVsWeb", CheckResult.WORKS).answers(), null,
                "15:23:58.001 GET https://chatgpt.com/backend-api/me 401 (Unauthorized)\n",
                TriagePath.WEB_ONLY, "It works in the app, and only the web fails.",
                "The app works, so the account and the service are fine", null));
        s.add(new Scenario("4 stop: the API and the app are healthy, the problem is web-only",
                web().check("appVsWeb", CheckResult.WORKS).check("privateWindow", CheckResult.STILL_FAILS).answers(),
                threeServerErrors(), null,
                TriagePath.WEB_ONLY, "The web session failing also makes the service's requests fail",
                "keep API troubleshooting separate", "try a private window"));

        // 5. API returns 500/503 across retries -> server-side problem or overload
        s.add(new Scenario("5 api-server: 503 across retries, backoff did not help",
                api().seen(503).retried("true").answers(),
                new HarBuilder().entry("POST", RESPONSES, 503).responseHeader("x-request-id", "req_7a11e7c0a5ca1e5eeded7a11e7c0a5ca")
                        .body("application/json", "{\"error\":{\"message\":\"The engine is currently overloaded\","
                                + "\"type\":\"server_error\",\"param\":null,\"code\":null}}").add()
                        .entry("POST", RESPONSES, 503).add().entry("POST", RESPONSES, 500).add().json(), null,
                TriagePath.API_SERVER, "Retries with exponential backoff did not help", "send support the x-request-id",
                "Retry with exponential backoff"));
        s.add(new Scenario("5 stop: it stabilises with backoff",
                api().seen(503).retried("helped").answers(),
                new HarBuilder().entry("POST", RESPONSES, 503).add().entry("POST", RESPONSES, 200).add().json(), null,
                TriagePath.API_SERVER, "Retries with exponential backoff helped", "Backoff got the calls through", null));

        // the API error table: 429 told apart by its code, 401/403 access, 400/422 request, connection errors network
        s.add(new Scenario("api 429 rate_limit_exceeded",
                api().seen(429).answers(),
                new HarBuilder().entry("POST", RESPONSES, 429).responseHeader("x-ratelimit-remaining-requests", "0")
                        .body("application/json", "{\"error\":{\"message\":\"Rate limit reached for gpt-4.1\",\"type\":"
                                + "\"requests\",\"param\":null,\"code\":\"rate_limit_exceeded\"}}").add().json(), null,
                TriagePath.API_RATE_LIMIT, "rate_limit_exceeded", "Slow down", null));
        s.add(new Scenario("api 429 insufficient_quota",
                api().seen(429).answers(),
                new HarBuilder().entry("POST", RESPONSES, 429).body("application/json", "{\"error\":{\"message\":"
                        + "\"You exceeded your current quota\",\"type\":\"insufficient_quota\",\"param\":null,\"code\":"
                        + "\"insufficient_quota\"}}").add().json(), null,
                TriagePath.API_QUOTA, "insufficient_quota", "Retrying will not help", null));
        s.add(new Scenario("api 401 access",
                api().seen(401).answers(),
                new HarBuilder().entry("POST", RESPONSES, 401).body("application/json", "{\"error\":{\"message\":"
                        + "\"Incorrect API key provided\",\"type\":\"invalid_request_error\",\"param\":null,\"code\":"
                        + "\"invalid_api_key\"}}").add().json(), null,
                TriagePath.API_ACCESS, "invalid_api_key", null, null));
        s.add(new Scenario("api 403 access", api().seen(403).answers(), null, null,
                TriagePath.API_ACCESS, "HTTP 403", null, null));
        s.add(new Scenario("api 400 request",
                api().seen(400).answers(),
                new HarBuilder().entry("POST", RESPONSES, 400).body("application/json", "{\"error\":{\"message\":"
                        + "\"Invalid value\",\"type\":\"invalid_request_error\",\"param\":\"model\",\"code\":"
                        + "\"invalid_value\"}}").add().json(), null,
                TriagePath.API_REQUEST, "invalid_value", "Fix the request", null));
        s.add(new Scenario("api 422 request", api().seen(422).answers(), null, null,
                TriagePath.API_REQUEST, "HTTP 422", null, null));
        s.add(new Scenario("api connection errors",
                api().answers(),
                new HarBuilder().entry("POST", RESPONSES, 0).netError("net::ERR_CONNECTION_TIMED_OUT").add()
                        .entry("POST", RESPONSES, 0).netError("net::ERR_CONNECTION_TIMED_OUT").add().json(), null,
                TriagePath.NETWORK_POLICY, "api.openai.com", "api.openai.com", null));

        // a capture of another site: said plainly, a capture of the failing page asked for
        s.add(new Scenario("no product host in the capture",
                web().page(StatusPageAnswer.NO_INCIDENT).answers(),
                new HarBuilder().entry("GET", "https://http2bin.org/status/500", 500).add()
                        .entry("GET", "https://http2bin.org/get", 200).add().json(), null,
                TriagePath.UNKNOWN, "None of the 2 requests in capture.har went to ChatGPT or the OpenAI API",
                "attach a HAR captured on the failing page itself", null));
        return s.stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void theVerdictFollowsTheMatrix(Scenario scenario) throws IOException {
        long id = tickets.startDraft().ticket().getId();
        tickets.answer(id, scenario.answers());
        if (scenario.har() != null) {
            Path har = Files.writeString(dir.resolve("capture.har"), scenario.har(), StandardCharsets.UTF_8);
            reports.addUpload(id, new Upload(har, "capture.har", Files.size(har), EvidenceKind.HAR));
        }
        if (scenario.console() != null) {
            reports.addPastedConsole(id, scenario.console());
        }
        Verdict v = reports.review(id).verdict();
        TABLE.put(scenario.row(), "| " + scenario.row() + " | " + v.path().id() + " |");

        assertThat(v.path()).as("%s: %s", scenario.row(), v.reasons()).isEqualTo(scenario.path());
        if (scenario.reason() != null) {
            assertThat(v.reasons()).as(scenario.row()).anyMatch(r -> r.contains(scenario.reason()));
        }
        if (scenario.next() != null) {
            assertThat(v.nextStep()).as(scenario.row()).contains(scenario.next());
        }
        if (scenario.notNext() != null) {
            assertThat(v.nextStep()).as(scenario.row()).doesNotContainIgnoringCase(scenario.notNext());
        }
    }

    @AfterAll
    static void writeTable() throws IOException {
        Path target = Path.of("target");
        if (!Files.isDirectory(target) || TABLE.isEmpty()) {
            return;
        }
        List<String> lines = new ArrayList<>(List.of("| scenario | path |", "|---|---|"));
        lines.addAll(TABLE.values());
        Files.write(target.resolve("triage-matrix.md"), lines, StandardCharsets.UTF_8);
    }

    private static String threeServerErrors() {
        return new HarBuilder().entry("POST", CONVERSATION, 500)
                .body("application/json", "{\"detail\":\"Something went wrong\"}").add()
                .entry("POST", CONVERSATION, 500).add().entry("POST", CONVERSATION, 500).add()
                .entry("GET", "https://chatgpt.com/backend-api/models", 200).add().json();
    }

    private static Answers web() {
        return new Answers(Product.CHATGPT_WEB);
    }

    private static Answers api() {
        return new Answers(Product.OPENAI_API);
    }

    /** The form's answers, built as a reporter gives them. */
    private static final class Answers {
        private final Product product;
        private StatusPageAnswer page = StatusPageAnswer.NOT_CHECKED;
        private Integer seen;
        private String retried;
        private final Map<String, CheckResult> checks = new LinkedHashMap<>();

        Answers(Product product) {
            this.product = product;
        }

        Answers page(StatusPageAnswer p) {
            page = p;
            return this;
        }

        Answers seen(int status) {
            seen = status == 0 ? null : status;
            return this;
        }

        Answers check(String name, CheckResult r) {
            checks.put(name, r);
            return this;
        }

        Answers retried(String answer) {
            retried = answer;
            return this;
        }

        ReportAnswers answers() {
            ReportAnswers.Checks c = new ReportAnswers.Checks(checks.get("privateWindow"), checks.get("clearedSiteData"),
                    checks.get("extensionsOff"), checks.get("otherBrowser"), checks.get("otherDevice"),
                    checks.get("otherNetwork"), checks.get("vpnOff"), checks.get("appVsWeb"));
            ApiContext retry = new ApiContext();
            retry.setRetryAnswer(retried);
            ReportAnswers.Api a = product.isApi() ? new ReportAnswers.Api("gpt-5", "/v1/responses", "standard", "org-abc",
                    null, 40, retry.getRetriedWithBackoff(), null, retry.getBackoffHelped()) : null;
            return new ReportAnswers(product, null, "It fails", seen, null, "UTC", null, "Pat", null,
                    "What the reporter wrote", page, c, a, null);
        }
    }
}
