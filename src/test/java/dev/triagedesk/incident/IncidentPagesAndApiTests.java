package dev.triagedesk.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.triagedesk.staff.Role;
import dev.triagedesk.staff.StaffService;
import dev.triagedesk.staff.StaffUser;
import dev.triagedesk.support.TicketFixtures;
import dev.triagedesk.support.TriageDeskTest;
import dev.triagedesk.ticket.Product;
import dev.triagedesk.ticket.Ticket;
import dev.triagedesk.ticket.TicketRepository;
import dev.triagedesk.ticket.TicketStatus;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The incident pages and the staff API's incidents, as an agent and a script use them. */
@TriageDeskTest
class IncidentPagesAndApiTests {

    private static final String PASSWORD = "correct horse battery staple";
    static final Instant AT = Instant.parse("2026-05-04T10:00:00Z");

    @Autowired
    MockMvc mvc;
    @Autowired
    TicketFixtures fixtures;
    @Autowired
    StaffService staff;
    @Autowired
    IncidentService incidents;
    @Autowired
    TicketRepository tickets;
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
        String url = "https://chatgpt.com/backend-api/" + word + "/6915a9bc-afa8-8327-9a1b-0123456789ab";
        first = fixtures.submitHar(TicketFixtures.answers(Product.CHATGPT_WEB, "It fails", "a@example.com"),
                "capture.har", Captures.har("POST", url, 500, "internal_error", AT));
        second = fixtures.submitHar(TicketFixtures.answers(Product.CHATGPT_WEB, "Same here", "b@example.com"),
                "capture.har", Captures.har("POST", url, 500, "internal_error", AT.plusSeconds(300)));
        reference = incidents.ofTickets(List.of(first.getId())).get(first.getId()).getReference();
    }

    private MockHttpServletRequestBuilder basic(MockHttpServletRequestBuilder request) {
        return request.header(HttpHeaders.AUTHORIZATION, "Basic " + Base64.getEncoder()
                .encodeToString((agent.getUsername() + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }

    private MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request) {
        return request.with(user(principals.loadUserByUsername(agent.getUsername())));
    }

    private Document page(String path) throws Exception {
        return Jsoup.parse(mvc.perform(as(get(path))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
    }

    @Test
    void theIncidentPageShowsTheProblemItsTicketsAndTheirRequestIds() throws Exception {
        Document page = page("/desk/incidents/" + reference);
        assertThat(page.select("h1").text()).startsWith("HTTP 500 internal_error from chatgpt.com POST /backend-api/")
                .endsWith("/{id}");
        assertThat(page.select("#incident-count").text()).isEqualTo("2");
        assertThat(page.select("#members tbody tr").eachAttr("data-reference"))
                .containsExactly(first.getReference(), second.getReference());
        assertThat(page.select("#request-ids tbody tr")).hasSize(2);
        assertThat(page.select("#request-ids tbody tr").first().text()).contains("500", "2026-05-04 10:00:00 UTC");
        assertThat(page.select("svg.incident-chart rect.bar-failing")).isNotEmpty();
        assertThat(page.select("#verdicts").text()).isNotBlank();

        Document list = page("/desk/incidents");
        assertThat(list.select("tr[data-reference=" + reference + "] td").first().text()).startsWith("HTTP 500");

        Document queue = page("/desk?incident=" + reference);
        assertThat(queue.select("table.queue-table tbody tr").eachAttr("data-reference"))
                .containsExactlyInAnyOrder(first.getReference(), second.getReference());
        assertThat(queue.select("tr[data-reference=" + first.getReference() + "] td.incident a").text())
                .isEqualTo(reference);
        assertThat(page("/desk?incident=nonsense").select("#problem-incident")).hasSize(1);

        assertThat(page("/desk/tickets/" + first.getReference()).select("#ticket-incident a").text())
                .startsWith(reference + ": HTTP 500");
        mvc.perform(as(get("/desk/incidents/IN-1999-000001"))).andExpect(status().isNotFound());
        String note = mvc.perform(as(get(page.select("#export-markdown").attr("href")))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(note).startsWith("# Incident " + reference).contains(first.getReference(), second.getReference());
    }

    @Test
    void theFormsActOnTheIncidentAndSayWhatCannotBeDone() throws Exception {
        mvc.perform(as(post("/desk/incidents/" + reference + "/change")).with(csrf()).param("status", "ESCALATED")
                        .param("assignee", agent.getId().toString()))
                .andExpect(redirectedUrl("/desk/incidents/" + reference));
        Ticket changed = tickets.findById(second.getId()).orElseThrow();
        assertThat(changed.getStatus()).isEqualTo(TicketStatus.ESCALATED);
        mvc.perform(as(post("/desk/incidents/" + reference + "/remove")).with(csrf())
                        .param("ticket", second.getReference()))
                .andExpect(redirectedUrl("/desk/incidents/" + reference));
        assertThat(incidents.ofTickets(List.of(second.getId()))).isEmpty();
        mvc.perform(as(post("/desk/incidents/" + reference + "/add")).with(csrf()).param("ticket", "TD-1999-000001"))
                .andExpect(redirectedUrl("/desk/incidents/" + reference));
        mvc.perform(as(post("/desk/incidents/" + reference + "/title")).with(csrf()).param("title", "Chats fail"))
                .andExpect(redirectedUrl("/desk/incidents/" + reference));
        assertThat(page("/desk/incidents/" + reference).select("h1").text()).isEqualTo("Chats fail");
    }

    @Test
    void theApiListsShowsChangesMergesAndMovesIncidents() throws Exception {
        mvc.perform(basic(get("/api/incidents")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.reference == '" + reference + "')].ticketCount").value(2))
                .andExpect(jsonPath("$.items[?(@.reference == '" + reference + "')].firstFailureAt")
                        .value("2026-05-04T10:00:00Z"));
        mvc.perform(basic(get("/api/incidents/" + reference)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.tickets[0]").value(first.getReference()))
                .andExpect(jsonPath("$.tickets[1]").value(second.getReference()))
                .andExpect(jsonPath("$.errorCode").value("internal_error"))
                .andExpect(jsonPath("$.requestIds.length()").value(2));
        mvc.perform(basic(get("/api/tickets/" + first.getReference())))
                .andExpect(jsonPath("$.incident").value(reference));
        String note = mvc.perform(basic(get("/api/incidents/" + reference + "/export/markdown")))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(new MediaType("text", "markdown")))
                .andReturn().getResponse().getContentAsString();
        assertThat(note).startsWith("# Incident " + reference + ": HTTP 500 internal\\_error from chatgpt.com")
                .contains("- **Reports:** 2 tickets from 2 reporters", "| 2026-05-04 10:00:00 | 500 | x-request-id | req",
                        first.getReference(), second.getReference());
        mvc.perform(basic(get("/api/incidents/" + reference + "/export/json")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.requestIds.length()").value(2))
                .andExpect(jsonPath("$.errorCode").value("internal_error"));
        mvc.perform(basic(get("/api/incidents/" + reference + "/export/pdf"))).andExpect(status().isBadRequest());

        mvc.perform(basic(patch("/api/incidents/" + reference)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\": \"resolved\", \"assignee\": \"" + agent.getUsername() + "\", \"title\": \"Stream 500s\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("resolved"))
                .andExpect(jsonPath("$.assignee").value(agent.getUsername()))
                .andExpect(jsonPath("$.title").value("Stream 500s"));
        assertThat(tickets.findById(first.getId()).orElseThrow().getStatus()).isEqualTo(TicketStatus.RESOLVED);

        mvc.perform(basic(patch("/api/incidents/" + reference)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\": \"on-fire\", \"colour\": 1}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("status", "colour")));
        mvc.perform(basic(patch("/api/incidents/" + reference)).contentType(MediaType.APPLICATION_JSON).content("[1"))
                .andExpect(status().isBadRequest());
        mvc.perform(basic(get("/api/incidents/IN-1999-000001"))).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(basic(get("/api/incidents").param("status", "on-fire"))).andExpect(status().isBadRequest());
        mvc.perform(get("/api/incidents")).andExpect(status().isUnauthorized());

        mvc.perform(basic(delete("/api/incidents/" + reference + "/tickets/" + second.getReference())))
                .andExpect(status().isOk()).andExpect(jsonPath("$.ticketCount").value(1));
        mvc.perform(basic(delete("/api/incidents/" + reference + "/tickets/" + second.getReference())))
                .andExpect(status().isNotFound());
        Ticket other = fixtures.submitHar(TicketFixtures.answers(Product.CHATGPT_WEB, "x", null), "capture.har",
                Captures.har("GET", "https://chatgpt.com/" + Captures.word(), 403, null, AT));
        String otherIncident = incidents.ofTickets(List.of(other.getId())).get(other.getId()).getReference();
        mvc.perform(basic(post("/api/incidents/" + reference + "/tickets")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"ticket\": \"" + second.getReference() + "\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.ticketCount").value(2));
        mvc.perform(basic(post("/api/incidents/" + otherIncident + "/merge")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"into\": \"" + reference + "\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.reference").value(reference))
                .andExpect(jsonPath("$.ticketCount").value(3));
        mvc.perform(basic(post("/api/incidents/" + otherIncident + "/merge")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"into\": \"" + reference + "\"}"))
                .andExpect(status().isConflict());
        mvc.perform(basic(post("/api/incidents/" + reference + "/merge")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"into\": \"" + reference + "\"}"))
                .andExpect(status().isBadRequest());
    }
}
