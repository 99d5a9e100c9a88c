package dev.triagedesk.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.triagedesk.staff.Role;
import dev.triagedesk.staff.StaffService;
import dev.triagedesk.staff.StaffUser;
import dev.triagedesk.support.TriageDeskTest;
import dev.triagedesk.ticket.RequestIdentifierRepository;
import dev.triagedesk.ticket.TicketRepository;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** An SDK log sent with a report: stored as an API client log with its failing calls and request IDs. */
@TriageDeskTest
class ApiLogReportTests {

    private static final Path SAMPLES = Path.of("src", "test", "resources", "api-evidence", "fixtures");
    private static final String PASSWORD = "correct-horse-battery-staple-42";

    @Autowired
    MockMvc mvc;
    @Autowired
    TicketRepository tickets;
    @Autowired
    RequestIdentifierRepository identifiers;
    @Autowired
    StaffService staff;

    @Test
    void anSdkLogGivesFailingCallsAndRequestIdsThatTheStaffApiShows() throws Exception {
        String marker = "apilog" + UUID.randomUUID().toString().substring(0, 8);
        MockMultipartFile report = new MockMultipartFile("report", "", MediaType.APPLICATION_JSON_VALUE,
                ("{\"product\": \"OPENAI_API\", \"description\": \"500s from chat completions " + marker + "\"}")
                        .getBytes(StandardCharsets.UTF_8));
        MockMultipartFile log = new MockMultipartFile("console", "openai-debug.log", "text/plain",
                Files.readAllBytes(SAMPLES.resolve("python-debug-old.log")));
        MvcResult created = mvc.perform(multipart("/api/reports").file(report).file(log))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.evidence[0].name").value("openai-debug.log"))
                .andExpect(jsonPath("$.evidence[0].status").value("analyzed"))
                .andReturn();
        String reference = JsonMapper.builder().build().readTree(created.getResponse().getContentAsString())
                .path("reference").asString();
        var ticket = tickets.findByReference(reference).orElseThrow();
        assertThat(identifiers.findByLookup("req_2c3d4e5f60718293a4b5c6d7e8f90a1b"))
                .extracting(i -> i.getTicket().getId()).contains(ticket.getId());
        assertThat(identifiers.findByLookup("req_2c3d4e5f60718293a4b5c6d7e8f90a1b"))
                .filteredOn(i -> i.getTicket().getId().equals(ticket.getId()))
                .allSatisfy(i -> assertThat(i.getFailingRequest()).isNotNull());

        StaffUser agent = staff.create("agent-" + marker, null, PASSWORD, Role.AGENT);
        String basic = "Basic " + Base64.getEncoder().encodeToString((agent.getUsername() + ":" + PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        MvcResult read = mvc.perform(get("/api/tickets/" + reference).header(HttpHeaders.AUTHORIZATION, basic))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.evidence[0].kind").value("api_log"))
                .andExpect(jsonPath("$.evidence[0].format").value("openai-python"))
                .andExpect(jsonPath("$.failingRequests[0].entry").value(1))
                .andExpect(jsonPath("$.failingRequests[0].status").value(500))
                .andExpect(jsonPath("$.failingRequests[0].url").value("https://api.openai.com/v1/chat/completions"))
                .andExpect(jsonPath("$.failingRequests[0].category").value("retry_later"))
                .andExpect(jsonPath("$.failingRequests[0].error.type").value("server_error"))
                .andReturn();
        String body = read.getResponse().getContentAsString();
        JsonNode ticketJson = JsonMapper.builder().build().readTree(body);
        assertThat(ticketJson.path("failingRequests").get(0).path("requestIds").toString())
                .contains("req_0a1b2c3d4e5f60718293a4b5c6d7e8f9", "req_2c3d4e5f60718293a4b5c6d7e8f90a1b");
        assertThat(ticketJson.path("signals").toString()).contains("sdk_retries");
        assertThat(body).doesNotContain("PROMPT-SECRET-RECIPE").doesNotContain("sk-proj-FAKE").doesNotContain("sk-FAKE");
    }
}
