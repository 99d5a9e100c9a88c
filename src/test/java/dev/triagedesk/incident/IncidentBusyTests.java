package dev.triagedesk.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.triagedesk.staff.Role;
import dev.triagedesk.staff.StaffService;
import dev.triagedesk.staff.StaffUser;
import dev.triagedesk.support.TicketFixtures;
import dev.triagedesk.support.TriageDeskTest;
import dev.triagedesk.ticket.Product;
import dev.triagedesk.ticket.Ticket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * When a staff action on an incident keeps losing its lock (another transaction holds the incident's row longer
 * than the action's retries wait), the API answers 503 "Busy" with Retry-After and the page says to try again:
 * never a 500, and nothing is applied. Real contention: the test holds the row lock on a connection of its own
 * until both requests have answered, so every retry of theirs times out on the database's lock timeout.
 */
@TriageDeskTest
class IncidentBusyTests {

    private static final String PASSWORD = "correct horse battery staple";

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
    DataSource dataSource;

    @Test
    void anActionThatKeepsLosingItsLockIsABusyAnswerNeverAnError() throws Exception {
        String word = Captures.word();
        StaffUser agent = staff.create("agent-" + word, null, PASSWORD, Role.AGENT);
        String url = "https://chatgpt.com/backend-api/" + word + "/6915a9bc-afa8-8327-9a1b-0123456789ab";
        Ticket ticket = fixtures.submitHar(TicketFixtures.answers(Product.CHATGPT_WEB, "It fails", "a@example.com"),
                "capture.har", Captures.har("POST", url, 500, "internal_error", Instant.parse("2026-05-06T10:00:00Z")));
        Incident incident = incidents.ofTickets(List.of(ticket.getId())).get(ticket.getId());
        String otherUrl = "https://chatgpt.com/backend-api/" + Captures.word() + "/6915a9bc-afa8-8327-9a1b-0123456789ab";
        Ticket other = fixtures.submitHar(TicketFixtures.answers(Product.CHATGPT_WEB, "It fails", "b@example.com"),
                "capture.har", Captures.har("POST", otherUrl, 500, "internal_error",
                        Instant.parse("2026-05-06T10:00:00Z")));
        String into = incidents.ofTickets(List.of(other.getId())).get(other.getId()).getReference();
        String title = incident.getTitle();
        String basic = "Basic " + Base64.getEncoder().encodeToString((agent.getUsername() + ":" + PASSWORD)
                .getBytes(StandardCharsets.UTF_8));

        MockHttpServletResponse api;
        MvcResult page;
        MvcResult merge;
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement("SELECT id FROM incident WHERE id = ? FOR UPDATE")) {
                lock.setLong(1, incident.getId());
                try (ResultSet rs = lock.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                }
            }
            // both wait at once, each through all its retries, while the row stays locked
            CompletableFuture<MockHttpServletResponse> fromApi = CompletableFuture.supplyAsync(() -> perform(() ->
                    mvc.perform(patch("/api/incidents/" + incident.getReference())
                            .header(HttpHeaders.AUTHORIZATION, basic).contentType(MediaType.APPLICATION_JSON)
                            .content("{\"title\":\"Renamed by the API\"}")).andReturn().getResponse()));
            CompletableFuture<MvcResult> fromPage = CompletableFuture.supplyAsync(() -> perform(() ->
                    mvc.perform(post("/desk/incidents/" + incident.getReference() + "/title").with(csrf())
                            .with(user(principals.loadUserByUsername(agent.getUsername())))
                            .param("title", "Renamed on the page")).andReturn()));
            CompletableFuture<MvcResult> mergeOnPage = CompletableFuture.supplyAsync(() -> perform(() ->
                    mvc.perform(post("/desk/incidents/" + incident.getReference() + "/merge").with(csrf())
                            .with(user(principals.loadUserByUsername(agent.getUsername())))
                            .param("into", into)).andReturn()));
            api = fromApi.get(5, TimeUnit.MINUTES);
            merge = mergeOnPage.get(5, TimeUnit.MINUTES);
            page = fromPage.get(5, TimeUnit.MINUTES);
            holder.rollback();
        }

        assertThat(api.getStatus()).isEqualTo(503);
        assertThat(api.getHeader(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
        assertThat(api.getContentType()).startsWith("application/problem+json");
        assertThat(api.getContentAsString(StandardCharsets.UTF_8)).contains("\"title\":\"Busy\"",
                "nothing of this request was applied").doesNotContain("Exception", "at dev.");

        assertThat(page.getResponse().getStatus()).isEqualTo(302);
        assertThat(page.getResponse().getRedirectedUrl()).isEqualTo("/desk/incidents/" + incident.getReference());
        assertThat((String) page.getFlashMap().get("errorText")).contains("Try again in a moment");
        assertThat(page.getFlashMap().containsKey("messageKey")).isFalse();

        assertThat(merge.getResponse().getStatus()).isEqualTo(302);
        assertThat(merge.getResponse().getRedirectedUrl()).isEqualTo("/desk/incidents/" + incident.getReference());
        assertThat((String) merge.getFlashMap().get("errorText")).contains("Try again in a moment");

        Incident after = incidents.find(incident.getReference()).orElseThrow();
        assertThat(after.getTitle()).isEqualTo(title);
        assertThat(after.getReference()).as("not merged").isEqualTo(incident.getReference());
    }

    interface Request<T> {
        T run() throws Exception;
    }

    private static <T> T perform(Request<T> request) {
        try {
            return request.run();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
