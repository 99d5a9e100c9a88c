package dev.triagedesk.erasure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.triagedesk.staff.Role;
import dev.triagedesk.staff.StaffService;
import dev.triagedesk.support.TicketFixtures;
import dev.triagedesk.support.TriageDeskTest;
import dev.triagedesk.ticket.Product;
import dev.triagedesk.ticket.Ticket;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The erasure buttons of the ticket page, its confirmation step and its form, as administrators and agents see them. */
@TriageDeskTest
class ErasurePagesTests {

    static final String HAR = "user-masteralan360-asaas-chrome143-404-body.har";
    static final String PASSWORD = "correct horse battery staple";

    @Autowired
    MockMvc mvc;
    @Autowired
    TicketFixtures fixtures;
    @Autowired
    StaffService staff;
    @Autowired
    UserDetailsService principals;
    @Autowired
    JdbcTemplate jdbc;

    String admin;
    String agent;
    Ticket ticket;

    @BeforeEach
    void ticketAndStaff() {
        String marker = "ep" + UUID.randomUUID().toString().substring(0, 8);
        admin = staff.create("admin-" + marker, null, PASSWORD, Role.ADMIN).getUsername();
        agent = staff.create("agent-" + marker, null, PASSWORD, Role.AGENT).getUsername();
        ticket = fixtures.submit(TicketFixtures.answers(Product.CHATGPT_WEB, "Saving fails " + marker, null), HAR);
    }

    private MockHttpServletRequestBuilder as(String username, MockHttpServletRequestBuilder request) {
        return request.with(user(principals.loadUserByUsername(username)));
    }

    @Test
    void onlyAdministratorsSeeTheButtons() throws Exception {
        String page = "/desk/tickets/" + ticket.getReference();
        mvc.perform(as(admin, get(page))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"erase-ticket\"")))
                .andExpect(content().string(containsString("/admin/tickets/" + ticket.getReference()
                        + "/attachments/1/erase")));
        mvc.perform(as(agent, get(page))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("erase-ticket"))))
                .andExpect(content().string(not(containsString("/erase"))));
    }

    @Test
    void theConfirmationPageChangesNothingAndItsFormErasesTheAttachment() throws Exception {
        String confirm = "/admin/tickets/" + ticket.getReference() + "/attachments/1/erase";
        mvc.perform(as(admin, get(confirm))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"erase-form\"")))
                .andExpect(content().string(containsString("name=\"_csrf\"")));
        assertThat(evidenceCount()).isEqualTo(1);

        mvc.perform(as(admin, post(confirm))).andExpect(status().isForbidden()); // no CSRF token
        mvc.perform(as(agent, post(confirm).with(csrf()))).andExpect(status().isForbidden());
        mvc.perform(as(agent, get(confirm))).andExpect(status().isForbidden());
        assertThat(evidenceCount()).isEqualTo(1);

        mvc.perform(as(admin, post(confirm).with(csrf())))
                .andExpect(redirectedUrl("/desk/tickets/" + ticket.getReference() + "#attachments"))
                .andExpect(flash().attribute("messageArg", "attachment 1 (HAR) of " + ticket.getReference() + " erased"));
        assertThat(evidenceCount()).isZero();
        mvc.perform(as(admin, get(confirm))).andExpect(status().isNotFound());
    }

    @Test
    void theTicketFormErasesTheTicketAndGoesBackToTheQueue() throws Exception {
        String confirm = "/admin/tickets/" + ticket.getReference() + "/erase";
        mvc.perform(as(admin, get(confirm))).andExpect(status().isOk())
                .andExpect(content().string(containsString(ticket.getReference())));
        mvc.perform(as(admin, post(confirm).with(csrf()))).andExpect(redirectedUrl("/desk"))
                .andExpect(flash().attribute("messageKey", "erasure.done"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ticket WHERE id = ?", Long.class, ticket.getId())).isZero();
        mvc.perform(as(admin, get("/desk/tickets/" + ticket.getReference()))).andExpect(status().isNotFound());
        mvc.perform(as(admin, post(confirm).with(csrf()))).andExpect(redirectedUrl("/desk"))
                .andExpect(flash().attribute("errorKey", "erasure.gone"));
    }

    private long evidenceCount() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM evidence WHERE ticket_id = ?", Long.class, ticket.getId());
    }
}
