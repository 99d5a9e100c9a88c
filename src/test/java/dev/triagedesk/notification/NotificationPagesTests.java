package dev.triagedesk.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.triagedesk.staff.Role;
import dev.triagedesk.staff.StaffService;
import dev.triagedesk.staff.StaffUser;
import dev.triagedesk.support.StaffSessions;
import dev.triagedesk.support.TriageDeskTest;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The Account page's mail choices and the administrators' outbox page. */
@TriageDeskTest
class NotificationPagesTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    StaffService staff;
    @Autowired
    UserDetailsService principals;
    @Autowired
    MailPreferences preferences;
    @Autowired
    JdbcTemplate jdbc;

    StaffUser agent;
    StaffUser admin;

    @BeforeEach
    void people() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        agent = staff.create("agent-" + marker, "Agent", "correct horse battery staple", Role.AGENT);
        admin = staff.create("admin-" + marker, "Admin", "correct horse battery staple", Role.ADMIN);
    }

    @Test
    void staffChooseTheirMailsOnTheAccountPage() throws Exception {
        Document account = page("/account", agent);
        assertThat(account.select("#notifications input[name=email]").val()).isEmpty();

        mvc.perform(post("/account/notifications").with(csrf()).with(as(agent)).param("email", "dana@example.com")
                        .param("reporterReply", "true"))
                .andExpect(flash().attribute("messageKey", "notifications.saved"));
        StaffMailPreference chosen = preferences.of(agent.getUsername());
        assertThat(chosen.getEmail()).isEqualTo("dana@example.com");
        assertThat(chosen.isReporterReply()).isTrue();
        assertThat(chosen.isNewTicket()).isFalse();
        assertThat(page("/account", agent).select("#notify-reply").hasAttr("checked")).isTrue();

        mvc.perform(post("/account/notifications").with(csrf()).with(as(agent)).param("email", "not an address")
                        .param("newTicket", "true"))
                .andExpect(flash().attribute("errorKey", "notifications.invalid"));
        mvc.perform(post("/account/notifications").with(csrf()).with(as(agent)).param("newTicket", "true"))
                .andExpect(flash().attribute("errorKey", "notifications.invalid"));
        mvc.perform(post("/account/notifications").with(csrf()).with(as(agent)).param("newTicket", "maybe"))
                .andExpect(status().isBadRequest());
        assertThat(preferences.of(agent.getUsername()).getEmail()).isEqualTo("dana@example.com");
    }

    @Test
    void administratorsSeeTheOutboxAndQueueAFailedMessageAgain() throws Exception {
        String to = OutboxClaims.queue(jdbc, 1);
        jdbc.update("UPDATE outbox_message SET state = 'FAILED', attempts = 10, last_error = 'MailSendException:"
                + " Connection refused' WHERE recipient = ?", to);
        long id = jdbc.queryForObject("SELECT id FROM outbox_message WHERE recipient = ?", Long.class, to);

        mvc.perform(get("/admin/outbox").with(as(agent))).andExpect(status().isForbidden());
        Document outbox = page("/admin/outbox", admin);
        assertThat(outbox.select("tr[data-state=FAILED]").text()).contains("claim 0", "Connection refused");
        // the recipient's address is not shown
        assertThat(outbox.text()).doesNotContain(to);

        mvc.perform(post("/admin/outbox/" + id + "/retry").with(csrf()).with(as(admin)))
                .andExpect(flash().attribute("messageKey", "outbox.retried"));
        assertThat(jdbc.queryForObject("SELECT state FROM outbox_message WHERE id = ?", String.class, id))
                .isEqualTo("PENDING");
        mvc.perform(post("/admin/outbox/" + id + "/retry").with(csrf()).with(as(admin)))
                .andExpect(flash().attribute("errorKey", "outbox.notRetried"));
        mvc.perform(post("/admin/outbox/nonsense/retry").with(csrf()).with(as(admin)))
                .andExpect(flash().attribute("errorKey", "outbox.notRetried"));
        jdbc.update("DELETE FROM outbox_message WHERE id = ?", id);
    }

    private Document page(String path, StaffUser who) throws Exception {
        return StaffSessions.page(mvc, as(who), path);
    }

    private RequestPostProcessor as(StaffUser who) {
        return StaffSessions.as(principals, who);
    }
}
