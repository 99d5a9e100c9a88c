package dev.triagedesk.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.triagedesk.evidence.TriagePath;
import dev.triagedesk.staff.Role;
import dev.triagedesk.staff.StaffService;
import dev.triagedesk.staff.StaffUser;
import dev.triagedesk.support.StaffSessions;
import dev.triagedesk.support.TicketFixtures;
import dev.triagedesk.support.TriageDeskTest;
import dev.triagedesk.ticket.Product;
import dev.triagedesk.ticket.ReportAnswers;
import dev.triagedesk.ticket.Ticket;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The ticket and incident pages name the vendor's official incident that covered the failure. The official incident
 * is written to its table as an import would leave it (the import itself: StatusPageImportTests), at a time of its
 * own that no other test's failures fall in.
 */
@TriageDeskTest
class OfficialIncidentPagesTests {

    static final Instant AT = Instant.parse("2019-08-21T16:10:00Z");

    @Autowired
    MockMvc mvc;
    @Autowired
    TicketFixtures fixtures;
    @Autowired
    StaffService staff;
    @Autowired
    IncidentService incidents;
    @Autowired
    UserDetailsService principals;
    @Autowired
    JdbcTemplate jdbc;

    private Document page(StaffUser agent, String path) throws Exception {
        return StaffSessions.page(mvc, StaffSessions.as(principals, agent), path);
    }

    private void official(String id, String name, String components, Instant from, Instant to) {
        jdbc.update("DELETE FROM official_incident WHERE id = ?", id);
        jdbc.update("INSERT INTO official_incident (id, name, status, impact, created_at, resolved_at, components, link,"
                        + " imported_at) VALUES (?, ?, 'resolved', 'major', ?, ?, ?, ?, ?)", id, name,
                Timestamp.from(from), Timestamp.from(to), components, "https://status.example.com/incidents/" + id,
                Timestamp.from(Instant.now()));
    }

    @Test
    void theTicketAndIncidentPagesNameTheOfficialIncidentOfTheProductsComponent() throws Exception {
        official("pg0api", "API errors", "API\nChat Completions", AT.minusSeconds(3600), AT.plusSeconds(3600));
        official("pg0chatgpt", "ChatGPT unavailable", "Login\nChatGPT", AT.minusSeconds(600), AT.plusSeconds(1800));
        String word = Captures.word();
        StaffUser agent = staff.create("agent-" + word, null, "correct horse battery staple", Role.AGENT);
        String url = "https://chatgpt.com/backend-api/" + word + "/6915a9bc-afa8-8327-9a1b-0123456789ab";
        Ticket ticket = fixtures.submitHar(TicketFixtures.answers(Product.CHATGPT_WEB, "It fails", "a@example.com"),
                "capture.har", Captures.har("POST", url, 500, "internal_error", AT));

        Document ticketPage = page(agent, "/desk/tickets/" + ticket.getReference());
        assertThat(ticketPage.select("#official-incident").text()).contains("ChatGPT unavailable", "component ChatGPT")
                .doesNotContain("API errors");
        assertThat(ticketPage.select("#official-incident a").attr("href"))
                .isEqualTo("https://status.example.com/incidents/pg0chatgpt");

        String reference = incidents.ofTickets(List.of(ticket.getId())).get(ticket.getId()).getReference();
        Document incidentPage = page(agent, "/desk/incidents/" + reference);
        assertThat(incidentPage.select("#official-incident a").attr("href"))
                .isEqualTo("https://status.example.com/incidents/pg0chatgpt");
    }

    @Test
    void theVerdictCountsTheOfficialIncidentAtTheReportersTime() {
        official("pg0chatgpt", "ChatGPT unavailable", "Login\nChatGPT", AT.minusSeconds(600), AT.plusSeconds(1800));
        // no evidence and no answer about the status page: only the reporter's time ties it to the incident
        Ticket ticket = fixtures.submit(new ReportAnswers(Product.CHATGPT_WEB, null, "Something went wrong", 500,
                LocalDateTime.of(2019, 8, 21, 18, 15), "Europe/Berlin", null, "Pat", "c@example.com", "It fails",
                null, null, null, null));

        assertThat(ticket.getVerdictPath()).isEqualTo(TriagePath.OUTAGE);
        assertThat(ticket.getVerdictReasons()).contains("The vendor's status page had an incident for ChatGPT at the"
                + " failure time: \"ChatGPT unavailable\"");
    }

    @Test
    void nothingIsSaidWhenNoOfficialIncidentCoveredTheFailure() throws Exception {
        String word = Captures.word();
        StaffUser agent = staff.create("agent-" + word, null, "correct horse battery staple", Role.AGENT);
        String url = "https://chatgpt.com/backend-api/" + word + "/6915a9bc-afa8-8327-9a1b-0123456789ab";
        Ticket ticket = fixtures.submitHar(TicketFixtures.answers(Product.CHATGPT_WEB, "It fails", "a@example.com"),
                "capture.har", Captures.har("POST", url, 500, "internal_error", AT.plusSeconds(86_400 * 30)));

        assertThat(page(agent, "/desk/tickets/" + ticket.getReference()).select("#official-incident")).isEmpty();
    }
}
