package dev.triagedesk.report.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.triagedesk.evidence.Corpus;
import dev.triagedesk.support.TriageDeskTest;
import dev.triagedesk.ticket.Product;
import dev.triagedesk.ticket.TicketRepository;
import dev.triagedesk.ticket.TicketService;
import java.nio.file.Files;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The configurable upload limits, low here: a file over the size limit, or beyond the number of attachments one
 * report takes, is listed as rejected with its reason, on the page and in the API, and the report is kept. Console
 * output pasted beyond its limit is refused next to its field, everything else entered kept. The settings are
 * {@link UploadLimitBrowserTests}' too: change them together, or each gets an application of its own.
 */
@TriageDeskTest
@TestPropertySource(properties = {"triage.upload.max-file-size=1MB", "triage.upload.max-files-per-report=2",
        "triage.upload.max-pasted-text=512KB",
        "spring.datasource.url=jdbc:h2:mem:upload-limits;DB_CLOSE_DELAY=-1", "triage.data-dir=target/test-data/upload-limits"})
class UploadLimitTests {

    /** 1.2 MB: just over the limit. */
    static final String LARGE = "pagexray-nytimes-webpagetest-503.har";

    @Autowired
    MockMvc mvc;
    @Autowired
    TicketService tickets;
    @Autowired
    TicketRepository repository;

    @Test
    void aFileOverTheSizeLimitIsRejectedWithItsReasonAndTheRestOfTheStepIsKept() throws Exception {
        TicketService.Draft d = tickets.startDraft();
        tickets.update(d.ticket().getId(), t -> {
            t.setProduct(Product.CHATGPT_WEB);
            t.setSeenMessage("Something went wrong");
            t.reachStep(3);
        });
        String token = d.token();
        assertThat(mvc.perform(get("/report/" + token + "/evidence")).andReturn().getResponse().getContentAsString())
                .contains("Each file can be up to 1 MB");
        mvc.perform(multipart("/report/" + token + "/evidence").with(csrf()).param("nav", "stay")
                        .param("conversationUrl", "https://chatgpt.com/c/6915a9bc-afa8-8327-9a1b-0123456789ab")
                        .file(new MockMultipartFile("har", "big.har", "application/json", Files.readAllBytes(Corpus.har(LARGE)))))
                .andExpect(redirectedUrlPattern("/report/" + token + "/evidence#attachment-*"));

        String page = mvc.perform(get("/report/" + token + "/evidence")).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("big.har").contains(">Could not be read<")
                .contains("larger than the 1 MB limit for one file (1.2 MB): compress it as .gz or .zip, or capture less");
        assertThat(tickets.byToken(token).orElseThrow().getConversationUrl())
                .isEqualTo("https://chatgpt.com/c/6915a9bc-afa8-8327-9a1b-0123456789ab");
    }

    static String consoleOf(int bytes) {
        String line = "12:00:00.100 POST https://chatgpt.com/backend-api/conversation 500 (Internal Server Error)\n";
        return line.repeat(bytes / line.length() + 1);
    }

