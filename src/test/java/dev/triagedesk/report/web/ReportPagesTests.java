package dev.triagedesk.report.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.triagedesk.evidence.Secrets;
import dev.triagedesk.report.ReportService;
import dev.triagedesk.support.RepeatedFailuresHar;
import dev.triagedesk.support.TicketFixtures;
import dev.triagedesk.support.TriageDeskTest;
import dev.triagedesk.ticket.Evidence;
import dev.triagedesk.ticket.Product;
import dev.triagedesk.ticket.RequestIdentifier;
import dev.triagedesk.ticket.StatusPageAnswer;
import dev.triagedesk.ticket.Ticket;
import dev.triagedesk.ticket.TicketService;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * What issue 9 §5 saw on the reporter's pages, as the server answers it: a value that cannot be read is a message
 * next to its field (never an error page) and everything typed comes back as typed; identical failures are one
 * item; a secret typed into the form is said to be removed and to be revoked; the API path asks for what helps with
 * API calls; after an upload the page opens at the file just added. The same database and context as
 * {@link ReportFormTests}.
 */
@TriageDeskTest
@TestPropertySource(properties = {"spring.datasource.url=jdbc:h2:mem:report-form;DB_CLOSE_DELAY=-1",
        "triage.data-dir=target/test-data/report-form"})
class ReportPagesTests {

    static final String SHARE_MESSAGE = "Enter a whole number from 0 to 100, without the % sign: for example 20 for"
            + " about a fifth of the calls";

    @Autowired
    TicketFixtures fixtures;
    @Autowired
    MockMvc mvc;
    @Autowired
    TicketService tickets;
    @Autowired
    ReportService reports;

    private static MockHttpServletRequestBuilder post(String url) {
        return MockMvcRequestBuilders.post(url).with(csrf());
    }

    private static MockMultipartHttpServletRequestBuilder multipart(String url) {
        return MockMvcRequestBuilders.multipart(url).with(csrf());
    }

    // step 3, the API path: a share of calls that is not a whole number

