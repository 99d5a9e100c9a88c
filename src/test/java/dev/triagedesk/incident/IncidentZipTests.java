package dev.triagedesk.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.triagedesk.audit.AuditLog;
import dev.triagedesk.staff.Role;
import dev.triagedesk.staff.StaffService;
import dev.triagedesk.staff.StaffUser;
import dev.triagedesk.storage.EvidenceStorage;
import dev.triagedesk.support.TicketFixtures;
import dev.triagedesk.support.TriageDeskTest;
import dev.triagedesk.ticket.Product;
import dev.triagedesk.ticket.Ticket;
import dev.triagedesk.ticket.TicketService;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The incident's ZIP for the vendor's support, from the staff API and the incident page: its Markdown and JSON, and
 * one HAR per ticket holding the failing requests only; a stored capture that is missing refuses it and says whose.
 */
@TriageDeskTest
class IncidentZipTests {

    private static final String PASSWORD = "correct horse battery staple";
    static final Instant AT = Instant.parse("2026-05-07T10:00:00Z");

    @Autowired
    MockMvc mvc;
    @Autowired
    TicketFixtures fixtures;
    @Autowired
    StaffService staff;
    @Autowired
    IncidentService incidents;
    @Autowired
    TicketService tickets;
    @Autowired
    EvidenceStorage storage;
    @Autowired
    AuditLog audit;
    @Autowired
    UserDetailsService principals;

    StaffUser agent;
    Ticket first;
    Ticket second;
    String reference;

    @BeforeEach
    void incident() {
        String word = Captures.word();
        agent = staff.create("agent-" + word, null, PASSWORD, Role.AGENT);
        String url = "https://chatgpt.com/backend-api/" + word + "/conversation";
        first = fixtures.submitHar(TicketFixtures.answers(Product.CHATGPT_WEB, "It fails", "a@example.com"),
                "capture.har", Captures.har("POST", url, 502, null, AT));
        second = fixtures.submitHar(TicketFixtures.answers(Product.CHATGPT_WEB, "Same here", "b@example.com"),
                "capture.har", Captures.har("POST", url, 502, null, AT.plusSeconds(120)));
        reference = incidents.ofTickets(List.of(first.getId())).get(first.getId()).getReference();
    }

    private MockHttpServletRequestBuilder basic(MockHttpServletRequestBuilder request) {
        return request.header(HttpHeaders.AUTHORIZATION, "Basic " + Base64.getEncoder()
                .encodeToString((agent.getUsername() + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }

    private MockHttpServletRequestBuilder signedIn(MockHttpServletRequestBuilder request) {
        return request.with(user(principals.loadUserByUsername(agent.getUsername())));
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                files.put(e.getName(), in.readAllBytes());
            }
        }
        return files;
    }

    @Test
    void theZipHoldsTheNoteTheJsonAndEachTicketsFailingRequestsOnly() throws Exception {
        byte[] zip = mvc.perform(basic(get("/api/incidents/" + reference + "/export").param("format", "zip")))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/zip"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header().string(
                        HttpHeaders.CONTENT_DISPOSITION, Matchers.containsString("incident-" + reference + ".zip")))
                .andReturn().getResponse().getContentAsByteArray();
        String root = "incident-" + reference + "/";
        Map<String, byte[]> files = unzip(zip);
        assertThat(files.keySet()).containsExactly(root + "incident.md", root + "incident.json",
                root + "har/" + first.getReference() + ".failing.har",
                root + "har/" + second.getReference() + ".failing.har");

        assertThat(new String(files.get(root + "incident.md"), StandardCharsets.UTF_8))
                .startsWith("# Incident " + reference).contains(first.getReference(), second.getReference());
        JsonNode json = JsonMapper.builder().build().readTree(files.get(root + "incident.json"));
        assertThat(json.get("reference").asString()).isEqualTo(reference);
        assertThat(json.get("ticketCount").asInt()).isEqualTo(2);
        assertThat(json.get("requestIds")).hasSize(2);
        assertThat(json.get("firstFailureAt").asString()).isEqualTo(AT.toString());

        for (Ticket t : List.of(first, second)) {
            JsonNode har = JsonMapper.builder().build().readTree(files.get(root + "har/" + t.getReference()
                    + ".failing.har"));
            JsonNode entries = har.get("log").get("entries");
            // the page load before the failure is left out: the failing request only
            assertThat(entries).hasSize(1);
            assertThat(entries.get(0).get("response").get("status").asInt()).isEqualTo(502);
            assertThat(audit.trail(t.getId()).stream().map(a -> a.getDetail()).toList())
                    .contains("failing requests with incident " + reference + " (ZIP)");
        }

        byte[] same = mvc.perform(basic(get("/api/incidents/" + reference + "/export/zip")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(unzip(same).keySet()).isEqualTo(files.keySet());
    }

    @Test
    void theIncidentPageOffersTheSameZip() throws Exception {
        String page = mvc.perform(signedIn(get("/desk/incidents/" + reference))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        String href = org.jsoup.Jsoup.parse(page).select("#export-zip").attr("href");
        assertThat(href).isEqualTo("/desk/incidents/" + reference + "/export.zip");
        byte[] zip = mvc.perform(signedIn(get(href))).andExpect(status().isOk())
                .andExpect(content().contentType("application/zip")).andReturn().getResponse().getContentAsByteArray();
        assertThat(unzip(zip)).containsKey("incident-" + reference + "/har/" + second.getReference()
                + ".failing.har");
        mvc.perform(signedIn(get("/desk/incidents/IN-1999-000001/export.zip"))).andExpect(status().isNotFound());
    }

    @Test
    void aMissingStoredCaptureRefusesTheZipAndSaysWhose() throws Exception {
        String location = tickets.details(second.getId()).evidence().get(0).getStoredLocation();
        storage.delete(location);

        mvc.perform(basic(get("/api/incidents/" + reference + "/export").param("format", "zip")))
                .andExpect(status().isInternalServerError())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.title").value("Evidence missing"))
                .andExpect(jsonPath("$.detail", Matchers.containsString(second.getReference())));
        mvc.perform(signedIn(get("/desk/incidents/" + reference + "/export.zip")))
                .andExpect(redirectedUrl("/desk/incidents/" + reference))
                .andExpect(flash().attribute("errorText", Matchers.containsString(second.getReference())));
    }

    @Test
    void anUnknownFormatOrIncidentIsAProblemNotAnError() throws Exception {
        mvc.perform(basic(get("/api/incidents/" + reference + "/export").param("format", "tar")))
                .andExpect(status().isBadRequest());
        mvc.perform(basic(get("/api/incidents/" + reference + "/export"))).andExpect(status().isBadRequest());
        mvc.perform(basic(get("/api/incidents/IN-1999-000001/export").param("format", "zip")))
                .andExpect(status().isNotFound());
    }
}
