package dev.triagedesk.report.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.triagedesk.evidence.Corpus;
import dev.triagedesk.report.ReportService;
import dev.triagedesk.support.TicketFixtures;
import dev.triagedesk.support.TriageDeskTest;
import dev.triagedesk.ticket.CheckResult;
import dev.triagedesk.ticket.Product;
import dev.triagedesk.ticket.StatusPageAnswer;
import dev.triagedesk.ticket.Ticket;
import dev.triagedesk.ticket.TicketRepository;
import dev.triagedesk.ticket.TicketService;
import java.nio.file.Files;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The guided form step by step, through the real controllers, templates, services and database. A database and
 * data folder apart from the shared one, used by the classes whose tickets carry request and conversation IDs that
 * other tests look up expecting only their own tickets (the form's tests, {@code MarkdownNoteTests}): one context
 * for all of them.
 */
@TriageDeskTest
@TestPropertySource(properties = {"spring.datasource.url=jdbc:h2:mem:report-form;DB_CLOSE_DELAY=-1",
        "triage.data-dir=target/test-data/report-form"})
class ReportFormTests {

    /** Form posts as the browser sends them: with the CSRF token the page carries. */
    private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder post(String url) {
        return org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(url).with(csrf());
    }

    private static org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder multipart(String url) {
        return org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart(url).with(csrf());
    }


    static final String HAR = "user-masteralan360-asaas-chrome143-404-body.har";
    static final String CF_RAY = "9ba36dc0cdf1f756-ISU";
    static final String SB_REQUEST_ID = "019b9869-d481-7819-a1b6-fea08d7e5ad5";

    @Autowired
    TicketFixtures fixtures;
    @Autowired
    MockMvc mvc;
    @Autowired
    TicketService tickets;
    @Autowired
    TicketRepository repository;
    @Autowired
    ReportService reports;

    // home and start

    @Test
    void homePageExplainsAndOffersToStartAReport() throws Exception {
        mvc.perform(get("/"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<html lang=\"en\""),
                        containsString("Skip to the content"),
                        containsString("action=\"/report\""), containsString("Report a problem"),
                        containsString("<a href=\"/login\">Help-desk staff: sign in</a>"))));
    }

    @Test
    void startingAReportCreatesADraftAndOpensStepOneAtItsPrivateLink() throws Exception {
        long before = repository.count();
        MvcResult result = mvc.perform(post("/report"))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", matchesPattern("/report/[A-Za-z0-9_-]{43}/what")))
                .andExpect(flash().attribute("messageKey", "flash.draftStarted"))
                .andReturn();
        assertThat(repository.count()).isEqualTo(before + 1);
        String token = result.getResponse().getRedirectedUrl().split("/")[2];
        assertThat(tickets.byToken(token)).get().extracting(Ticket::isDraft).isEqualTo(true);

        mvc.perform(get("/report/" + token + "/what"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("<legend>What fails?</legend>"),
                        containsString("<label for=\"product-CHATGPT_WEB\">ChatGPT on the web</label>"),
                        containsString("<label for=\"product-OPENAI_API\">OpenAI API</label>"),
                        containsString("type=\"datetime-local\""),
                        containsString("aria-current=\"step\""),
                        containsString("Step 1 of 5"))));
    }

    @Test
    void theStartAddressOpenedDirectlyLeadsToTheHomePageWithoutMakingADraft() throws Exception {
        long before = repository.count();
        mvc.perform(get("/report").accept("text/html")).andExpect(redirectedUrl("/"));
        assertThat(repository.count()).isEqualTo(before);
    }

    // step 1

    @Test
    void stepOneShowsEachErrorNextToItsFieldAndKeepsWhatWasTyped() throws Exception {
        String token = draft();
        String page = mvc.perform(post("/report/" + token + "/what").param("nav", "next")
                        .param("seenStatus", "abc").param("reporterEmail", "not-an-email")
                        .param("timeZone", "Mars/Olympus").param("productDetail", "Chrome 143"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("class=\"error-summary\" role=\"alert\"")
                .contains("<a href=\"#product-CHATGPT_WEB\">What fails? – Choose what fails</a>")
                .contains("id=\"seenStatus-error\"")
                .contains("Enter the status code as a number, such as 500")
                .contains("Must be an email address such as pat@example.com")
                .contains("Must be a time zone such as Europe/Paris or +02:00")
                .contains("Say what you see, even roughly")
                .doesNotContain("must be an email").doesNotContain(">say what");
        // the summary lists the errors in the order of the page
        String summary = page.substring(page.indexOf("class=\"error-summary\""), page.indexOf("</ul>", page.indexOf("class=\"error-summary\"")));
        assertThat(summary).containsSubsequence("#product", "#seenMessage", "#seenStatus", "#timeZone", "#reporterEmail");
        // the error is tied to its input, and what was typed is still there
        assertThat(inputTag(page, "seenStatus")).contains("aria-describedby=\"seenStatus-hint seenStatus-error\"")
                .contains("aria-invalid=\"true\"").contains("value=\"abc\"");
        assertThat(inputTag(page, "reporterEmail")).contains("value=\"not-an-email\"")
                .contains("aria-describedby=\"reporterEmail-hint reporterEmail-error\"");
        assertThat(inputTag(page, "productDetail")).contains("value=\"Chrome 143\"").doesNotContain("aria-invalid");
        // the valid answers are saved already, the invalid ones are not
        Ticket t = tickets.byToken(token).orElseThrow();
        assertThat(t.getProductDetail()).isEqualTo("Chrome 143");
        assertThat(t.getReporterEmail()).isNull();
        assertThat(t.getStepReached()).isZero();
    }

    @Test
    void aTextOverItsLengthIsToldInWordsNotInBeanValidationsDefault() throws Exception {
        String token = draft();
        String page = mvc.perform(post("/report/" + token + "/what").param("nav", "next")
                        .param("product", "CHATGPT_WEB").param("seenMessage", "Something went wrong")
                        .param("productDetail", "x".repeat(201)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("<a href=\"#productDetail\">Browser or app version – Must be at most 200 characters</a>")
                .doesNotContain("size must be between");
        assertThat(org.jsoup.Jsoup.parse(page).select("#productDetail-error").text())
                .isEqualTo("Error: Must be at most 200 characters");
    }

    @Test
    void stepOneIsSavedAndShownAgainWhenComingBack() throws Exception {
        String token = draft();
        mvc.perform(post("/report/" + token + "/what").param("nav", "next")
                        .param("product", "CHATGPT_WEB").param("productDetail", "Chrome 143")
                        .param("seenMessage", "Something went wrong").param("seenStatus", "404")
                        .param("occurredAt", "2026-01-07T15:23").param("timeZone", "Europe/Istanbul")
                        .param("environment", "Mozilla/5.0 (X11; Linux x86_64)").param("reporterName", "Pat")
                        .param("reporterEmail", "pat@example.com").param("description", "Fails on every send."))
                .andExpect(redirectedUrl("/report/" + token + "/status"))
                .andExpect(flash().attribute("messageKey", "flash.saved"));

        Ticket t = tickets.byToken(token).orElseThrow();
        assertThat(t.getProduct()).isEqualTo(Product.CHATGPT_WEB);
        assertThat(t.getOccurredAt()).isEqualTo(LocalDateTime.of(2026, 1, 7, 15, 23));
        assertThat(t.getTimeZone()).isEqualTo("Europe/Istanbul");
        assertThat(t.getSeenStatus()).isEqualTo(404);
        assertThat(t.getStepReached()).isEqualTo(1);

        String page = mvc.perform(get("/report/" + token + "/what")).andReturn().getResponse().getContentAsString();
        assertThat(inputTag(page, "product-CHATGPT_WEB")).contains("checked");
        assertThat(inputTag(page, "occurredAt")).contains("value=\"2026-01-07T15:23\"");
        assertThat(inputTag(page, "timeZone")).contains("value=\"Europe/Istanbul\"");
        assertThat(inputTag(page, "seenStatus")).contains("value=\"404\"");
        assertThat(page).contains(">Something went wrong</textarea>").contains(">Fails on every send.</textarea>");
    }

    @Test
    void aStepThatCannotBeOpenedYetSendsToTheFurthestOpenOne() throws Exception {
        String token = draft();
        mvc.perform(get("/report/" + token + "/checks")).andExpect(redirectedUrl("/report/" + token + "/what"));
        mvc.perform(get("/report/" + token + "/review")).andExpect(redirectedUrl("/report/" + token + "/what"));
        mvc.perform(get("/report/" + token)).andExpect(redirectedUrl("/report/" + token + "/what"));
    }

    // step 2

    @Test
    void anIncidentForThisComponentShowsTheAdviceAndStillLetsTheReportGoOn() throws Exception {
        String token = fixtures.draftAt(Product.CHATGPT_WEB, 1);
        String plain = mvc.perform(get("/report/" + token + "/status")).andReturn().getResponse().getContentAsString();
        assertThat(plain).contains("https://status.openai.com").contains("rel=\"noreferrer noopener\"");
        assertThat(sectionTag(plain, "incident-advice")).contains("hidden");

        // without the script the advice has not been seen: the answer is saved and the page shows it
        MvcResult first = mvc.perform(post("/report/" + token + "/status").param("nav", "next")
                        .param("statusPage", "INCIDENT_THIS_COMPONENT").param("adviceShown", "false"))
                .andExpect(redirectedUrl("/report/" + token + "/status#incident-advice"))
                .andReturn();
        assertThat(tickets.byToken(token).orElseThrow().getStatusPage()).isEqualTo(StatusPageAnswer.INCIDENT_THIS_COMPONENT);
        String advice = mvc.perform(get("/report/" + token + "/status").flashAttrs(first.getFlashMap()))
                .andReturn().getResponse().getContentAsString();
        assertThat(sectionTag(advice, "incident-advice")).doesNotContain("hidden");
        assertThat(advice).contains("Wait 10 to 30 minutes, then retry on a fresh page load")
                .contains("Your answers so far are saved, and this page&#39;s address brings you back to them.")
                // the way on is the step's own "Save and continue": no second button doing the same
                .doesNotContain("Continue anyway")
                .contains("There is an incident for this component: read the advice below before going on.");
        assertThat(inputTag(advice, "adviceShown")).contains("value=\"true\"");

        // continue anyway
        mvc.perform(post("/report/" + token + "/status").param("nav", "next")
                        .param("statusPage", "INCIDENT_THIS_COMPONENT").param("adviceShown", "true"))
                .andExpect(redirectedUrl("/report/" + token + "/checks"));
        assertThat(tickets.byToken(token).orElseThrow().getStepReached()).isEqualTo(2);
    }

    @Test
    void stepTwoNeedsAnAnswerToGoOnButBackKeepsWhatWasChosen() throws Exception {
        String token = fixtures.draftAt(Product.CHATGPT_WEB, 1);
        mvc.perform(post("/report/" + token + "/status").param("nav", "next"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Choose what the status page shows")));
        mvc.perform(post("/report/" + token + "/status").param("nav", "back").param("statusPage", "NO_INCIDENT"))
                .andExpect(redirectedUrl("/report/" + token + "/what"));
        String page = mvc.perform(get("/report/" + token + "/status")).andReturn().getResponse().getContentAsString();
        assertThat(inputTag(page, "statusPage-NO_INCIDENT")).contains("checked");
        assertThat(inputTag(page, "statusPage-NOT_CHECKED")).doesNotContain("checked");
    }

    // step 3

    @Test
    void theChecklistOfTheWebPathIsRadioGroupsOfTheIsolationSteps() throws Exception {
        String token = fixtures.draftAt(Product.CHATGPT_WEB, 2);
        String page = mvc.perform(get("/report/" + token + "/checks")).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("<legend>In a private (incognito) window</legend>")
                .contains("<legend>On another network</legend>")
                .contains("<legend>With the VPN off</legend>")
                .contains("<label for=\"otherNetwork-STILL_FAILS\">Still fails</label>")
                .doesNotContain("name=\"model\"").doesNotContain("name=\"requestIds\"");
        assertThat(inputTag(page, "privateWindow-NOT_TRIED")).contains("checked");

        mvc.perform(post("/report/" + token + "/checks").param("nav", "next")
                        .param("privateWindow", "STILL_FAILS").param("otherNetwork", "WORKS").param("vpnOff", "WORKS"))
                .andExpect(redirectedUrl("/report/" + token + "/evidence"));
        Ticket t = tickets.byToken(token).orElseThrow();
        assertThat(t.getChecks().getPrivateWindow()).isEqualTo(CheckResult.STILL_FAILS);
        assertThat(t.getChecks().getOtherNetwork()).isEqualTo(CheckResult.WORKS);
        assertThat(t.getChecks().getOtherBrowser()).isEqualTo(CheckResult.NOT_TRIED);
    }

    @Test
    void theChecklistOfTheApiPathAsksWhatSupportNeedsToFindTheCalls() throws Exception {
        String token = fixtures.draftAt(Product.OPENAI_API, 2);
        String page = mvc.perform(get("/report/" + token + "/checks")).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("name=\"model\"").contains("name=\"endpoint\"").contains("name=\"serviceTier\"")
                .contains("name=\"orgId\"").contains("name=\"projectId\"").contains("name=\"failingPercent\"")
                .contains("name=\"retriedWithBackoff\"").contains("name=\"requestIds\"")
                .contains("<label for=\"requestIds\">")
                .doesNotContain("name=\"privateWindow\"");
    }

    @Test
    void retriesWithBackoffCanBeSaidToHaveHelped() throws Exception {
        String token = fixtures.draftAt(Product.OPENAI_API, 2);
        mvc.perform(post("/report/" + token + "/checks").param("nav", "next").param("retriedWithBackoff", "helped"))
                .andExpect(redirectedUrl("/report/" + token + "/evidence"));
        Ticket t = tickets.byToken(token).orElseThrow();
        assertThat(t.getApi().getRetriedWithBackoff()).isTrue();
        assertThat(t.getApi().backoffHelped()).isTrue();
        String page = mvc.perform(get("/report/" + token + "/checks")).andReturn().getResponse().getContentAsString();
        assertThat(inputTag(page, "retriedWithBackoff-helped")).contains("checked");
        assertThat(inputTag(page, "retriedWithBackoff-true")).doesNotContain("checked");
        assertThat(page).contains("Yes, it helped");

        // still failing after retries, then "not sure": each answer replaces the last
        mvc.perform(post("/report/" + token + "/checks").param("nav", "next").param("retriedWithBackoff", "true"));
        assertThat(tickets.byToken(token).orElseThrow().getApi().backoffDidNotHelp()).isTrue();
        mvc.perform(post("/report/" + token + "/checks").param("nav", "next").param("retriedWithBackoff", ""));
        assertThat(tickets.byToken(token).orElseThrow().getApi().retryAnswer()).isNull();
    }

    @Test
    void backSavesWhatIsValidOnThePageAndTheStepShowsItAgain() throws Exception {
        String token = fixtures.draftAt(Product.OPENAI_API, 2);
        MvcResult back = mvc.perform(post("/report/" + token + "/checks").param("nav", "back")
                        .param("model", "gpt-5").param("endpoint", "/v1/responses").param("failingPercent", "lots")
                        .param("retriedWithBackoff", "true").param("requestIds", "req_0123456789abcdef"))
                .andExpect(redirectedUrl("/report/" + token + "/status"))
                .andExpect(flash().attribute("warningKey", "flash.partlySaved"))
                .andReturn();
        Ticket t = tickets.byToken(token).orElseThrow();
        assertThat(t.getApi().getModel()).isEqualTo("gpt-5");
        assertThat(t.getApi().getFailingPercent()).isNull();
        assertThat(t.getStepReached()).isEqualTo(2);

        // back at the step in the same browser: the saved answers, and the one that was not valid as it was typed,
        // with its error next to it
        MockHttpSession browser = (MockHttpSession) back.getRequest().getSession();
        String page = mvc.perform(get("/report/" + token + "/checks").session(browser)).andReturn().getResponse().getContentAsString();
        assertThat(inputTag(page, "failingPercent")).contains("value=\"lots\"").contains("aria-invalid=\"true\"");
        assertThat(page).contains("id=\"failingPercent-error\"").contains("Enter a whole number from 0 to 100");
        assertThat(inputTag(page, "model")).contains("value=\"gpt-5\"");
        assertThat(inputTag(page, "endpoint")).contains("value=\"/v1/responses\"");
        assertThat(inputTag(page, "retriedWithBackoff-true")).contains("checked");
        assertThat(page).contains(">req_0123456789abcdef</textarea>");

        // going forward with the same mistake shows it next to the field instead
        mvc.perform(post("/report/" + token + "/checks").param("nav", "next").param("failingPercent", "150"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"failingPercent-error\""),
                        containsString("Must be a percentage between 0 and 100"))));

        // once corrected, the step is clean when opened again
        mvc.perform(post("/report/" + token + "/checks").session(browser).param("nav", "next").param("failingPercent", "20"))
                .andExpect(redirectedUrl("/report/" + token + "/evidence"));
        assertThat(mvc.perform(get("/report/" + token + "/checks").session(browser)).andReturn().getResponse()
                .getContentAsString()).doesNotContain("failingPercent-error").doesNotContain("error-summary");
    }

    @Test
    void theProgressListSavesThePageBeforeGoingToAnotherStep() throws Exception {
        String token = fixtures.draftAt(Product.CHATGPT_WEB, 3);
        String page = mvc.perform(get("/report/" + token + "/checks")).andReturn().getResponse().getContentAsString();
        assertThat(page).containsPattern("name=\"nav\" value=\"what\"\\s+class=\"[^\"]+\" form=\"step-form\"");
        mvc.perform(post("/report/" + token + "/checks").param("nav", "what").param("otherDevice", "WORKS"))
                .andExpect(redirectedUrl("/report/" + token + "/what"));
        assertThat(tickets.byToken(token).orElseThrow().getChecks().getOtherDevice()).isEqualTo(CheckResult.WORKS);
    }

    // step 4

    @Test
    void aRealHarIsAnalyzedAtOnceAndItsFindingsAreShown() throws Exception {
        String token = fixtures.draftAt(Product.CHATGPT_WEB, 3);
        MockMultipartFile har = new MockMultipartFile("har", "capture.har", "application/json",
                Files.readAllBytes(Corpus.har(HAR)));
        MvcResult upload = mvc.perform(multipart("/report/" + token + "/evidence").file(har).param("nav", "stay"))
                .andExpect(redirectedUrlPattern("/report/" + token + "/evidence#attachment-*"))
                .andExpect(flash().attributeExists("uploaded"))
                .andReturn();
        String page = mvc.perform(get("/report/" + token + "/evidence").flashAttrs(upload.getFlashMap()))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Attachments taken: 1 analyzed.")
                .contains("capture.har").contains(">Analyzed<")
                .contains("2 requests, 1 failing")
                .contains("Secrets removed: ")
                .contains("https://eboispangcayxxheoufy.supabase.co/rest/v1/rpc/get_all_users")
                .contains("2026-01-07 12:23:59 UTC")
                .contains(">404<")
                .contains("PGRST202")
                .contains(CF_RAY).contains(SB_REQUEST_ID);
        // the IDs are shown with their failing request, not a second time in a list of their own
        assertThat(page.split(java.util.regex.Pattern.quote(CF_RAY), -1)).hasSize(2);
        assertThat(page).doesNotContain(">IDs found<");
        // the original is never kept: only the sanitized copy is stored
        assertThat(tickets.details(tickets.byToken(token).orElseThrow().getId()).evidence())
                .singleElement().satisfies(e -> assertThat(e.getStoredLocation()).endsWith(".har"));
    }

    /** One request whose 200 event stream carries an error event. */
    static final String STREAM_HAR = """
            {"log": {"version": "1.2", "creator": {"name": "test", "version": "1"}, "entries": [{
              "startedDateTime": "2026-01-07T12:00:00.000Z", "time": 10,
              "request": {"method": "POST", "url": "https://api.openai.com/v1/responses", "httpVersion": "HTTP/2",
                          "headers": [], "queryString": [], "cookies": [], "headersSize": -1, "bodySize": 0},
              "response": {"status": 200, "statusText": "OK", "httpVersion": "HTTP/2",
                           "headers": [{"name": "content-type", "value": "text/event-stream"},
                                       {"name": "x-request-id", "value": "req_stream0123456789abcdef"}],
                           "cookies": [], "content": {"size": 100, "mimeType": "text/event-stream",
                             "text": "event: error\\ndata: {\\"type\\":\\"error\\",\\"code\\":\\"server_error\\",\\"message\\":\\"The server had an error\\"}\\n\\n"},
                           "redirectURL": "", "headersSize": -1, "bodySize": 100},
              "cache": {}, "timings": {"send": 0, "wait": 10, "receive": 0}}]}}
            """;

    @Test
    void countsOfOneReadAsOneOnThePageAndInTheSummary() throws Exception {
        String token = fixtures.draftAt(Product.OPENAI_API, 3);
        mvc.perform(multipart("/report/" + token + "/evidence").param("nav", "next")
                        .file(new MockMultipartFile("har", "stream.har", "application/json", STREAM_HAR.getBytes())))
                .andExpect(redirectedUrl("/report/" + token + "/review"));
        String evidence = mvc.perform(get("/report/" + token + "/evidence")).andReturn().getResponse().getContentAsString();
        assertThat(evidence).contains("1 request, 0 failing").contains("1 error inside successful streams")
                .contains("error event in the stream").doesNotContain("1 errors");
        String summary = reports.review(tickets.byToken(token).orElseThrow().getId()).summary().text();
        assertThat(summary).contains("HAR stream.har: 1 request, 0 failing, 1 stream error, 0 secrets removed")
                .contains("req_stream0123456789abcdef");
    }

    @Test
    void theSameSignalSeenSeveralTimesIsOneLineWithItsCount() throws Exception {
        String token = fixtures.draftAt(Product.CHATGPT_WEB, 3);
        mvc.perform(multipart("/report/" + token + "/evidence").param("nav", "stay")
                .file(new MockMultipartFile("har", "refused.har", "application/json",
                        Files.readAllBytes(Corpus.har("user-ONSdigital-eq-benchmark-chrome72-conn-refused.har")))));
        String page = mvc.perform(get("/report/" + token + "/evidence")).andReturn().getResponse().getContentAsString();
        String signals = page.substring(page.indexOf("<ul class=\"signals\">"));
        signals = signals.substring(0, signals.indexOf("</ul>"));
        assertThat(signals).contains("5× ").contains("ERR_CONNECTION_REFUSED");
        assertThat(signals.split("<li", -1)).hasSize(2);
    }

    @Test
    void aFileThatCannotBeReadIsListedWithItsReason() throws Exception {
        String token = fixtures.draftAt(Product.CHATGPT_WEB, 3);
        MockMultipartFile shot = new MockMultipartFile("screenshot", "shot.png", "image/png", "not an image".getBytes());
        MockMultipartFile fragment = new MockMultipartFile("har", "fragment.har", "application/json",
                Files.readAllBytes(Corpus.har("user-Kay0n-dot2control-truncated-fragment.har")));
        mvc.perform(multipart("/report/" + token + "/evidence").file(shot).file(fragment).param("nav", "stay"))
                .andExpect(redirectedUrlPattern("/report/" + token + "/evidence#attachment-*"));
        String page = mvc.perform(get("/report/" + token + "/evidence")).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("shot.png").contains("not a PNG or JPEG image")
                .contains("fragment.har").contains("fragment cut from a HAR")
                .contains(">Could not be read<");
    }

    @Test
    void aHarThatBreaksOffShowsWhereAndOneWithNoCompleteRequestIsRejected() throws Exception {
        String token = fixtures.draftAt(Product.CHATGPT_WEB, 3);
        byte[] broken = Files.readAllBytes(Corpus.har("user-austeane-qdrill-hand-edited-invalid.har"));
        mvc.perform(multipart("/report/" + token + "/evidence")
                        .file(new MockMultipartFile("har", "edited.har", "application/json", broken))
                        .file(new MockMultipartFile("har", "cut.har", "application/json", java.util.Arrays.copyOf(broken, 2000)))
                        .param("nav", "stay"))
                .andExpect(redirectedUrlPattern("/report/" + token + "/evidence#attachment-*"));

        var evidence = tickets.details(tickets.byToken(token).orElseThrow().getId()).evidence();
        assertThat(evidence).extracting(e -> e.getFileName()).containsExactly("edited.har", "cut.har");
        assertThat(evidence.get(0).isAnalyzed()).isTrue();
        assertThat(evidence.get(0).isPartial()).isTrue();
        assertThat(evidence.get(0).getPartialReason()).contains("breaks off at line 756, column 10")
                .endsWith("only the 4 complete entries before the break were read.");
        assertThat(evidence.get(0).getReason()).isNull();
        assertThat(evidence.get(1).isAnalyzed()).isFalse();
        assertThat(evidence.get(1).getStoredLocation()).isNull();
        assertThat(evidence.get(1).getReason()).startsWith("broken before its first complete request, so nothing could be read:"
                + " the file breaks off at line ");

        String page = mvc.perform(get("/report/" + token + "/evidence")).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Only part of it could be read:").contains("breaks off at line 756, column 10")
                .contains("broken before its first complete request");

        // sent, the reporter's page lists it the same way, and the summary says it too
        mvc.perform(post("/report/" + token + "/review").param("nav", "submit")).andExpect(redirectedUrl("/r/" + token));
        String reporter = mvc.perform(get("/r/" + token)).andReturn().getResponse().getContentAsString();
        assertThat(reporter).contains("Only part of it could be read:")
                .contains("only the 4 complete entries before the break were read.");
        assertThat(tickets.byToken(token).orElseThrow().getSummaryText())
                .contains("edited.har", "breaks off at line 756, column 10");
    }

    @Test
    void pastedConsoleTextIsAnalyzedAndAnErrorAboutAFailingRequestIsShownWithIt() throws Exception {
        String token = fixtures.draftAt(Product.CHATGPT_WEB, 3);
        tickets.update(tickets.byToken(token).orElseThrow().getId(), t -> t.setTimeZone("Europe/Istanbul"));
        mvc.perform(multipart("/report/" + token + "/evidence").file(new MockMultipartFile("har", "capture.har",
                "application/json", Files.readAllBytes(Corpus.har(HAR)))).param("nav", "stay"));
        String console = """
                15:23:59.170 api.ts:42  POST https://eboispangcayxxheoufy.supabase.co/rest/v1/rpc/get_all_users 404 (Not Found)
                15:24:00.002 main.js:10  Uncaught (in promise) TypeError: Cannot read properties of undefined (reading '<script>alert(1)</script>')
                """;
        mvc.perform(multipart("/report/" + token + "/evidence").param("consoleText", console).param("nav", "stay"))
                .andExpect(redirectedUrlPattern("/report/" + token + "/evidence#attachment-*"));
        String page = mvc.perform(get("/report/" + token + "/evidence")).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("pasted console log")
                .contains("1 console error is shown with the failing request it is about.")
                .contains("Console, line 1:")
                // hostile text from a log is text, never markup
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)</script>");
        // the linked line sits in the failing request's row, as one finding
        String row = page.substring(page.indexOf("class=\"failure\""));
        row = row.substring(0, row.indexOf("</dl>"));
        assertThat(row).contains("get_all_users").contains("Console, line 1:").contains(CF_RAY)
                // the request's time on the reporter's clock, UTC beside it
                .contains("2026-01-07 15:23:59 Europe/Istanbul (12:23:59 UTC)");
    }

    @Test
    void aConsoleLogSavedByChromeIsJoinedToTheHarsFailingRequestWhateverTheZoneSaid() throws Exception {
        // Chrome writes the failed resource without its scheme, on the reporter's clock (UTC+3 here); the report
        // says nothing about the time zone
        String token = fixtures.draftAt(Product.CHATGPT_WEB, 3);
        String console = "15:23:59.170 eboispangcayxxheoufy.supabase.co/rest/v1/rpc/get_all_users:1"
                + "  Failed to load resource: the server responded with a status of 404 ()\n"
                + "15:24:00.002 main.js:10  Uncaught (in promise) TypeError: Cannot read properties of undefined\n"
                + "15:30:00.000 eboispangcayxxheoufy.supabase.co/rest/v1/rpc/other:1"
                + "  Failed to load resource: the server responded with a status of 500 ()\n";
        mvc.perform(multipart("/report/" + token + "/evidence")
                        .file(new MockMultipartFile("har", "capture.har", "application/json", Files.readAllBytes(Corpus.har(HAR))))
                        .file(new MockMultipartFile("console", "console.log", "text/plain", console.getBytes()))
                        .param("nav", "stay"))
                .andExpect(redirectedUrlPattern("/report/" + token + "/evidence#attachment-*"));

        String page = mvc.perform(get("/report/" + token + "/evidence")).andReturn().getResponse().getContentAsString();
        String row = page.substring(page.indexOf("class=\"failure\""));
        row = row.substring(0, row.indexOf("</dl>"));
        assertThat(row).contains("get_all_users").contains("Console, line 1:").contains(CF_RAY);
        assertThat(page).contains("1 console error is shown with the failing request it is about.");
        // a line the HAR has no request for stays among the console errors, with the address it failed on
        String table = page.substring(page.indexOf("<table class=\"findings\">"));
        assertThat(table.substring(0, table.indexOf("</table>"))).contains("Uncaught (in promise) TypeError")
                .contains("eboispangcayxxheoufy.supabase.co/rest/v1/rpc/other").doesNotContain("get_all_users");

        long id = tickets.byToken(token).orElseThrow().getId();
        var details = tickets.details(id);
        assertThat(details.consoleFindings()).filteredOn(c -> c.getLineNumber() == 1).singleElement()
                .satisfies(c -> assertThat(c.getFailingRequest()).isNotNull());
        // one finding, weighed once: the verdict does not count the console line as a second 404
        assertThat(reports.review(id).verdict().reasons())
                .noneMatch(r -> r.contains("404") && r.contains("console.log line"));
    }

    @Test
    void aWrongConversationUrlIsShownNextToItsFieldWhileTheFilesAreKept() throws Exception {
        String token = fixtures.draftAt(Product.CHATGPT_WEB, 3);
        String page = mvc.perform(multipart("/report/" + token + "/evidence")
                        .file(new MockMultipartFile("har", "capture.har", "application/json",
                                Files.readAllBytes(Corpus.har(HAR))))
                        .param("conversationUrl", "example.com/c/abc").param("consoleText", "kept text")
                        .param("nav", "next"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"conversationUrl-error\"")
                .contains("Must start with https:// (only a ChatGPT conversation, such as chatgpt.com/c/..., can be"
                        + " given without it)")
                .contains("Attachments taken: 1 analyzed")
                .contains(">kept text</textarea>");
        assertThat(inputTag(page, "conversationUrl")).contains("value=\"example.com/c/abc\"")
                .contains("conversationUrl-error");
        var details = tickets.details(tickets.byToken(token).orElseThrow().getId());
        assertThat(details.evidence()).hasSize(1); // the HAR; the pasted text waits until the step is left
    }

    @Test
    void aChatGptConversationTypedWithoutItsSchemeIsStoredWithHttps() throws Exception {
        String token = fixtures.draftAt(Product.CHATGPT_WEB, 3);
        long id = tickets.byToken(token).orElseThrow().getId();
        mvc.perform(multipart("/report/" + token + "/evidence")
                        .param("conversationUrl", "  chatgpt.com/c/6915a9bc-afa8-8327-9a1b-0123456789ab ")
                        .param("nav", "next"))
                .andExpect(redirectedUrl("/report/" + token + "/review"));
        assertThat(repository.findById(id).orElseThrow().getConversationUrl())
                .isEqualTo("https://chatgpt.com/c/6915a9bc-afa8-8327-9a1b-0123456789ab");

        mvc.perform(post("/report/" + token + "/review").param("nav", "submit")).andExpect(redirectedUrl("/r/" + token));
        mvc.perform(multipart("/r/" + token + "/evidence")
                        .param("conversationUrl", "chat.openai.com/share/11111111-2222-4333-8444-555555555555"))
                .andExpect(redirectedUrl("/r/" + token + "#attachments"));
        Ticket t = repository.findById(id).orElseThrow();
        assertThat(t.getConversationUrl()).isEqualTo("https://chat.openai.com/share/11111111-2222-4333-8444-555555555555");
        assertThat(t.getSummaryText()).contains("https://chat.openai.com/share/11111111-2222-4333-8444-555555555555");
    }

    // step 5 and the reporter page

    @Test
    void reviewShowsTheVerdictTheFourLabelsAndTheSummaryAndSubmitStoresTheTicket() throws Exception {
        String token = fixtures.draftAt(Product.CHATGPT_WEB, 3);
        long id = tickets.byToken(token).orElseThrow().getId();
        tickets.update(id, t -> {
            t.getChecks().setOtherNetwork(CheckResult.WORKS);
            t.setTimeZone("Europe/Istanbul");
        });
        mvc.perform(multipart("/report/" + token + "/evidence").file(new MockMultipartFile("har", "capture.har",
                        "application/json", Files.readAllBytes(Corpus.har(HAR))))
                        .param("conversationUrl", "https://chatgpt.com/c/6915a9bc-afa8-8327-9a1b-0123456789ab")
                        .param("nav", "next"))
                .andExpect(redirectedUrl("/report/" + token + "/review"));

        String review = mvc.perform(get("/report/" + token + "/review")).andReturn().getResponse().getContentAsString();
        assertThat(review).contains("Network policy or interception")
                .contains("It works on another network (hotspot).")
                // it already works on another network: the next step is IT's allowlist, not trying one
                .contains("It works on an unfiltered network")
                // the capture is of the reporter's Supabase project: said so, and one of the failing page asked for
                .contains("went to ChatGPT or the OpenAI API").contains("a HAR captured on the failing page itself")
                .contains("Reproduced on another network").contains("Incognito / clean profile tested")
                .contains("HAR + console logs").contains("Conversation URL or request ID")
                .contains(">present<").contains(">missing<")
                .contains("open a private (incognito) window")
                .containsPattern("<pre class=\"summary-text\" data-summary [^>]*>Draft report: ChatGPT on the web failure")
                .contains(SB_REQUEST_ID);

        MvcResult sent = mvc.perform(post("/report/" + token + "/review").param("nav", "submit"))
                .andExpect(redirectedUrl("/r/" + token))
                .andExpect(flash().attribute("messageKey", "flash.submitted"))
                .andReturn();
        Ticket stored = repository.findById(id).orElseThrow();
        assertThat(stored.isDraft()).isFalse();
        assertThat(stored.getReference()).matches("TD-\\d{4}-\\d{6}");
        assertThat(stored.getSummaryText()).contains(CF_RAY, SB_REQUEST_ID, "PGRST202");

        String reporter = mvc.perform(get("/r/" + token).flashAttrs(sent.getFlashMap()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(reporter).contains("Your report is sent. Its reference is " + stored.getReference())
                .contains("Report " + stored.getReference())
                .contains(">New<")
                .contains("value=\"http://localhost/r/" + token + "\"")
                .contains("data-copy=\"private-link\"")
                .contains(SB_REQUEST_ID)
                .contains("capture.har")
                .contains("action=\"/r/" + token + "/evidence?_csrf=");
        // the form is closed once sent
        mvc.perform(get("/report/" + token + "/what")).andExpect(redirectedUrl("/r/" + token));
        mvc.perform(post("/report/" + token + "/what").param("product", "OTHER").param("seenMessage", "x"))
                .andExpect(redirectedUrl("/r/" + token));
        assertThat(repository.findById(id).orElseThrow().getProduct()).isEqualTo(Product.CHATGPT_WEB);
    }

    @Test
    void evidenceAddedOnTheReporterPageRegeneratesTheSummary() throws Exception {
        String token = fixtures.draftAt(Product.CHATGPT_WEB, 4);
        long id = tickets.byToken(token).orElseThrow().getId();
        mvc.perform(post("/report/" + token + "/review").param("nav", "submit")).andExpect(redirectedUrl("/r/" + token));
        assertThat(repository.findById(id).orElseThrow().getSummaryText()).doesNotContain(SB_REQUEST_ID);

        MvcResult added = mvc.perform(multipart("/r/" + token + "/evidence").file(new MockMultipartFile("har",
                        "later.har", "application/json", Files.readAllBytes(Corpus.har(HAR)))))
                .andExpect(redirectedUrlPattern("/r/" + token + "#attachment-*"))
                .andReturn();
        assertThat(repository.findById(id).orElseThrow().getSummaryText()).contains(SB_REQUEST_ID, "later.har");
        mvc.perform(get("/r/" + token).flashAttrs(added.getFlashMap()))
                .andExpect(content().string(allOf(containsString("Attachments taken: 1 analyzed"),
                        containsString("later.har"), containsString(SB_REQUEST_ID))));

        mvc.perform(multipart("/r/" + token + "/evidence"))
                .andExpect(flash().attribute("warningKey", "flash.nothingAdded"));
    }

    @Test
    void filesSentFromAStepFourLeftOpenAfterSendingAreAddedNotDropped() throws Exception {
        String token = fixtures.draftAt(Product.CHATGPT_WEB, 4);
        long id = tickets.byToken(token).orElseThrow().getId();
        mvc.perform(post("/report/" + token + "/review").param("nav", "submit")).andExpect(redirectedUrl("/r/" + token));

        MvcResult late = mvc.perform(multipart("/report/" + token + "/evidence").param("nav", "stay")
                        .file(new MockMultipartFile("har", "stale-tab.har", "application/json",
                                Files.readAllBytes(Corpus.har(HAR))))
                        .param("conversationUrl", "https://chatgpt.com/c/6915a9bc-afa8-8327-9a1b-0123456789ab"))
                .andExpect(redirectedUrlPattern("/r/" + token + "#attachment-*"))
                .andExpect(flash().attribute("messageKey", "flash.alreadySubmitted"))
                .andReturn();
        Ticket t = repository.findById(id).orElseThrow();
        assertThat(t.getSummaryText()).contains("stale-tab.har", SB_REQUEST_ID);
        assertThat(t.getConversationUrl()).isEqualTo("https://chatgpt.com/c/6915a9bc-afa8-8327-9a1b-0123456789ab");
        mvc.perform(get("/r/" + token).flashAttrs(late.getFlashMap()))
                .andExpect(content().string(allOf(containsString("Attachments taken: 1 analyzed"),
                        containsString("stale-tab.har"))));
    }

    @Test
    void theConversationUrlCanBeGivenLaterOnTheReporterPage() throws Exception {
        String token = fixtures.draftAt(Product.CHATGPT_WEB, 4);
        long id = tickets.byToken(token).orElseThrow().getId();
        mvc.perform(post("/report/" + token + "/review").param("nav", "submit")).andExpect(redirectedUrl("/r/" + token));
        assertThat(repository.findById(id).orElseThrow().getSummaryText()).contains("[ ] Conversation URL or request ID");
        assertThat(mvc.perform(get("/r/" + token)).andReturn().getResponse().getContentAsString())
                .contains("<label for=\"conversationUrl\">");

        // a wrong address is shown next to its field, and nothing changes
        String page = mvc.perform(multipart("/r/" + token + "/evidence").param("conversationUrl", "the chat from Monday"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"conversationUrl-error\"").contains("Must be a web address starting with https://");
        assertThat(repository.findById(id).orElseThrow().getConversationUrl()).isNull();

        mvc.perform(multipart("/r/" + token + "/evidence")
                        .param("conversationUrl", "https://chatgpt.com/c/6915a9bc-afa8-8327-9a1b-0123456789ab"))
                .andExpect(redirectedUrl("/r/" + token + "#attachments"))
                .andExpect(flash().attribute("messageKey", "flash.conversationUrlSaved"));
        Ticket t = repository.findById(id).orElseThrow();
        assertThat(t.getConversationUrl()).isEqualTo("https://chatgpt.com/c/6915a9bc-afa8-8327-9a1b-0123456789ab");
        assertThat(t.getSummaryText()).contains("[x] Conversation URL or request ID: conversation "
                + "https://chatgpt.com/c/6915a9bc-afa8-8327-9a1b-0123456789ab");
        assertThat(mvc.perform(get("/r/" + token)).andReturn().getResponse().getContentAsString())
                .contains("value=\"https://chatgpt.com/c/6915a9bc-afa8-8327-9a1b-0123456789ab\"");
    }

    @Test
    void anUnknownLinkIsAFriendlyNotFoundPage() throws Exception {
        for (String path : new String[] {"/r/nosuchtokennosuchtokennosuchtoken", "/report/nosuchtokennosuchtokennosuchtoken/what",
                "/r/short", "/report/nosuchtokennosuchtokennosuchtoken/evidence"}) {
            mvc.perform(get(path))
                    .andExpect(status().isNotFound())
                    .andExpect(content().string(allOf(containsString("Page not found"),
                            containsString("There is no report with this link."),
                            not(containsString("notice-ok")), not(containsString("Exception")),
                            not(containsString("at dev.triagedesk")))));
        }
        mvc.perform(multipart("/r/nosuchtokennosuchtokennosuchtoken/evidence")).andExpect(status().isNotFound());
    }

    // helpers

    private String draft() {
        return tickets.startDraft().token();
    }

    /** The opening tag of the input with {@code id}. */
    static String inputTag(String page, String id) {
        int at = page.indexOf("id=\"" + id + "\"");
        assertThat(at).as("an element with id %s", id).isNotNegative();
        int start = page.lastIndexOf('<', at);
        return page.substring(start, page.indexOf('>', at) + 1);
    }

    static String sectionTag(String page, String id) {
        return inputTag(page, id);
    }
}
