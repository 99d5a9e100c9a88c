package dev.triagedesk.audit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.triagedesk.audit.AuditAction;
import dev.triagedesk.audit.AuditLog;
import dev.triagedesk.staff.Role;
import dev.triagedesk.staff.StaffService;
import dev.triagedesk.staff.StaffUser;
import dev.triagedesk.support.StaffSessions;
import dev.triagedesk.support.TicketFixtures;
import dev.triagedesk.support.TriageDeskTest;
import dev.triagedesk.ticket.Product;
import dev.triagedesk.ticket.Ticket;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** The Activity page: audit lines about no ticket, for administrators only. */
@TriageDeskTest
class ActivityPageTests {

    private static final String PASSWORD = "correct horse battery staple";

    @Autowired
    MockMvc mvc;
    @Autowired
    StaffService staff;
    @Autowired
    AuditLog audit;
    @Autowired
    TicketFixtures fixtures;

    String marker;
    StaffUser admin;
    MockHttpSession adminSession;
    MockHttpSession agentSession;

    @BeforeEach
    void accounts() throws Exception {
        marker = UUID.randomUUID().toString().substring(0, 8);
        admin = staff.create("admin-" + marker, null, PASSWORD, Role.ADMIN);
        adminSession = StaffSessions.signIn(mvc, admin.getUsername(), PASSWORD);
        StaffUser agent = staff.create("agent-" + marker, null, PASSWORD, Role.AGENT);
        agentSession = StaffSessions.signIn(mvc, agent.getUsername(), PASSWORD);
    }

    private Document page(String url, MockHttpSession session) throws Exception {
        return Jsoup.parse(mvc.perform(get(url).session(session)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
    }

    @Test
    void onlyAdministratorsSeeItAndTheirNavigationLeadsThere() throws Exception {
        mvc.perform(get("/admin/activity").session(agentSession)).andExpect(status().isForbidden());
        mvc.perform(get("/admin/activity")).andExpect(redirectedUrl("/login"));
        assertThat(page("/desk", agentSession).select(".staff-nav a[href=/admin/activity]")).isEmpty();
        assertThat(page("/desk", adminSession).select(".staff-nav a[href=/admin/activity]")).hasSize(1);
        assertThat(page("/admin/activity", adminSession).select("h1").text()).isEqualTo("Activity");
    }

    @Test
    void aQueueExportIsListedNewestFirstAndNothingOfATicket() throws Exception {
        Ticket ticket = fixtures.submit(TicketFixtures.answers(Product.CHATGPT_WEB, "Activity " + marker, null));
        mvc.perform(get("/desk/tickets/" + ticket.getReference()).session(adminSession)).andExpect(status().isOk());
        mvc.perform(get("/desk/export.csv").param("q", "activity " + marker).session(adminSession))
                .andExpect(status().isOk());

        Document first = page("/admin/activity", adminSession);
        assertThat(first.select("tbody tr").first().select("td").eachText())
                .containsExactly(first.select("tbody tr time").first().text(), admin.getUsername(), "exported",
                        "queue CSV (1 ticket)");
        // the view of the ticket is in the ticket's own trail, not here
        assertThat(first.select("tbody td:nth-child(2)").eachText().stream()
                .filter(admin.getUsername()::equals)).hasSize(1);
        assertThat(first.select("tbody").text()).doesNotContain("viewed");
    }

    @Test
    void fiftyLinesAPageOlderOnTheNext() throws Exception {
        for (int i = 0; i < ActivityController.PAGE_SIZE + 1; i++) {
            audit.recordAccess(null, "bulk-" + marker, AuditAction.EXPORTED, "line " + i);
        }
        Document first = page("/admin/activity", adminSession);
        assertThat(first.select("tbody tr")).hasSize(ActivityController.PAGE_SIZE);
        assertThat(first.select("tbody tr td:nth-child(4)").first().text()).isEqualTo("line " + ActivityController.PAGE_SIZE);
        String older = first.select(".pagination a[rel=next]").attr("href");
        assertThat(older).isEqualTo("/admin/activity?page=2");
        Document second = page(older, adminSession);
        assertThat(second.select("tbody tr td:nth-child(4)").eachText()).contains("line 0")
                .doesNotContain("line " + ActivityController.PAGE_SIZE);
        assertThat(second.select(".pagination a[rel=prev]").attr("href")).isEqualTo("/admin/activity?page=1");
    }
}
