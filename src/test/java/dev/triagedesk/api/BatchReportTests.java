package dev.triagedesk.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.triagedesk.evidence.Secrets;
import dev.triagedesk.staff.Role;
import dev.triagedesk.staff.StaffService;
import dev.triagedesk.staff.StaffUser;
import dev.triagedesk.support.TriageDeskTest;
import dev.triagedesk.ticket.RequestIdentifierRepository;
import dev.triagedesk.ticket.TicketService;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A Batch API error file and a Batch object sent with {@code POST /api/reports}, and the ticket page they give. */
@TriageDeskTest
class BatchReportTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TicketService tickets;
    @Autowired
    RequestIdentifierRepository identifiers;
    @Autowired
    StaffService staff;
    @Autowired
    UserDetailsService principals;

    private static byte[] sample(String name) throws Exception {
        return Files.readAllBytes(Path.of(BatchReportTests.class.getResource("/batch/" + name).toURI()));
    }

    @Test
    void aBatchErrorFileBecomesFailingLinesWithTheirIdsAndTheTicketPageListsThem() throws Exception {
        String key = Secrets.openAiKey(12);
        String custom = "job-" + UUID.randomUUID().toString().substring(0, 8);
        String errors = new String(sample("error-file-400.jsonl"), StandardCharsets.UTF_8)
                + new String(sample("guide-expired-errors.jsonl"), StandardCharsets.UTF_8)
                + "{\"id\": \"batch_req_k\", \"custom_id\": \"" + custom + "\", \"response\": {\"status_code\": 401,"
                + " \"request_id\": \"req_fedcba9876543210fedcba9876543210\", \"body\": {\"error\": {\"message\":"
                + " \"Incorrect API key provided: " + key + ".\", \"type\": \"invalid_request_error\", \"code\":"
                + " \"invalid_api_key\"}}}, \"error\": null}\n";
        MockMultipartFile report = new MockMultipartFile("report", "", MediaType.APPLICATION_JSON_VALUE,
                "{\"product\": \"openai_api\", \"description\": \"batch job failed\"}".getBytes());

        String body = mvc.perform(multipart("/api/reports").file(report)
                        .file(new MockMultipartFile("har", "batch_errors.jsonl", "application/jsonl",
                                errors.getBytes(StandardCharsets.UTF_8)))
                        .file(new MockMultipartFile("har", "batch.json", "application/json",
                                sample("failed-validation.json"))))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.evidence[0].name").value("batch_errors.jsonl"))
                .andExpect(jsonPath("$.evidence[0].status").value("analyzed"))
                .andExpect(jsonPath("$.evidence[0].failures").value(4))
                .andExpect(jsonPath("$.evidence[1].status").value("analyzed"))
                .andReturn().getResponse().getContentAsString();
        assertThat(body).doesNotContain(key);
        String reference = JsonMapper.builder().build().readTree(body).path("reference").asString();
        long ticketId = tickets.byReference(reference).orElseThrow().getId();
        assertThat(identifiers.findByLookup(custom)).extracting(i -> i.getTicket().getId()).containsExactly(ticketId);
        assertThat(identifiers.findByLookup("req_fedcba9876543210fedcba9876543210"))
                .extracting(i -> i.getTicket().getId()).containsExactly(ticketId);

        StaffUser agent = staff.create("agent-" + custom, null, "correct horse battery staple", Role.AGENT);
        String page = mvc.perform(get("/desk/tickets/" + reference)
                        .with(user(principals.loadUserByUsername(agent.getUsername()))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).doesNotContain(key);
        Document html = Jsoup.parse(page);
        List<String> rows = html.select("#failures tr.failure").eachText();
        assertThat(rows).anySatisfy(r -> assertThat(r).contains("POST", "400", "invalid_value",
                "max_tokens is too large", "custom_id: request-5", "batch_errors.jsonl", "line 1"));
        assertThat(rows).anySatisfy(r -> assertThat(r).contains("401", "invalid_api_key", "custom_id: " + custom,
                "req_fedcba9876543210fedcba9876543210", "line 4"));
        assertThat(rows).anySatisfy(r -> assertThat(r).contains("batch_expired", "2×"));
        assertThat(html.select(".signals li").eachText())
                .anySatisfy(s -> assertThat(s).contains("2 of 4 requests expired", "(batch_errors.jsonl, line 2)"))
                .anySatisfy(s -> assertThat(s).contains("failed validation: invalid_json_line at input line 1",
                        "(batch.json)"));
        assertThat(html.select(".attachment .facts").eachText())
                .anySatisfy(f -> assertThat(f).contains("4 requests, 4 failed or not run", "Format: batch-output"))
                .anySatisfy(f -> assertThat(f).contains("no requests, none failed", "Format: batch-object"));
    }
}
