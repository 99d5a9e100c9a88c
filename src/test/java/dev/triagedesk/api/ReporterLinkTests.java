package dev.triagedesk.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.doThrow;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.triagedesk.report.ReportService;
import dev.triagedesk.support.TriageDeskTest;
import dev.triagedesk.ticket.Ticket;
import dev.triagedesk.ticket.TicketRepository;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A reporter link is a credential: it is made from the configured public address, never from what a request says
 * its host is, and it never reaches the log.
 */
@TriageDeskTest
@TestPropertySource(properties = {"TRIAGE_PUBLIC_URL=https://help.example.com/triage/",
        "spring.datasource.url=jdbc:h2:mem:reporter-links;DB_CLOSE_DELAY=-1",
        "triage.data-dir=target/test-data/reporter-links"})
@ExtendWith(OutputCaptureExtension.class)
class ReporterLinkTests {

    private static final String ANSWERS = """
            {"product": "CHATGPT_WEB", "seenMessage": "Something went wrong", "seenStatus": 500,
             "timeZone": "UTC", "description": "reporter link"}
            """;

    @Autowired
    MockMvc mvc;
    @Autowired
    TicketRepository tickets;
    @MockitoSpyBean
    ReportService reports;

    /** A report sent to a host name of the client's choosing; returns the API's answer. */
    private JsonNode reportSentTo(String host) throws Exception {
        MockMultipartFile report = new MockMultipartFile("report", "", MediaType.APPLICATION_JSON_VALUE, ANSWERS.getBytes());
        MvcResult result = mvc.perform(multipart("/api/reports").file(report).with(host(host)))
                .andExpect(status().isCreated()).andReturn();
        JsonNode body = JsonMapper.builder().build().readTree(result.getResponse().getContentAsString());
        assertThat(result.getResponse().getHeader(HttpHeaders.LOCATION)).isEqualTo(body.path("reporterUrl").asString());
        return body;
    }

    /** The request as a client sends it to this host name: its Host header and the server name it makes. */
    private static RequestPostProcessor host(String host) {
        return r -> {
            r.removeHeader(HttpHeaders.HOST);
            r.addHeader(HttpHeaders.HOST, host);
            r.setServerName(host);
            return r;
        };
    }

    private static String token(JsonNode created) {
        String url = created.path("reporterUrl").asString();
        return url.substring(url.lastIndexOf('/') + 1);
    }

    @Test
    void theReporterUrlIsMadeFromThePublicUrlWhateverTheHostHeaderSays() throws Exception {
        JsonNode created = reportSentTo("evil.example");
        String token = token(created);
        assertThat(created.path("reporterUrl").asString()).isEqualTo("https://help.example.com/triage/r/" + token);

        // the reporter page shows the same link to copy
        String page = mvc.perform(get("/r/" + token).with(host("evil.example"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(page).selectFirst("#private-link").attr("value"))
                .isEqualTo("https://help.example.com/triage/r/" + token);
        assertThat(page).doesNotContain("evil.example");
    }

    @Test
    void aFailedEvidenceRequestIsLoggedWithItsTicketReferenceNotTheToken(CapturedOutput output) throws Exception {
        JsonNode created = reportSentTo("localhost");
        String token = token(created);
        Ticket ticket = tickets.findByReference(created.path("reference").asString()).orElseThrow();
        doThrow(new IllegalStateException("the disk is full")).when(reports).review(ticket.getId());

        mvc.perform(multipart("/api/reports/" + token + "/evidence")
                        .param("conversationUrl", "https://chatgpt.com/c/6915a9bc-afa8-8327-9a1b-0123456789ab"))
                .andExpect(status().isInternalServerError());

        assertThat(output.getAll())
                .contains("API request /api/reports/{token}/evidence (ticket " + ticket.getReference() + ") failed")
                .contains("the disk is full")
                .doesNotContain(token);
    }
}