    @Test
    void aShareOfCallsThatIsNotAWholeNumberIsAMessageNextToItsFieldAndTheRestIsKept() throws Exception {
        String token = fixtures.draftAt(Product.OPENAI_API, 2);
        for (String typed : List.of("20%", "about 20")) {
            Document page = Jsoup.parse(mvc.perform(post("/report/" + token + "/checks").param("nav", "next")
                            .param("model", "gpt-5").param("serviceTier", "flex").param("failingPercent", typed)
                            .param("retriedWithBackoff", "true").param("requestIds", "req_0123456789abcdef"))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
            assertThat(page.select("h1").text()).isEqualTo("Isolation checks");
            assertThat(page.select("#failingPercent-error").text()).isEqualTo("Error: " + SHARE_MESSAGE);
            assertThat(page.select("#failingPercent").attr("value")).isEqualTo(typed);
            assertThat(page.select("#failingPercent").attr("aria-invalid")).isEqualTo("true");
            assertThat(page.select("#failingPercent").attr("aria-describedby")).contains("failingPercent-error");
            assertThat(page.select(".error-summary a[href=#failingPercent]").text()).endsWith(SHARE_MESSAGE);
            // the other answers are on the page as they were sent
            assertThat(page.select("#model").attr("value")).isEqualTo("gpt-5");
            assertThat(page.select("#serviceTier option[selected]").attr("value")).isEqualTo("flex");
            assertThat(page.select("#retriedWithBackoff-true").hasAttr("checked")).isTrue();
            assertThat(page.select("#requestIds").text()).isEqualTo("req_0123456789abcdef");
        }
        // the valid answers are saved; the step is not done until the share is a number
        Ticket t = tickets.byToken(token).orElseThrow();
        assertThat(t.getApi().getModel()).isEqualTo("gpt-5");
        assertThat(t.getApi().getFailingPercent()).isNull();
        assertThat(t.getStepReached()).isEqualTo(2);
        mvc.perform(post("/report/" + token + "/checks").param("nav", "next").param("failingPercent", "20"))
                .andExpect(redirectedUrl("/report/" + token + "/evidence"));
        assertThat(tickets.byToken(token).orElseThrow().getApi().getFailingPercent()).isEqualTo(20);
    }

    @Test
    void anAnswerThatIsNoneOfTheChoicesIsAMessageNotAnErrorPage() throws Exception {
        String web = fixtures.draftAt(Product.CHATGPT_WEB, 1);
        Document status = Jsoup.parse(mvc.perform(post("/report/" + web + "/status").param("nav", "next")
                        .param("statusPage", "MAYBE"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(status.select("#statusPage-error").text()).isEqualTo("Error: Choose one of the answers");

        String checks = fixtures.draftAt(Product.CHATGPT_WEB, 2);
        Document page = Jsoup.parse(mvc.perform(post("/report/" + checks + "/checks").param("nav", "next")
                        .param("privateWindow", "SOMETIMES").param("otherNetwork", "WORKS"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(page.select("#privateWindow-error").text()).isEqualTo("Error: Choose one of the answers");
        assertThat(page.select("#otherNetwork-WORKS").hasAttr("checked")).isTrue();

        String api = fixtures.draftAt(Product.OPENAI_API, 2);
        Document retried = Jsoup.parse(mvc.perform(post("/report/" + api + "/checks").param("nav", "next")
                        .param("retriedWithBackoff", "maybe").param("model", "gpt-5"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(retried.select("#retriedWithBackoff-error").text()).isEqualTo("Error: Choose one of the answers");
        assertThat(retried.select("#model").attr("value")).isEqualTo("gpt-5");

        // how the calls are made: one of three, or not said; an SDK name past its length is said next to it
        String calls = fixtures.draftAt(Product.OPENAI_API, 2);
        Document mode = Jsoup.parse(mvc.perform(post("/report/" + calls + "/checks").param("nav", "next")
                        .param("callMode", "WEBSOCKET").param("sdk", "x".repeat(201)).param("model", "gpt-5"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(mode.select("#callMode-error").text()).isEqualTo("Error: Choose one of the answers");
        assertThat(mode.select("#sdk-error").text()).startsWith("Error: ").contains("200");
        assertThat(mode.select(".error-summary a").eachAttr("href")).contains("#callMode-PLAIN", "#sdk");
        mvc.perform(post("/report/" + calls + "/checks").param("nav", "next").param("callMode", "BATCH")
                        .param("sdk", "  openai-python 1.54.0 "))
                .andExpect(redirectedUrl("/report/" + calls + "/evidence"));
        Ticket saved = tickets.byToken(calls).orElseThrow();
        assertThat(saved.getApi().getSdk()).isEqualTo("openai-python 1.54.0");
        assertThat(saved.getApi().getCallMode()).isEqualTo(dev.triagedesk.ticket.ApiCallMode.BATCH);
        // "not sure" takes the answer back
        mvc.perform(post("/report/" + calls + "/checks").param("nav", "next").param("callMode", ""))
                .andExpect(redirectedUrl("/report/" + calls + "/evidence"));
        assertThat(tickets.byToken(calls).orElseThrow().getApi().getCallMode()).isNull();
        Document back = Jsoup.parse(mvc.perform(get("/report/" + calls + "/checks")).andReturn().getResponse()
                .getContentAsString());
        assertThat(back.select("#callMode-none").hasAttr("checked")).isTrue();
    }

    // step 1: the failure time survives a round trip

    @Test
    void theFailureTimeComesBackInTheFormItsDateTimeFieldTakesAfterAnyError() throws Exception {
        String token = draft();
        // another answer cannot be read: the time typed comes back as the date-time field writes it
        Document page = Jsoup.parse(mvc.perform(post("/report/" + token + "/what").param("nav", "next")
                        .param("product", "CHATGPT_WEB").param("seenMessage", "Something went wrong")
                        .param("seenStatus", "five hundred").param("occurredAt", "2026-01-07T15:23")
                        .param("timeZone", "Europe/Istanbul").param("environment", "Chrome 143 on macOS"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(page.select("#occurredAt").attr("type")).isEqualTo("datetime-local");
        assertThat(page.select("#occurredAt").attr("value")).isEqualTo("2026-01-07T15:23");
        assertThat(page.select("#seenStatus").attr("value")).isEqualTo("five hundred");
        assertThat(page.select("#timeZone").attr("value")).isEqualTo("Europe/Istanbul");
        assertThat(page.select("#environment").text()).isEqualTo("Chrome 143 on macOS");
        assertThat(page.select("#product-CHATGPT_WEB").hasAttr("checked")).isTrue();
        // the time is saved already, as typed
        assertThat(tickets.byToken(token).orElseThrow().getOccurredAt()).isEqualTo(LocalDateTime.of(2026, 1, 7, 15, 23));

        // another answer is wrong (it converts, but is not valid): the same
        page = Jsoup.parse(mvc.perform(post("/report/" + token + "/what").param("nav", "next")
                        .param("product", "CHATGPT_WEB").param("seenMessage", "Something went wrong")
                        .param("reporterEmail", "not-an-email").param("occurredAt", "2026-01-07T15:25"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(page.select("#occurredAt").attr("value")).isEqualTo("2026-01-07T15:25");

        // a time in a form the field cannot take (typed where the browser has no date-time field): kept as typed, in
        // a text field the browser does not empty, with what is wrong next to it
        page = Jsoup.parse(mvc.perform(post("/report/" + token + "/what").param("nav", "next")
                        .param("product", "CHATGPT_WEB").param("seenMessage", "Something went wrong")
                        .param("occurredAt", "7 Jan 2026, 3:23 pm"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(page.select("#occurredAt").attr("type")).isEqualTo("text");
        assertThat(page.select("#occurredAt").attr("value")).isEqualTo("7 Jan 2026, 3:23 pm");
        assertThat(page.select("#occurredAt-error").text())
                .isEqualTo("Error: Enter a date and time such as 2026-01-07 13:24");
        assertThat(tickets.byToken(token).orElseThrow().getOccurredAt()).isEqualTo(LocalDateTime.of(2026, 1, 7, 15, 25));

        mvc.perform(post("/report/" + token + "/what").param("nav", "next").param("product", "CHATGPT_WEB")
                        .param("seenMessage", "Something went wrong").param("occurredAt", "2026-01-07 15:24"))
                .andExpect(redirectedUrl("/report/" + token + "/status"));
        assertThat(tickets.byToken(token).orElseThrow().getOccurredAt()).isEqualTo(LocalDateTime.of(2026, 1, 7, 15, 24));
        String again = mvc.perform(get("/report/" + token + "/what")).andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(again).select("#occurredAt").attr("value")).isEqualTo("2026-01-07T15:24");
    }

    @Test
    void errorMessagesAreSentences() throws Exception {
        String token = draft();
        Document page = Jsoup.parse(mvc.perform(post("/report/" + token + "/what").param("nav", "next")
                        .param("seenStatus", "700").param("timeZone", "Mars/Olympus"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        List<String> messages = page.select(".error-message").eachText();
        assertThat(messages).containsExactly("Error: Choose what fails", "Error: Say what you see, even roughly",
                "Error: Must be an HTTP status between 100 and 599", "Error: Must be a time zone such as Europe/Paris or +02:00");
        assertThat(page.select(".error-summary li").eachText()).allSatisfy(line ->
                assertThat(line.substring(line.indexOf(" – ") + 3)).matches("\\p{Lu}.*"));
    }

    // step 3: a secret typed where the request IDs go

    @Test
    void aSecretTypedAmongTheRequestIdsIsRemovedNotListedAsAnIdAndTheReporterIsToldToRevokeIt() throws Exception {
        String token = fixtures.draftAt(Product.OPENAI_API, 2);
        String key = Secrets.openAiKey(11);
        MvcResult saved = mvc.perform(post("/report/" + token + "/checks").param("nav", "next")
                        .param("requestIds", "req_7f3a9c21b8e04d55a1b2c3d4\n" + key))
                .andExpect(redirectedUrl("/report/" + token + "/evidence"))
                .andExpect(flash().attributeExists(TypedSecrets.WARNING))
                .andReturn();
        Document next = Jsoup.parse(mvc.perform(get("/report/" + token + "/evidence").flashAttrs(saved.getFlashMap()))
                .andReturn().getResponse().getContentAsString());
        Element warning = next.selectFirst(".secret-warning");
        assertThat(warning).isNotNull();
        assertThat(warning.attr("role")).isEqualTo("alert");
        assertThat(warning.text()).contains("“Request IDs of failing calls”", "looked like a secret",
                "it is not passed on as a request ID", "revoke it and make a new one");
        assertThat(next.html()).doesNotContain(key);

        Ticket t = tickets.byToken(token).orElseThrow();
        assertThat(t.getApi().getRequestIds()).startsWith("req_7f3a9c21b8e04d55a1b2c3d4").contains("[REDACTED:")
                .doesNotContain(key);
        List<RequestIdentifier> ids = tickets.details(t.getId()).identifiers();
        assertThat(ids).extracting(RequestIdentifier::getValue).containsExactly("req_7f3a9c21b8e04d55a1b2c3d4");
        // the step and the review say it again while the marker is there
        assertThat(mvc.perform(get("/report/" + token + "/checks")).andReturn().getResponse().getContentAsString())
                .contains("secret-warning");
        String summary = reports.review(t.getId()).summary().text();
        assertThat(summary).contains("A secret typed among the request IDs was removed",
                "Request ID: req_7f3a9c21b8e04d55a1b2c3d4 | Call: given by the reporter").doesNotContain("REDACTED");
        // saving the step again as it is now (the marker in the box) says nothing new
        mvc.perform(post("/report/" + token + "/checks").param("nav", "next").param("requestIds", t.getApi().getRequestIds()))
                .andExpect(redirectedUrl("/report/" + token + "/evidence"))
                .andExpect(flash().attributeCount(2));
        mvc.perform(multipart("/report/" + token + "/evidence").param("nav", "next"));
        assertThat(mvc.perform(get("/report/" + token + "/review")).andReturn().getResponse().getContentAsString())
                .contains("secret-warning").contains("revoke it");
    }

    // step 4

    @Test
    void theApiPathSaysWhatHelpsWithApiCallsNotOnlyHowToSaveAHar() throws Exception {
        Document api = Jsoup.parse(mvc.perform(get("/report/" + fixtures.draftAt(Product.OPENAI_API, 3) + "/evidence"))
                .andReturn().getResponse().getContentAsString());
        assertThat(api.select("details.how-to summary").text()).isEqualTo("How to capture the failing API calls");
        assertThat(api.select("details.how-to").text()).contains("x-request-id", "request_id");
        // each capture is a command to copy, there as text without scripts (the script adds the Copy buttons)
        assertThat(api.select(".snippet code").stream().map(Element::wholeText).toList()).containsExactly(
                "OPENAI_LOG=debug python your_script.py 2>&1 | tee openai.log",
                "import logging\nlogging.basicConfig(filename=\"openai.log\", level=logging.INFO)\n"
                        + "logging.getLogger(\"openai\").setLevel(logging.DEBUG)",
                "OPENAI_LOG=debug node your_script.js 2>&1 | tee openai.log",
                "const client = new OpenAI({ logLevel: 'debug' });",
                "curl -v https://api.openai.com/v1/chat/completions \\\n  -H \"Authorization: Bearer $OPENAI_API_KEY\""
                        + " -H \"Content-Type: application/json\" \\\n  -d @request.json 2>&1 | tee curl.txt",
                "batch = client.batches.retrieve(\"batch_...\")\nclient.files.content(batch.error_file_id)"
                        + ".write_to_file(\"batch_errors.jsonl\")");
        assertThat(api.select(".snippet button[data-copy]")).hasSize(6).allSatisfy(b -> assertThat(b.hasAttr("hidden")).isTrue());
        // the client's files have their own input; the browser's console input is not offered
        assertThat(api.select("input[type=file][name=apiLog]").attr("accept")).contains(".jsonl", ".log", ".txt");
        assertThat(api.select("input[type=file][name=console]")).isEmpty();
        Document web = Jsoup.parse(mvc.perform(get("/report/" + fixtures.draftAt(Product.CHATGPT_WEB, 3) + "/evidence"))
                .andReturn().getResponse().getContentAsString());
        assertThat(web.select("details.how-to summary").text()).isEqualTo("How to capture a HAR and the console log");
        assertThat(web.text()).doesNotContain("OPENAI_LOG");
        assertThat(web.select("input[type=file][name=apiLog]")).isEmpty();
    }

    /**
     * An API reporter adds the client's log later on their own page, through the same input as step 4; a ChatGPT
     * conversation URL is not asked for there either, and the one stored is left as it is.
     */
    @Test
    void theReporterPageOfAnApiReportTakesTheClientsLog() throws Exception {
        TicketService.Draft draft = tickets.startDraft();
        tickets.answer(draft.ticket().getId(), dev.triagedesk.support.TicketFixtures.answers(Product.OPENAI_API,
                "Calls fail", "pat@example.com"));
        reports.submit(draft.ticket().getId());
        Document page = Jsoup.parse(mvc.perform(get("/r/" + draft.token())).andReturn().getResponse().getContentAsString());
        assertThat(page.select("#evidence-form input[type=file][name=apiLog]")).hasSize(1);
        assertThat(page.select("#evidence-form #conversationUrl, #evidence-form input[name=console]")).isEmpty();

        byte[] log = getClass().getResourceAsStream("/report/openai-python-429.log").readAllBytes();
        mvc.perform(multipart("/r/" + draft.token() + "/evidence")
                        .file(new org.springframework.mock.web.MockMultipartFile("apiLog", "later.log", "text/plain", log)))
                .andExpect(status().is3xxRedirection());
        List<Evidence> evidence = tickets.details(draft.ticket().getId()).evidence();
        assertThat(evidence).singleElement().satisfies(e -> {
            assertThat(e.getFileName()).isEqualTo("later.log");
            assertThat(e.isAnalyzed()).as("analyzed: %s", e.getReason()).isTrue();
        });
    }

    @Test
    void identicalFailuresAreOneItemWithTheirCountAndTheirRequestsInAListThatOpens() throws Exception {
        String token = fixtures.draftAt(Product.CHATGPT_WEB, 3);
        mvc.perform(multipart("/report/" + token + "/evidence").param("nav", "stay").file(new MockMultipartFile("har",
                RepeatedFailuresHar.NAME, "application/json", RepeatedFailuresHar.json().getBytes(StandardCharsets.UTF_8))));
        Document page = Jsoup.parse(mvc.perform(get("/report/" + token + "/evidence")).andReturn().getResponse()
                .getContentAsString());

        List<Element> items = page.select("#attachments li.failure");
        assertThat(items).hasSize(2);
        Element repeated = items.get(0);
        assertThat(repeated.attr("data-count")).isEqualTo("8");
        assertThat(repeated.select(".failure-line .count").text()).isEqualTo("8×");
        assertThat(repeated.select(".failure-line .status").text()).isEqualTo("500");
        // the address, shortened in the middle; whole in the list that opens
        String shown = repeated.select(".failure-line .url").text();
        assertThat(shown).hasSizeLessThanOrEqualTo(Attachments.URL_SHOWN).contains("…")
                .startsWith("https://chatgpt.com/backend-api/conversation/");
        Element more = repeated.selectFirst("details.failure-more");
        assertThat(more).isNotNull();
        assertThat(more.hasAttr("open")).isFalse();
        assertThat(more.select("summary").text()).isEqualTo("The 8 requests: times and request IDs");
        assertThat(more.select(".full-url .url").text()).isEqualTo(RepeatedFailuresHar.url(0));
        assertThat(more.select("ol.occurrences > li")).hasSize(8);
        for (int i = 0; i < RepeatedFailuresHar.REPEATED; i++) {
            assertThat(more.select("ol.occurrences > li").get(i).text()).contains("x-request-id: " + RepeatedFailuresHar.requestId(i),
                    "cf-ray: " + RepeatedFailuresHar.ray(i));
        }
        assertThat(repeated.select(".failure-facts dd").first().text()).isEqualTo("2026-05-04 10:00:00 UTC to 2026-05-04 10:00:07 UTC");
        // one long address whole on the page, in the list; the other failure is an item of its own
        assertThat(page.html().split(java.util.regex.Pattern.quote(RepeatedFailuresHar.url(0).replace("&", "&amp;")), -1)).hasSize(2);
        assertThat(page.html()).doesNotContain(RepeatedFailuresHar.url(1).replace("&", "&amp;"));
        assertThat(items.get(1).attr("data-count")).isEqualTo("1");
        assertThat(items.get(1).select(".count")).isEmpty();
        assertThat(items.get(1).text()).contains("429", RepeatedFailuresHar.RATE_LIMITED_ID);
        assertThat(items.get(1).select("details")).isEmpty();
    }

    @Test
    void afterAnUploadThePageOpensAtTheFileJustAddedAndTheFindingsComeBeforeSaveAndContinue() throws Exception {
        String token = fixtures.draftAt(Product.CHATGPT_WEB, 3);
        upload(token, "first.har");
        MvcResult second = mvc.perform(multipart("/report/" + token + "/evidence").param("nav", "stay")
                        .file(har("second.har")))
                .andReturn();
        List<Evidence> evidence = tickets.details(tickets.byToken(token).orElseThrow().getId()).evidence();
        long secondId = evidence.get(1).getId();
        assertThat(second.getResponse().getRedirectedUrl()).isEqualTo("/report/" + token + "/evidence#attachment-" + secondId);

        Document page = Jsoup.parse(mvc.perform(get("/report/" + token + "/evidence").flashAttrs(second.getFlashMap()))
                .andReturn().getResponse().getContentAsString());
        Element added = page.getElementById("attachment-" + secondId);
        assertThat(added).isNotNull();
        assertThat(added.attr("data-focus")).isEqualTo("true");
        assertThat(added.attr("tabindex")).isEqualTo("-1");
        assertThat(added.hasClass("just-added")).isTrue();
        assertThat(page.select("[data-focus]")).hasSize(1);
        assertThat(page.getElementById("attachment-" + evidence.get(0).getId()).hasAttr("data-focus")).isFalse();
        // in the order of the page: the files, their findings, then the conversation URL and "Save and continue"
        Element form = page.getElementById("step-form");
        List<String> order = form.select("#har, #attachments, #conversationUrl, div.buttons > button[value=next]")
                .stream().map(e -> e.id().isEmpty() ? "continue" : e.id()).toList();
        assertThat(order).containsExactly("har", "attachments", "conversationUrl", "continue");
    }

    // step 2

    @Test
    void theIncidentAdviceHasNoSecondButtonDoingWhatSaveAndContinueDoes() throws Exception {
        String token = fixtures.draftAt(Product.CHATGPT_WEB, 1);
        tickets.update(tickets.byToken(token).orElseThrow().getId(),
                t -> t.setStatusPage(StatusPageAnswer.INCIDENT_THIS_COMPONENT));
        Document page = Jsoup.parse(mvc.perform(get("/report/" + token + "/status")).andReturn().getResponse()
                .getContentAsString());
        assertThat(page.select("#incident-advice").hasAttr("hidden")).isFalse();
        assertThat(page.select("#incident-advice button")).isEmpty();
        assertThat(page.select("#incident-advice").text()).contains("\"Save and continue\" below");
        assertThat(page.select("button[value=next]").eachText()).containsOnly("Save and continue");
    }

    // helpers

    private void upload(String token, String name) throws Exception {
        mvc.perform(multipart("/report/" + token + "/evidence").param("nav", "stay").file(har(name)));
    }

    private static MockMultipartFile har(String name) {
        return new MockMultipartFile("har", name, "application/json",
                RepeatedFailuresHar.json().getBytes(StandardCharsets.UTF_8));
    }

    private String draft() {
        return tickets.startDraft().token();
    }
}