    @Test
    void consoleOutputPastedBeyondItsLimitIsRefusedNextToItsFieldAndTheRestIsKept() throws Exception {
        TicketService.Draft d = tickets.startDraft();
        tickets.answer(d.ticket().getId(), dev.triagedesk.support.TicketFixtures.answers(Product.CHATGPT_WEB,
                "Pasted too much", null));
        String token = d.token();
        long id = d.ticket().getId();
        mvc.perform(multipart("/report/" + token + "/review").with(csrf()).param("nav", "submit"))
                .andExpect(redirectedUrl("/r/" + token));
        assertThat(mvc.perform(get("/r/" + token)).andReturn().getResponse().getContentAsString())
                .contains("Pasted console output can be up to 0.5 MB; a larger log goes in as a file.");

        byte[] small = Files.readAllBytes(Corpus.har("user-masteralan360-asaas-chrome143-404-body.har"));
        String pasted = consoleOf(768 * 1024);
        String page = mvc.perform(multipart("/r/" + token + "/evidence").with(csrf())
                        .file(new MockMultipartFile("har", "later.har", "application/json", small))
                        .param("consoleText", pasted)
                        .param("conversationUrl", "https://chatgpt.com/c/6915a9bc-afa8-8327-9a1b-0123456789ab"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        org.jsoup.nodes.Document doc = org.jsoup.Jsoup.parse(page);
        assertThat(doc.select("#consoleText-error").text()).isEqualTo("Error: The pasted text is 0.8 MB, more than the 0.5 MB that"
                + " can be pasted: save it as a file and attach it above instead (nothing else on this page was lost)");
        assertThat(doc.select("#consoleText").attr("aria-invalid")).isEqualTo("true");
        assertThat(doc.select("#conversationUrl").attr("value"))
                .isEqualTo("https://chatgpt.com/c/6915a9bc-afa8-8327-9a1b-0123456789ab");
        assertThat(doc.text()).contains("Attachments taken: 1 analyzed");
        assertThat(tickets.details(id).evidence()).extracting(e -> e.getFileName()).containsExactly("later.har");

        // at the limit it is taken
        mvc.perform(multipart("/r/" + token + "/evidence").with(csrf()).param("consoleText", consoleOf(400 * 1024)))
                .andExpect(redirectedUrlPattern("/r/" + token + "#attachment-*"));
        assertThat(tickets.details(id).evidence()).extracting(e -> e.getFileName())
                .containsExactly("later.har", "pasted console log");
    }

    @Test
    void theApiRefusesConsoleOutputBeyondItsLimitAsAFieldOrAPartAndTakesNothing() throws Exception {
        MockMultipartFile report = new MockMultipartFile("report", "", MediaType.APPLICATION_JSON_VALUE,
                "{\"product\": \"chatgpt_web\"}".getBytes());
        String reporterUrl = tools.jackson.databind.json.JsonMapper.builder().build().readTree(mvc.perform(
                multipart("/api/reports").file(report)).andReturn().getResponse().getContentAsString())
                .path("reporterUrl").asString();
        String token = reporterUrl.substring(reporterUrl.lastIndexOf('/') + 1);
        String message = "is 0.8 MB, more than the 0.5 MB that can be sent as text: send it as a console part"
                + " (a file) instead";
        mvc.perform(multipart("/api/reports/" + token + "/evidence").param("consoleText", consoleOf(768 * 1024)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("consoleText"))
                .andExpect(jsonPath("$.errors[0].message").value(message));
        mvc.perform(multipart("/api/reports/" + token + "/evidence").file(new MockMultipartFile("consoleText",
                        "paste.txt", "text/plain", consoleOf(768 * 1024).getBytes())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value(message));
        assertThat(tickets.details(tickets.byToken(token).orElseThrow().getId()).evidence()).isEmpty();
    }

    @Test
    void theApiStoresTheReportAndListsTheOversizedFileAndTheOneTooManyAsRejected() throws Exception {
        MockMultipartFile report = new MockMultipartFile("report", "", MediaType.APPLICATION_JSON_VALUE,
                "{\"product\": \"chatgpt_web\", \"seenMessage\": \"Something went wrong\"}".getBytes());
        byte[] small = Files.readAllBytes(Corpus.har("user-masteralan360-asaas-chrome143-404-body.har"));
        String body = mvc.perform(multipart("/api/reports").file(report)
                        .file(new MockMultipartFile("har", "big.har", "application/json", Files.readAllBytes(Corpus.har(LARGE))))
                        .file(new MockMultipartFile("har", "one.har", "application/json", small))
                        .file(new MockMultipartFile("har", "two.har", "application/json", small)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.reference").value(Matchers.matchesPattern("TD-\\d{4}-\\d{6}")))
                .andExpect(jsonPath("$.evidence[0].status").value("rejected"))
                .andExpect(jsonPath("$.evidence[0].reason").value(Matchers.startsWith("larger than the 1 MB limit for one file")))
                .andExpect(jsonPath("$.evidence[1].status").value("analyzed"))
                .andExpect(jsonPath("$.evidence[2].name").value("two.har"))
                .andExpect(jsonPath("$.evidence[2].status").value("rejected"))
                .andExpect(jsonPath("$.evidence[2].reason").value(
                        "not taken: this report already holds 2 attachments, the most one report takes"))
                .andReturn().getResponse().getContentAsString();
        assertThat(body).contains("\"summary\"");
    }
}
