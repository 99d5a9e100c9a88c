package dev.triagedesk.summary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triagedesk.evidence.ErrorDetail;
import dev.triagedesk.evidence.SignalType;
import dev.triagedesk.evidence.TriagePath;
import dev.triagedesk.evidence.Verdict;
import dev.triagedesk.evidence.triage.EvidenceTally;
import dev.triagedesk.evidence.triage.FailureClassifier;
import dev.triagedesk.evidence.triage.TriageRules;
import dev.triagedesk.statuspage.OfficialIncident;
import dev.triagedesk.statuspage.OfficialIncidents;
import dev.triagedesk.ticket.CheckResult;
import dev.triagedesk.ticket.Product;
import dev.triagedesk.ticket.StatusPageAnswer;
import dev.triagedesk.ticket.Ticket;
import dev.triagedesk.ticket.WebChecks;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The rule table of {@link ReportVerdict}: the reporter's answers and the evidence's tally to a path, its reasons
 * and its next step. Evidence is written as {@code status[:code]@url[*times]} or {@code SIGNAL@url}, separated by
 * {@code ;}; checks as {@code privateWindow=WORKS,otherNetwork=STILL_FAILS}.
 */
class ReportVerdictTests {

    private static final String CHAT = "https://chatgpt.com/backend-api/conversation";
    private static final String API = "https://api.openai.com/v1/responses";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # case                                                   | product     | status page             | checks                                    | seen | evidence                               | path
            # a clean isolation result decides the branch; failures refine it
            private window works, three 500s from chatgpt.com       | CHATGPT_WEB | NO_INCIDENT             | privateWindow=WORKS                       | 500  | 500@CHAT*3                             | BROWSER_STATE
            cleared site data works                                  | CHATGPT_WEB | NOT_CHECKED             | clearedSiteData=WORKS                     | -    | -                                      | BROWSER_STATE
            extensions off works, extension blocks chatgpt.com       | CHATGPT_WEB | -                       | extensionsOff=WORKS                       | -    | BLOCKED_BY_CLIENT@CHAT                 | BROWSER_STATE
            another browser works                                    | CHATGPT_WEB | -                       | otherBrowser=WORKS                        | -    | -                                      | BROWSER_STATE
            company Wi-Fi fails, hotspot works, 500s                 | CHATGPT_WEB | NO_INCIDENT             | privateWindow=STILL_FAILS,otherNetwork=WORKS | 500 | 500@CHAT*3                          | NETWORK_POLICY
            VPN off works                                            | CHATGPT_WEB | -                       | vpnOff=WORKS                              | -    | -                                      | NETWORK_POLICY
            app works, web fails                                     | CHATGPT_WEB | -                       | appVsWeb=WORKS                            | -    | 401:token_expired@CHAT                 | WEB_ONLY
            web works, desktop app fails                             | DESKTOP_APP | -                       | appVsWeb=WORKS                            | -    | -                                      | WEB_ONLY
            private window and hotspot both work: the cheaper check  | CHATGPT_WEB | -                       | privateWindow=WORKS,otherNetwork=WORKS    | -    | -                                      | BROWSER_STATE
            hotspot works despite an incident for the component      | CHATGPT_WEB | INCIDENT_THIS_COMPONENT | otherNetwork=WORKS                        | 503  | 503@CHAT*5                             | NETWORK_POLICY
            incident of another product, private window works        | CHATGPT_WEB | INCIDENT_OTHER_PRODUCT  | privateWindow=WORKS                       | 500  | 500@CHAT*3                             | BROWSER_STATE
            # without one: the outage needs the product itself
            incident for this component                              | CHATGPT_WEB | INCIDENT_THIS_COMPONENT | privateWindow=STILL_FAILS                 | 503  | -                                      | OUTAGE
            failures on the product's hosts, nothing isolated        | CHATGPT_WEB | NOT_CHECKED             | privateWindow=STILL_FAILS                 | 500  | 500@CHAT*3                             | OUTAGE
            Cloudflare 52x from the product's origin                 | CHATGPT_WEB | -                       | -                                         | 522  | 522@CHAT*2;CLOUDFLARE_ORIGIN_ERROR@CHAT | OUTAGE
            incident of another product only                         | CHATGPT_WEB | INCIDENT_OTHER_PRODUCT  | -                                         | 500  | -                                      | UNKNOWN
            another site's 500s, another device works                | CHATGPT_WEB | NO_INCIDENT             | otherDevice=WORKS                         | 500  | 500@https://x.supabase.co/rest/v1/rpc/a*3 | BROWSER_STATE
            another site's 500s only                                 | CHATGPT_WEB | NO_INCIDENT             | -                                         | 500  | 500@https://x.supabase.co/rest/v1/rpc/a*3 | UNKNOWN
            fails everywhere, nothing from the product               | CHATGPT_WEB | NO_INCIDENT             | privateWindow=STILL_FAILS,otherBrowser=STILL_FAILS,otherNetwork=STILL_FAILS | 500 | - | UNKNOWN
            fails everywhere, 500s from chatgpt.com                  | CHATGPT_WEB | NO_INCIDENT             | privateWindow=STILL_FAILS,otherBrowser=STILL_FAILS,otherNetwork=STILL_FAILS | 500 | 500@CHAT | OUTAGE
            TLS interception outweighs a few 500s                    | CHATGPT_WEB | NOT_CHECKED             | -                                         | -    | TLS_INTERCEPTION@CHAT*2;500@CHAT      | NETWORK_POLICY
            a Cloudflare challenge                                   | CHATGPT_WEB | -                       | -                                         | 403  | CLOUDFLARE_CHALLENGE@CHAT              | BROWSER_STATE
            nothing at all                                           | CHATGPT_WEB | -                       | -                                         | -    | -                                      | UNKNOWN
            # the API path
            429 rate limit                                           | OPENAI_API  | NO_INCIDENT             | -                                         | 429  | 429:rate_limit_exceeded@API*3          | API_RATE_LIMIT
            429 exhausted quota                                      | OPENAI_API  | NO_INCIDENT             | -                                         | 429  | 429:insufficient_quota@API            | API_QUOTA
            401 access                                               | OPENAI_API  | -                       | -                                         | 401  | 401:invalid_api_key@API               | API_ACCESS
            403 access                                               | OPENAI_API  | -                       | -                                         | 403  | -                                      | API_ACCESS
            400 request                                              | OPENAI_API  | -                       | -                                         | 400  | 400:invalid_value@API                 | API_REQUEST
            422 request                                              | OPENAI_API  | -                       | -                                         | 422  | -                                      | API_REQUEST
            5xx across retries                                       | OPENAI_API  | NO_INCIDENT             | -                                         | 503  | 503@API*4                              | API_SERVER
            connection errors                                        | OPENAI_API  | -                       | -                                         | -    | 0@API*3                                | NETWORK_POLICY
            incident for the API component                           | OPENAI_API  | INCIDENT_THIS_COMPONENT | -                                         | 500  | -                                      | OUTAGE
            an API report's web checks are not weighed               | OPENAI_API  | -                       | privateWindow=WORKS                       | 500  | 500@API                                | API_SERVER
            """)
    void theMatrix(String name, Product product, StatusPageAnswer page, String checks, Integer seen, String evidence,
                   TriagePath path) {
        Ticket t = ticket(product, page, checks, seen, null);
        assertThat(ReportVerdict.decide(t, tally(evidence), List.of()).path()).isEqualTo(path);
    }

    @Test
    void aCleanPrivateWindowKeepsTheBrowserBranchAndSaysTheFailuresOnlyRefineIt() {
        Verdict v = decide(ticket(Product.CHATGPT_WEB, StatusPageAnswer.NO_INCIDENT, "privateWindow=WORKS", 500, null),
                "500@CHAT*3");
        assertThat(v.path()).isEqualTo(TriagePath.BROWSER_STATE);
        assertThat(v.reasons().get(0)).isEqualTo("It works in a private window.");
        assertThat(v.reasons()).contains("The failures on the service's own hosts fit this branch too: 3× HTTP 500 from"
                + " chatgpt.com (capture.har entries 0, 1, 2). A broken session, stale site data or an extension also"
                + " makes the service's requests fail; they refine this branch and do not overturn a clean isolation"
                + " result.");
        // the stop condition is met: no "try a private window" any more
        assertThat(v.nextStep()).startsWith("A clean browser context works, so the service is up")
                .doesNotContain("Try a private window");
    }

    @Test
    void aHotspotThatWorksSendsTheReporterToItNotBackToTryingIt() {
        Verdict v = decide(ticket(Product.CHATGPT_WEB, null, "otherNetwork=WORKS", null, null), "");
        assertThat(v.reasons()).startsWith("It works on another network (hotspot).");
        assertThat(v.nextStep()).startsWith("It works on an unfiltered network").contains("allowlist chatgpt.com")
                .doesNotContain("Try another network");
    }

    @Test
    void anIncidentOfAnotherProductIsContextOnly() {
        Verdict v = decide(ticket(Product.CHATGPT_WEB, StatusPageAnswer.INCIDENT_OTHER_PRODUCT, "privateWindow=WORKS",
                null, null), "");
        assertThat(v.path()).isEqualTo(TriagePath.BROWSER_STATE);
        assertThat(v.reasons()).contains(ReportVerdict.OTHER_PRODUCT);

        Verdict alone = decide(ticket(Product.CHATGPT_WEB, StatusPageAnswer.INCIDENT_OTHER_PRODUCT, null, 500, null), "");
        assertThat(alone.path()).isEqualTo(TriagePath.UNKNOWN);
        assertThat(alone.reasons()).contains(ReportVerdict.OTHER_PRODUCT)
                .anyMatch(r -> r.startsWith("Nothing yet ties it to the service"));
    }

    @Test
    void anOfficialIncidentForTheComponentCountsAsTheReportersAnswer() {
        OfficialIncidents.Coverage official = new OfficialIncidents.Coverage(new OfficialIncident("abc",
                "Elevated error rates", "resolved", "major", Instant.parse("2026-01-07T11:50:00Z"),
                Instant.parse("2026-01-07T12:30:00Z"), List.of("ChatGPT"), "https://status.example.com/incidents/abc"),
                "ChatGPT");
        for (Product product : List.of(Product.CHATGPT_WEB, Product.OPENAI_API)) {
            Ticket t = ticket(product, StatusPageAnswer.NOT_CHECKED, "privateWindow=STILL_FAILS", 503, null);
            assertThat(ReportVerdict.decide(t, tally(""), List.of()).path()).isNotEqualTo(TriagePath.OUTAGE);
            Verdict v = ReportVerdict.decide(t, tally(""), List.of(), official);
            assertThat(v.path()).isEqualTo(TriagePath.OUTAGE);
            assertThat(v.reasons()).contains("The vendor's status page had an incident for ChatGPT at the failure time:"
                    + " \"Elevated error rates\" (major, resolved).");
        }
        // with the reporter's answer too it weighs once: the same fact
        Ticket both = ticket(Product.CHATGPT_WEB, StatusPageAnswer.INCIDENT_THIS_COMPONENT, "privateWindow=STILL_FAILS", 503,
                null);
        assertThat(ReportVerdict.decide(both, tally(""), List.of(), official).reasons())
                .noneMatch(r -> r.equals("The status page shows an incident for this component."));
    }

    @Test
    void anIncidentForTheComponentIsNamedWhenACleanContextStillWorks() {
        Verdict v = decide(ticket(Product.CHATGPT_WEB, StatusPageAnswer.INCIDENT_THIS_COMPONENT, "otherNetwork=WORKS",
                503, null), "503@CHAT*5");
        assertThat(v.path()).isEqualTo(TriagePath.NETWORK_POLICY);
        assertThat(v.reasons()).anyMatch(r -> r.startsWith("The status page shows an incident for this component, yet"
                + " it works on another network (hotspot)"));
    }

    @Test
    void answersThatDisagreeWithAnOutageAreNamed() {
        Verdict v = decide(ticket(Product.CHATGPT_WEB, StatusPageAnswer.NO_INCIDENT, "otherDevice=WORKS", 500, null),
                "500@CHAT*4");
        assertThat(v.path()).isEqualTo(TriagePath.OUTAGE);
        assertThat(v.reasons()).anyMatch(r -> r.startsWith("The reporter found no incident on the status page, which"
                + " disagrees")).anyMatch(r -> r.startsWith("It works on another device, which does not fit a service"
                + " outage"));
        assertThat(v.nextStep()).startsWith("Confirm an incident for this component on the status page, and rule out"
                + " the reporter's side with a private window and another network (a phone hotspot)");

        Verdict unchecked = decide(ticket(Product.CHATGPT_WEB, StatusPageAnswer.NOT_CHECKED, "privateWindow=STILL_FAILS,"
                + "otherNetwork=STILL_FAILS", 500, null), "500@CHAT*4");
        assertThat(unchecked.reasons()).contains("The status page was not checked: confirm an incident for this"
                + " component there.");
        assertThat(unchecked.nextStep()).isEqualTo("Confirm an incident for this component on the status page; then"
                + " wait 10-30 minutes and retry on a fresh page load.");
    }

    @Test
    void anIncidentForTheComponentRecoversWithoutCleanup() {
        Verdict v = decide(ticket(Product.CHATGPT_WEB, StatusPageAnswer.INCIDENT_THIS_COMPONENT,
                "privateWindow=STILL_FAILS,clearedSiteData=STILL_FAILS", 503, null), "503@CHAT*2");
        assertThat(v.path()).isEqualTo(TriagePath.OUTAGE);
        assertThat(v.reasons().get(0)).isEqualTo("The status page shows an incident for this component.");
        assertThat(v.nextStep()).startsWith("Wait 10-30 minutes and retry on a fresh page load: it should recover"
                + " without any cleanup");
    }

    @Test
    void anotherSitesFailuresNeverMakeAnOutage() {
        Verdict v = decide(ticket(Product.CHATGPT_WEB, StatusPageAnswer.NO_INCIDENT, "otherDevice=WORKS", 500, null),
                "500@https://x.supabase.co/rest/v1/rpc/a*3");
        assertThat(v.path()).isEqualTo(TriagePath.BROWSER_STATE);
        assertThat(v.reasons()).startsWith("It works on another device: only this device fails, so its browser (or its"
                + " network) is the likelier cause.");
    }

    @Test
    void aCaptureOfAnotherSiteIsSaidPlainlyAndAFailingPageCaptureAskedFor() {
        Ticket t = ticket(Product.CHATGPT_WEB, StatusPageAnswer.NO_INCIDENT, "otherNetwork=WORKS", null, null);
        Verdict v = ReportVerdict.decide(t, tally("404@https://x.supabase.co/rest/v1/rpc/a"),
                List.of(new ReportVerdict.Capture("capture.har", 2, 0L)));
        assertThat(v.reasons().get(0)).isEqualTo("It works on another network (hotspot).");
        assertThat(v.reasons().get(1)).startsWith("None of the 2 requests in capture.har went to ChatGPT or the OpenAI"
                + " API (chatgpt.com, chat.openai.com, api.openai.com");
        assertThat(v.nextStep()).endsWith("Also attach a HAR captured on the failing page itself (DevTools > Network,"
                + " reproduce, Export HAR) and its console log: the capture attached shows another site.");

        // a second capture of the failing page: the other one is still named, but nothing more is asked for
        Verdict two = ReportVerdict.decide(t, tally(""), List.of(new ReportVerdict.Capture("other.har", 5, 0L),
                new ReportVerdict.Capture("chatgpt.har", 9, 9L)));
        assertThat(two.reasons()).anyMatch(r -> r.startsWith("None of the 5 requests in other.har"));
        assertThat(two.nextStep()).doesNotContain("attach a HAR");

        // an older HAR whose product requests were not counted says nothing
        Verdict old = ReportVerdict.decide(t, tally(""), List.of(new ReportVerdict.Capture("old.har", 5, null)));
        assertThat(old.reasons()).noneMatch(r -> r.contains("old.har"));

        Verdict unknown = ReportVerdict.decide(ticket(Product.CHATGPT_WEB, null, null, null, null),
                tally("500@https://x.supabase.co/rest/v1/rpc/a"), List.of(new ReportVerdict.Capture("capture.har", 1, 0L)));
        assertThat(unknown.path()).isEqualTo(TriagePath.UNKNOWN);
        assertThat(unknown.reasons().get(0)).startsWith("The only request in capture.har did not go to ChatGPT or the"
                + " OpenAI API").contains("it shows another site");
        assertThat(unknown.reasons().get(1)).isEqualTo(TriageRules.UNPLACED);
        assertThat(unknown.nextStep()).isEqualTo("The capture attached shows another site: attach a HAR captured on the"
                + " failing page itself (DevTools > Network, reproduce, Export HAR) and its console log.");
    }

    @Test
    void apiRetriesThatDidNotHelpAreNotMetWithRetryWithBackoff() {
        Ticket t = ticket(Product.OPENAI_API, StatusPageAnswer.NO_INCIDENT, null, 503, "true");
        Verdict v = decide(t, "503@API*4");
        assertThat(v.path()).isEqualTo(TriagePath.API_SERVER);
        assertThat(v.reasons()).contains("Retries with exponential backoff did not help: the failures persist across"
                + " retries.").anyMatch(r -> r.startsWith("The status page shows no incident: its availability figures"
                + " are aggregates"));
        assertThat(v.nextStep()).startsWith("Retrying more will not help: send support the x-request-id values")
                .doesNotContainIgnoringCase("retry with exponential backoff");
    }

    @Test
    void apiRetriesThatHelpedMeetTheStopCondition() {
        Verdict v = decide(ticket(Product.OPENAI_API, StatusPageAnswer.NO_INCIDENT, null, 503, "helped"), "503@API*2");
        assertThat(v.path()).isEqualTo(TriagePath.API_SERVER);
        assertThat(v.reasons()).anyMatch(r -> r.startsWith("Retries with exponential backoff helped"));
        assertThat(v.nextStep()).startsWith("Backoff got the calls through, so the failures were transient");

        Verdict untried = decide(ticket(Product.OPENAI_API, StatusPageAnswer.NO_INCIDENT, null, 503, "false"), "503@API");
        assertThat(untried.nextStep()).isEqualTo(TriagePath.API_SERVER.nextStep());
    }

    @Test
    void a429ReportedWithoutCaptureIsToldApartByTheCodeInItsMessage() {
        Ticket quota = ticket(Product.OPENAI_API, null, null, 429, null);
        quota.setSeenMessage("Error code: 429 - You exceeded your current quota, please check your plan and billing details.");
        assertThat(decide(quota, "").path()).isEqualTo(TriagePath.API_QUOTA);

        Ticket rate = ticket(Product.OPENAI_API, null, null, 429, null);
        rate.setSeenMessage("RateLimitError: rate_limit_exceeded");
        assertThat(decide(rate, "").path()).isEqualTo(TriagePath.API_RATE_LIMIT);

        Ticket bare = ticket(Product.OPENAI_API, null, null, 429, "true");
        Verdict v = decide(bare, "");
        assertThat(v.path()).isEqualTo(TriagePath.API_RATE_LIMIT);
        assertThat(v.reasons()).anyMatch(r -> r.contains("the error code tells which"))
                .contains("Retries with exponential backoff did not help.");
        assertThat(v.nextStep()).startsWith("Backoff alone did not clear it");
    }

    @Test
    void anApiConnectionErrorIsTheNetwork() {
        Ticket t = ticket(Product.OPENAI_API, null, null, null, null);
        t.setSeenMessage("openai.APIConnectionError: Connection error.");
        Verdict v = decide(t, "");
        assertThat(v.path()).isEqualTo(TriagePath.NETWORK_POLICY);
        assertThat(v.nextStep()).contains("api.openai.com");
    }

    @Test
    void aNativeAppsCertificateErrorPointsAtTlsInspection() {
        Ticket t = ticket(Product.DESKTOP_APP, null, "appVsWeb=WORKS", null, null);
        t.setSeenMessage("Network configuration issue");
        Verdict v = decide(t, "");
        assertThat(v.path()).isEqualTo(TriagePath.NETWORK_POLICY);
        assertThat(v.reasons().get(0)).isEqualTo("It works on the web, and only the app fails.");
    }

    // ---- helpers ----

    private static Verdict decide(Ticket t, String evidence) {
        return ReportVerdict.decide(t, tally(evidence), List.of());
    }

    static Ticket ticket(Product product, StatusPageAnswer page, String checks, Integer seen, String retried) {
        Ticket t = new Ticket("hash", Instant.parse("2026-01-07T12:00:00Z"));
        t.setProduct(product);
        t.setStatusPage(page);
        t.setSeenStatus(seen);
        t.getApi().setRetryAnswer(retried);
        WebChecks c = t.getChecks();
        if (checks != null) {
            for (String check : checks.split(",")) {
                String[] kv = check.split("=");
                CheckResult r = CheckResult.valueOf(kv[1]);
                switch (kv[0]) {
                    case "privateWindow" -> c.setPrivateWindow(r);
                    case "clearedSiteData" -> c.setClearedSiteData(r);
                    case "extensionsOff" -> c.setExtensionsOff(r);
                    case "otherBrowser" -> c.setOtherBrowser(r);
                    case "otherDevice" -> c.setOtherDevice(r);
                    case "otherNetwork" -> c.setOtherNetwork(r);
                    case "vpnOff" -> c.setVpnOff(r);
                    case "appVsWeb" -> c.setAppVsWeb(r);
                    default -> throw new IllegalArgumentException(kv[0]);
                }
            }
        }
        return t;
    }

    /** {@code 500@CHAT*3;429:insufficient_quota@API;TLS_INTERCEPTION@CHAT}. */
    static EvidenceTally tally(String evidence) {
        EvidenceTally tally = new EvidenceTally();
        if (evidence == null || evidence.isBlank()) {
            return tally;
        }
        int entry = 0;
        for (String item : evidence.split(";")) {
            String[] times = item.split("\\*");
            int n = times.length > 1 ? Integer.parseInt(times[1]) : 1;
            String[] at = times[0].split("@", 2);
            String url = at[1].replace("CHAT", CHAT).replace("API", API);
            for (int i = 0; i < n; i++) {
                if (Character.isDigit(at[0].charAt(0))) {
                    String[] sc = at[0].split(":");
                    int status = Integer.parseInt(sc[0]);
                    ErrorDetail error = sc.length > 1 ? new ErrorDetail(sc[1].contains("quota") ? sc[1] : null, sc[1], null,
                            null) : null;
                    String netError = status == 0 ? "net::ERR_CONNECTION_REFUSED" : null;
                    TriageRules.failure(tally, url, status, netError, error,
                            FailureClassifier.classify(status, netError, error), "capture.har entry", entry++);
                } else {
                    TriageRules.signal(tally, SignalType.valueOf(at[0]), url, null, "capture.har entry", entry++);
                }
            }
        }
        return tally;
    }
}
