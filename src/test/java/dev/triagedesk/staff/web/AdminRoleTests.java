package dev.triagedesk.staff.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.triagedesk.audit.AuditAction;
import dev.triagedesk.audit.AuditEvent;
import dev.triagedesk.audit.AuditLog;
import dev.triagedesk.staff.Role;
import dev.triagedesk.staff.StaffService;
import dev.triagedesk.staff.StaffUser;
import dev.triagedesk.support.StaffSessions;
import dev.triagedesk.support.TriageDeskTest;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Administrators make agents administrators and back; one enabled administrator always remains. A database of
 * its own, where each test leaves exactly one enabled administrator before it starts.
 */
@TriageDeskTest
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:admin-roles;DB_CLOSE_DELAY=-1")
class AdminRoleTests {

    private static final String PASSWORD = "correct horse battery staple";

    @Autowired
    MockMvc mvc;
    @Autowired
    StaffService staff;
    @Autowired
    AuditLog audit;
    @Autowired
    JdbcTemplate jdbc;

    String marker;
    StaffUser admin;
    MockHttpSession adminSession;

    @BeforeEach
    void theOnlyEnabledAdministrator() throws Exception {
        marker = UUID.randomUUID().toString().substring(0, 8);
        admin = staff.create("admin-" + marker, null, PASSWORD, Role.ADMIN);
        jdbc.update("UPDATE staff_user SET enabled = false WHERE id <> ?", admin.getId());
        adminSession = StaffSessions.signIn(mvc, admin.getUsername(), PASSWORD);
    }

    private void role(MockHttpSession session, StaffUser member, Role role, String flash, String value) throws Exception {
        mvc.perform(post("/admin/staff/" + member.getId() + "/role").session(session).with(csrf())
                        .param("role", role.name()))
                .andExpect(redirectedUrl("/admin/staff"))
                .andExpect(flash().attribute(flash, value));
    }

    @Test
    void anAgentMadeAdministratorHasTheRightsFromTheirNextSignIn() throws Exception {
        StaffUser agent = staff.create("agent-" + marker, null, PASSWORD, Role.AGENT);
        MockHttpSession agentSession = StaffSessions.signIn(mvc, agent.getUsername(), PASSWORD);
        mvc.perform(get("/admin/staff").session(agentSession)).andExpect(status().isForbidden());

        // the page offers it
        assertThat(Jsoup.parse(mvc.perform(get("/admin/staff").session(adminSession)).andReturn().getResponse()
                .getContentAsString()).select("#member-" + agent.getUsername() + " form[action$=/role] button").text())
                .isEqualTo("Make administrator");
        role(adminSession, agent, Role.ADMIN, "messageKey", "admin.madeAdmin");
        assertThat(staff.byId(agent.getId()).orElseThrow().getRole()).isEqualTo(Role.ADMIN);

        // the session made as an agent ends; signed in again, the new administrator manages accounts
        mvc.perform(get("/desk").session(agentSession)).andExpect(redirectedUrl("/login?ended"));
        MockHttpSession again = StaffSessions.signIn(mvc, agent.getUsername(), PASSWORD);
        mvc.perform(get("/admin/staff").session(again)).andExpect(status().isOk());

        // and back: demoted, their administrator session ends too
        role(adminSession, agent, Role.AGENT, "messageKey", "admin.madeAgent");
        mvc.perform(get("/admin/staff").session(again)).andExpect(redirectedUrl("/login?ended"));
        assertThat(audit.withoutTicket(0, 50).getContent())
                .filteredOn(e -> e.getAction() == AuditAction.ROLE_CHANGED).extracting(AuditEvent::getActor,
                        AuditEvent::getDetail)
                .startsWith(org.assertj.core.groups.Tuple.tuple(admin.getUsername(),
                                agent.getUsername() + ": administrator → agent"),
                        org.assertj.core.groups.Tuple.tuple(admin.getUsername(),
                                agent.getUsername() + ": agent → administrator"));
    }

    @Test
    void theLastEnabledAdministratorCannotMakeThemselfAnAgent() throws Exception {
        role(adminSession, admin, Role.AGENT, "errorText",
                admin.getUsername() + " is the last enabled administrator: make someone else an administrator first");
        assertThat(staff.byId(admin.getId()).orElseThrow().getRole()).isEqualTo(Role.ADMIN);
        mvc.perform(get("/admin/staff").session(adminSession)).andExpect(status().isOk());

        // a disabled administrator does not count; an enabled one does
        StaffUser other = staff.create("other-" + marker, null, PASSWORD, Role.ADMIN);
        staff.setEnabled(other.getId(), false, admin.getUsername());
        role(adminSession, admin, Role.AGENT, "errorText",
                admin.getUsername() + " is the last enabled administrator: make someone else an administrator first");
        staff.setEnabled(other.getId(), true, admin.getUsername());
        role(adminSession, admin, Role.AGENT, "messageKey", "admin.madeAgent");
        assertThat(staff.byId(admin.getId()).orElseThrow().getRole()).isEqualTo(Role.AGENT);
        mvc.perform(get("/admin/staff").session(adminSession)).andExpect(redirectedUrl("/login?ended"));
    }

    @Test
    void accountChangesAreRecordedUnderTheAdministratorWithNoTicket() throws Exception {
        mvc.perform(post("/admin/staff").session(adminSession).with(csrf()).param("username", "new-" + marker)
                .param("role", "AGENT").param("password", "another long secret"));
        StaffUser added = staff.byUsername("new-" + marker).orElseThrow();
        mvc.perform(post("/admin/staff/" + added.getId() + "/password").session(adminSession).with(csrf())
                .param("password", "yet another long secret"));
        mvc.perform(post("/admin/staff/" + added.getId() + "/enabled").session(adminSession).with(csrf())
                .param("enabled", "false"));
        assertThat(audit.withoutTicket(0, 3).getContent()).extracting(AuditEvent::getActor, AuditEvent::getAction,
                AuditEvent::getDetail).containsExactly(
                org.assertj.core.groups.Tuple.tuple(admin.getUsername(), AuditAction.ACCOUNT_DISABLED, added.getUsername()),
                org.assertj.core.groups.Tuple.tuple(admin.getUsername(), AuditAction.PASSWORD_RESET,
                        "for " + added.getUsername()),
                org.assertj.core.groups.Tuple.tuple(admin.getUsername(), AuditAction.ACCOUNT_ADDED,
                        added.getUsername() + " (agent)"));
        assertThat(Jsoup.parse(mvc.perform(get("/admin/activity").session(adminSession)).andReturn().getResponse()
                .getContentAsString()).select("tbody tr").first().text()).contains("disabled a staff account");
    }
}
