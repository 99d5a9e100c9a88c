package dev.triagedesk.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.triagedesk.evidence.Corpus;
import dev.triagedesk.support.TriageDeskTest;
import dev.triagedesk.ticket.RequestIdentifierRepository;
import dev.triagedesk.ticket.TicketRepository;
import dev.triagedesk.ticket.TicketService;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@TriageDeskTest
class ReportApiTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TicketRepository tickets;
    @Autowired
    RequestIdentifierRepository identifiers;
    @Autowired
    TicketService ticketService;
    @Autowired
    dev.triagedesk.staff.StaffService staff;

    private static final String ANSWERS = """
            {"product": "CHATGPT_WEB", "seenMessage": "Something went wrong", "seenStatus": 404,
             "occurredAt": "2026-01-07T13:23:59", "timeZone": "Europe/Istanbul", "reporterEmail": "pat@example.com",
             "statusPage": "NO_INCIDENT",
             "checks": {"privateWindow": "STILL_FAILS", "otherNetwork": "WORKS"}}
            """;

    @Test
    void aReportWithARealHarIsStoredAndSummarizedWithItsRequestIds() throws Exception {
        MockMultipartFile report = new MockMultipartFile("report", "", MediaType.APPLICATION_JSON_VALUE, ANSWERS.getBytes());
        MockMultipartFile har = new MockMultipartFile("har", "capture.har", "application/json",
                Files.readAllBytes(Corpus.har("user-masteralan360-asaas-chrome143-404-body.har")));
        MvcResult result = mvc.perform(multipart("/api/reports").file(report).file(har))
                .andExpect(status().isCreated())
                .andExpect(header().exists("Location"))
                .andExpect(jsonPath("$.reference").value(org.hamcrest.Matchers.matchesPattern("TD-\\d{4}-\\d{6}")))
                .andExpect(jsonPath("$.evidence[0].name").value("capture.har"))
                .andExpect(jsonPath("$.evidence[0].status").value("analyzed"))
                .andExpect(jsonPath("$.evidence[0].failures").value(1))
                .andExpect(jsonPath("$.verdict.path").value("network-policy"))
                .andExpect(jsonPath("$.verdict.label").value("Network policy or interception"))
                .andExpect(jsonPath("$.verdict.reasons[0]").value("It works on another network (hotspot)."))
                .andExpect(jsonPath("$.verdict.nextStep").value(org.hamcrest.Matchers.startsWith(
                        "It works on an unfiltered network, so the failing network filters the service: ask IT")))
                .andReturn();
        JsonNode body = JsonMapper.builder().build().readTree(result.getResponse().getContentAsString());
        String summary = body.path("summary").asString();
        assertThat(summary).contains("9ba36dc0cdf1f756-ISU", "019b9869-d481-7819-a1b6-fea08d7e5ad5", "PGRST202",
                "[x] Reproduced on another network", "[ ] Incognito / clean profile tested".substring(0, 4),
                "2026-01-07 13:23 Europe/Istanbul (UTC+03:00, 2026-01-07 10:23 UTC)");
        assertThat(body.path("reporterUrl").asString()).matches("http://localhost/r/[A-Za-z0-9_-]{43}");
        var ticket = tickets.findByReference(body.path("reference").asString()).orElseThrow();
        assertThat(ticket.getSummaryText()).isEqualTo(summary);
        assertThat(identifiers.findByLookup("019b9869-d481-7819-a1b6-fea08d7e5ad5")).extracting(i -> i.getTicket().getId())
                .contains(ticket.getId());
    }

    @Test
    void aConversationUrlWithAQueryIsKeptAsGivenAndIndexedByItsBareId() throws Exception {
        String id = "6915a9bc-afa8-8327-9a1b-0123456789ab";
        String url = "https://chatgpt.com/c/" + id + "?model=gpt-5#message-2";
        MockMultipartFile report = new MockMultipartFile("report", "", MediaType.APPLICATION_JSON_VALUE,
                ("{\"product\": \"chatgpt_web\", \"conversationUrl\": \"" + url + "\"}").getBytes());
        MvcResult result = mvc.perform(multipart("/api/reports").file(report)).andExpect(status().isCreated()).andReturn();
        String reference = JsonMapper.builder().build().readTree(result.getResponse().getContentAsString())
                .path("reference").asString();
        var ticket = tickets.findByReference(reference).orElseThrow();
        assertThat(ticket.getConversationUrl()).isEqualTo(url);
        assertThat(identifiers.findByLookup(id)).extracting(i -> i.getTicket().getId()).containsExactly(ticket.getId());
        assertThat(identifiers.findByLookup(id + "?model=gpt-5#message-2")).isEmpty();
    }

    @Test
    void aTextOverItsLengthIsToldInWordsInTheProblemDetails() throws Exception {
        MockMultipartFile report = new MockMultipartFile("report", "", MediaType.APPLICATION_JSON_VALUE,
                ("{\"product\": \"chatgpt_web\", \"description\": \"" + "x".repeat(10_001) + "\","
                        + " \"api\": {\"model\": \"" + "m".repeat(201) + "\"}}").getBytes());
        mvc.perform(multipart("/api/reports").file(report))
                .andExpect(status().isBadRequest())
                .andExpect(header().string("Content-Type", "application/problem+json"))
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.contains("report.api.model",
                        "report.description")))
                .andExpect(jsonPath("$.errors[0].message").value("must be at most 200 characters"))
                .andExpect(jsonPath("$.errors[1].message").value("must be at most 10000 characters"));
    }

    @Test
    void aHarCutShortIsAnalyzedInPartAndItsItemSaysWhereItBrokeOff() throws Exception {
        byte[] whole = Files.readAllBytes(Corpus.har("harviewer-issue61-chrome51-github.har"));
        MockMultipartFile report = new MockMultipartFile("report", "", MediaType.APPLICATION_JSON_VALUE,
                "{\"product\": \"chatgpt_web\"}".getBytes());
        mvc.perform(multipart("/api/reports").file(report)
                        .file(new MockMultipartFile("har", "cut.har", "application/json",
                                java.util.Arrays.copyOf(whole, whole.length / 2)))
                        .file(new MockMultipartFile("har", "whole.har", "application/json", whole)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.evidence[0].name").value("cut.har"))
                .andExpect(jsonPath("$.evidence[0].status").value("analyzed"))
                .andExpect(jsonPath("$.evidence[0].partial").value(true))
                .andExpect(jsonPath("$.evidence[0].reason").value(org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.startsWith("The file breaks off at line "),
                        org.hamcrest.Matchers.endsWith("complete entries before the break were read."))))
                .andExpect(jsonPath("$.evidence[1].status").value("analyzed"))
                .andExpect(jsonPath("$.evidence[1].partial").value(false))
                .andExpect(jsonPath("$.evidence[1].reason").doesNotExist());
    }

    @Test
    void aChatGptConversationSentWithoutItsSchemeIsStoredWithHttps() throws Exception {
        String id = "22222222-afa8-8327-9a1b-0123456789ab";
        MockMultipartFile report = new MockMultipartFile("report", "", MediaType.APPLICATION_JSON_VALUE,
                ("{\"product\": \"chatgpt_web\", \"conversationUrl\": \"chatgpt.com/c/" + id + "\"}").getBytes());
        MvcResult result = mvc.perform(multipart("/api/reports").file(report)).andExpect(status().isCreated()).andReturn();
        JsonNode body = JsonMapper.builder().build().readTree(result.getResponse().getContentAsString());
        var ticket = tickets.findByReference(body.path("reference").asString()).orElseThrow();
        assertThat(ticket.getConversationUrl()).isEqualTo("https://chatgpt.com/c/" + id);
        assertThat(body.path("summary").asString()).contains("Conversation: https://chatgpt.com/c/" + id);

        String reporterUrl = body.path("reporterUrl").asString();
        String token = reporterUrl.substring(reporterUrl.lastIndexOf('/') + 1);
        mvc.perform(multipart("/api/reports/" + token + "/evidence")
                        .param("conversationUrl", "www.chatgpt.com/g/g-abc/c/" + id + "?model=gpt-5"))
                .andExpect(status().isOk());
        assertThat(ticketService.byToken(token).orElseThrow().getConversationUrl())
                .isEqualTo("https://www.chatgpt.com/g/g-abc/c/" + id + "?model=gpt-5");
    }

    @Test
    void evidenceAddedLaterTakesPastedConsoleOutputAndTheConversationUrlAndWritesTheSummaryAgain() throws Exception {
        String token = reportToken();
        String id = "6915a9bc-afa8-8327-9a1b-0123456789ab";
        String console = "12:00:00.100 POST https://chatgpt.com/backend-api/conversation 500 (Internal Server Error)\n";
        mvc.perform(multipart("/api/reports/" + token + "/evidence").param("consoleText", console)
                        .param("conversationUrl", " https://chatgpt.com/c/" + id + "?model=gpt-5 "))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.evidence[0].name").value("pasted console log"))
                .andExpect(jsonPath("$.evidence[0].kind").value("console"))
                .andExpect(jsonPath("$.evidence[0].status").value("analyzed"))
                .andExpect(jsonPath("$.evidence[0].failures").value(1))
                .andExpect(jsonPath("$.summary").value(org.hamcrest.Matchers.containsString(
                        "Conversation: https://chatgpt.com/c/" + id + "?model=gpt-5")));
        var ticket = ticketService.byToken(token).orElseThrow();
        assertThat(ticket.getConversationUrl()).isEqualTo("https://chatgpt.com/c/" + id + "?model=gpt-5");
        assertThat(ticket.getSummaryText()).contains("pasted console log", "[x] Conversation URL or request ID");
        assertThat(identifiers.findByLookup(id)).extracting(i -> i.getTicket().getId()).containsExactly(ticket.getId());

        // as a part (a file) too; an empty conversationUrl clears it
        mvc.perform(multipart("/api/reports/" + token + "/evidence")
                        .file(new MockMultipartFile("consoleText", "paste.txt", "text/plain", console.getBytes()))
                        .param("conversationUrl", ""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.evidence[0].name").value("pasted console log"))
                .andExpect(jsonPath("$.summary").value(org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.containsString("Conversation:"))));
        assertThat(ticketService.byToken(token).orElseThrow().getConversationUrl()).isNull();
        assertThat(identifiers.findByLookup(id)).isEmpty();
    }

    @Test
    void wrongEvidenceFieldsAreAllNamedAndNothingIsTaken() throws Exception {
        String token = reportToken();
        var before = ticketService.byToken(token).orElseThrow();
        MockMultipartFile har = new MockMultipartFile("har", "capture.har", "application/json",
                Files.readAllBytes(Corpus.har("user-masteralan360-asaas-chrome143-404-body.har")));
        mvc.perform(multipart("/api/reports/" + token + "/evidence").file(har)
                        .param("conversationUrl", "the chat from Monday")
                        .param("consoleText", "x".repeat(5 * 1024 * 1024 + 1)))
                .andExpect(status().isBadRequest())
                .andExpect(header().string("Content-Type", "application/problem+json"))
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.contains("consoleText",
                        "conversationUrl")))
                .andExpect(jsonPath("$.errors[1].message").value("must be a web address starting with https://"))
                .andExpect(jsonPath("$.errors[0].message").value("is over 5 MB, more than the 5 MB that can be sent as"
                        + " text: send it as a console part (a file) instead"));
        var after = ticketService.byToken(token).orElseThrow();
        assertThat(after.getSummaryText()).isEqualTo(before.getSummaryText()).doesNotContain("capture.har");
        assertThat(after.getConversationUrl()).isNull();

        mvc.perform(multipart("/api/reports/" + token + "/evidence").param("consoleText", "   "))
                .andExpect(status().isBadRequest())
                .andExpect(header().string("Content-Type", "application/problem+json"))
                .andExpect(jsonPath("$.title").value("Nothing to add"));
        mvc.perform(post("/api/reports/" + token + "/evidence").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("conversationUrl")));
    }

    /** The token of a new report's private link. */
    private String reportToken() throws Exception {
        MockMultipartFile report = new MockMultipartFile("report", "", MediaType.APPLICATION_JSON_VALUE,
                "{\"product\": \"chatgpt_web\", \"seenMessage\": \"Something went wrong\"}".getBytes());
        String url = JsonMapper.builder().build().readTree(mvc.perform(multipart("/api/reports").file(report))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()).path("reporterUrl").asString();
        return url.substring(url.lastIndexOf('/') + 1);
    }

    @Test
    void invalidAnswersAreProblemDetailsNamingTheField() throws Exception {
        MockMultipartFile report = new MockMultipartFile("report", "", MediaType.APPLICATION_JSON_VALUE,
                "{\"product\": \"CHATGPT_WEB\", \"seenStatus\": 999, \"reporterEmail\": \"not-an-email\"}".getBytes());
        long before = tickets.count();
        mvc.perform(multipart("/api/reports").file(report))
                .andExpect(status().isBadRequest())
                .andExpect(header().string("Content-Type", "application/problem+json"))
                .andExpect(jsonPath("$.errors[0].field").value("report.reporterEmail"))
                .andExpect(jsonPath("$.errors[1].field").value("report.seenStatus"));
        MockMultipartFile broken = new MockMultipartFile("report", "", MediaType.APPLICATION_JSON_VALUE,
                "{\"product\": \"CHATGPT_WEB\",\n \"seenStatus\": }".getBytes());
        mvc.perform(multipart("/api/reports").file(broken))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("report: is not valid JSON at line 2, column 16")));
        MockMultipartFile wrongType = new MockMultipartFile("report", "", MediaType.APPLICATION_JSON_VALUE,
                "{\"product\": \"CHATGPT_WEB\", \"checks\": {\"vpnOff\": \"maybe\"}}".getBytes());
        mvc.perform(multipart("/api/reports").file(wrongType))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("report.checks.vpnOff"));
        MockMultipartFile unknown = new MockMultipartFile("report", "", MediaType.APPLICATION_JSON_VALUE,
                "{\"product\": \"API\", \"prodcut\": 1}".getBytes());
        mvc.perform(multipart("/api/reports").file(unknown))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("report.prodcut"))
                .andExpect(jsonPath("$.errors[0].message").value("unknown field \"prodcut\""))
                .andExpect(jsonPath("$.errors[1].field").value("report.product"));
        assertThat(tickets.count()).isEqualTo(before);
    }

    @Test
    void everyWrongFieldIsNamedInOneAnswerInTheWordsOfTheReadme() throws Exception {
        MockMultipartFile report = new MockMultipartFile("report", "", MediaType.APPLICATION_JSON_VALUE, """
                {"product": "chatgpt", "seenStatus": "five hundred", "reporterEmail": "pat",
                 "occurredAt": "yesterday", "statusPage": 3, "prodcut": 1,
                 "checks": {"vpnOff": "maybe", "privateWindow": "works", "otherNetwork": {"works": true}},
                 "api": {"failingPercent": 300, "retriedWithBackoff": "sometimes"},
                 "conversationUrl": "example.com/c/1"}
                """.getBytes());
        long before = tickets.count();
        String body = mvc.perform(multipart("/api/reports").file(report))
                .andExpect(status().isBadRequest())
                .andExpect(header().string("Content-Type", "application/problem+json"))
                .andExpect(jsonPath("$.title").value("Invalid report"))
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.contains(
                        "report.api.failingPercent", "report.api.retriedWithBackoff", "report.checks.otherNetwork",
                        "report.checks.vpnOff", "report.conversationUrl", "report.occurredAt", "report.prodcut",
                        "report.product", "report.reporterEmail", "report.seenStatus", "report.statusPage")))
                .andExpect(jsonPath("$.errors[?(@.field == 'report.product')].message").value(
                        "must be one of chatgpt_web, desktop_app, mobile_app, openai_api, other, not \"chatgpt\""))
                .andExpect(jsonPath("$.errors[?(@.field == 'report.checks.vpnOff')].message").value(
                        "must be one of works, still_fails, not_tried, not \"maybe\""))
                .andExpect(jsonPath("$.errors[?(@.field == 'report.seenStatus')].message").value(
                        "must be a whole number, not \"five hundred\""))
                .andExpect(jsonPath("$.errors[?(@.field == 'report.api.failingPercent')].message").value(
                        "must be a percentage between 0 and 100"))
                .andExpect(jsonPath("$.errors[?(@.field == 'report.conversationUrl')].message").value(
                        "must start with https:// (only a ChatGPT conversation, such as chatgpt.com/c/..., can be"
                                + " given without it)"))
                .andReturn().getResponse().getContentAsString();
        assertThat(body).doesNotContain("dev.triagedesk", "Cannot deserialize");
        assertThat(tickets.count()).isEqualTo(before);

        MockMultipartFile noProduct = new MockMultipartFile("report", "", MediaType.APPLICATION_JSON_VALUE, "{}".getBytes());
        mvc.perform(multipart("/api/reports").file(noProduct))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("report.product"))
                .andExpect(jsonPath("$.errors[0].message").value(
                        "is required: chatgpt_web, desktop_app, mobile_app, openai_api or other"));
    }

    @Test
    void otherContentTypesAndMethodsAreProblemDetailsToo() throws Exception {
        mvc.perform(post("/api/reports").contentType(MediaType.APPLICATION_JSON).content("{\"product\": \"other\"}"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(header().string("Content-Type", "application/problem+json"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("multipart/form-data")));
        mvc.perform(get("/api/reports"))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(header().string("Allow", "POST"))
                .andExpect(header().string("Content-Type", "application/problem+json"))
                .andExpect(jsonPath("$.status").value(405));
    }

    @Test
    void anApiReportSaysWhetherRetriesHelpedAndGetsTheNextStepThatFollows() throws Exception {
        String helped = "{\"product\": \"openai_api\", \"seenStatus\": 503,"
                + " \"api\": {\"retriedWithBackoff\": true, \"backoffHelped\": true}}";
        mvc.perform(multipart("/api/reports").file(new MockMultipartFile("report", "", MediaType.APPLICATION_JSON_VALUE,
                        helped.getBytes())))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.verdict.path").value("api-server"))
                .andExpect(jsonPath("$.verdict.nextStep").value(org.hamcrest.Matchers.startsWith("Backoff got the calls through")));
        String stillFailing = "{\"product\": \"openai_api\", \"seenStatus\": 503, \"api\": {\"retriedWithBackoff\": true}}";
        mvc.perform(multipart("/api/reports").file(new MockMultipartFile("report", "", MediaType.APPLICATION_JSON_VALUE,
                        stillFailing.getBytes())))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.verdict.nextStep").value(org.hamcrest.Matchers.startsWith("Retrying more will not help")));
    }

    @Test
    void anApiReportCarriesItsClientAndHowTheCallsAreMadeIntoTheTicketAndItsJson() throws Exception {
        String answers = "{\"product\": \"openai_api\", \"seenStatus\": 429, \"timeZone\": \"Europe/Berlin\","
                + " \"api\": {\"sdk\": \"openai-python 1.54.0\", \"callMode\": \"streaming\","
                + " \"orgId\": \"org-abc\", \"requestIds\": \"req_5d8e0c1f2a3b4c5d6e7f8091a2b3c4d5\"}}";
        MvcResult result = mvc.perform(multipart("/api/reports").file(new MockMultipartFile("report", "",
                        MediaType.APPLICATION_JSON_VALUE, answers.getBytes())))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.summary").value(org.hamcrest.Matchers.containsString("SDK: openai-python 1.54.0")))
                .andReturn();
        String reference = JsonMapper.builder().build().readTree(result.getResponse().getContentAsString())
                .path("reference").asString();
        var ticket = tickets.findByReference(reference).orElseThrow();
        assertThat(ticket.getApi().getSdk()).isEqualTo("openai-python 1.54.0");
        assertThat(ticket.getApi().getCallMode()).isEqualTo(dev.triagedesk.ticket.ApiCallMode.STREAMING);
        assertThat(ticket.getSummaryText()).contains("Calls: streaming", "Request ID: req_5d8e0c1f2a3b4c5d6e7f8091a2b3c4d5");

        String password = "correct horse battery staple";
        var agent = staff.create("agent-" + reference.toLowerCase(), null, password, dev.triagedesk.staff.Role.AGENT);
        mvc.perform(get("/api/tickets/" + reference).header(org.springframework.http.HttpHeaders.AUTHORIZATION,
                        "Basic " + java.util.Base64.getEncoder().encodeToString((agent.getUsername() + ":" + password)
                                .getBytes(java.nio.charset.StandardCharsets.UTF_8))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.answers.api.sdk").value("openai-python 1.54.0"))
                .andExpect(jsonPath("$.answers.api.callMode").value("streaming"))
                .andExpect(jsonPath("$.labels[0].name").value("Request IDs"));

        // a way of calling the API that is none of the three is named with the ones there are
        mvc.perform(multipart("/api/reports").file(new MockMultipartFile("report", "", MediaType.APPLICATION_JSON_VALUE,
                        "{\"product\": \"openai_api\", \"api\": {\"callMode\": \"websocket\"}}".getBytes())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'report.api.callMode')].message").value(
                        "must be one of plain, streaming, batch, not \"websocket\""));
    }

    @Test
    void secretsTypedIntoTheAnswersAreRedactedBeforeTheyAreStored() throws Exception {
        String key = dev.triagedesk.evidence.Secrets.openAiKey(42);
        String answers = "{\"product\": \"OPENAI_API\", \"description\": \"My key " + key + " gets 401\","
                + " \"api\": {\"requestIds\": \"req_0123456789abcdef0123456789abcdef\"}}";
        MockMultipartFile report = new MockMultipartFile("report", "", MediaType.APPLICATION_JSON_VALUE, answers.getBytes());
        MvcResult result = mvc.perform(multipart("/api/reports").file(report)).andExpect(status().isCreated()).andReturn();
        String reference = JsonMapper.builder().build().readTree(result.getResponse().getContentAsString()).path("reference").asString();
        var ticket = tickets.findByReference(reference).orElseThrow();
        assertThat(ticket.getDescription()).startsWith("My key [REDACTED:api-key:").doesNotContain(key);
        assertThat(ticket.getSummaryText()).doesNotContain(key).contains("req_0123456789abcdef0123456789abcdef");
        assertThat(identifiers.findByLookup("req_0123456789abcdef0123456789abcdef")).hasSize(1);
    }

    @Test
    void anUnreadableAttachmentIsRejectedButTheReportIsKept() throws Exception {
        MockMultipartFile report = new MockMultipartFile("report", "", MediaType.APPLICATION_JSON_VALUE, ANSWERS.getBytes());
        MockMultipartFile fragment = new MockMultipartFile("har", "fragment.har", "application/json",
                Files.readAllBytes(Corpus.har("user-Kay0n-dot2control-truncated-fragment.har")));
        MockMultipartFile shot = new MockMultipartFile("screenshot", "shot.png", "image/png", "not an image".getBytes());
        mvc.perform(multipart("/api/reports").file(report).file(fragment).file(shot))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.reference").exists())
                .andExpect(jsonPath("$.evidence[0].status").value("rejected"))
                .andExpect(jsonPath("$.evidence[0].reason").value(org.hamcrest.Matchers.containsString("fragment cut from a HAR")))
                .andExpect(jsonPath("$.evidence[1].status").value("rejected"))
                .andExpect(jsonPath("$.evidence[1].reason").value("not a PNG or JPEG image"));
    }
}
