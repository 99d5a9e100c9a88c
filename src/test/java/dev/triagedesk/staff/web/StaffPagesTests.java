package dev.triagedesk.staff.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.triagedesk.staff.Role;
import dev.triagedesk.staff.StaffService;
import dev.triagedesk.staff.StaffUser;
import dev.triagedesk.support.StaffSessions;
import dev.triagedesk.support.TriageDeskTest;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Administrators manage accounts; everyone manages their own password and API tokens. */
@TriageDeskTest
class StaffPagesTests {

    private static final String PASSWORD = "correct horse battery staple";

    @Autowired
    MockMvc mvc;
    @Autowired
    StaffService staff;

    String marker;
    StaffUser admin;
    MockHttpSession adminSession;

    @BeforeEach
    void admin() throws Exception {
        marker = UUID.randomUUID().toString().substring(0, 8);
        admin = staff.create("admin-" + marker, "Ada " + marker, PASSWORD, Role.ADMIN);
        adminSession = StaffSessions.signIn(mvc, admin.getUsername(), PASSWORD);
    }

    @Test
    void anAdministratorAddsAnAgentWhoCanThenSignIn() throws Exception {
        String page = mvc.perform(get("/admin/staff").session(adminSession)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains(admin.getUsername()).contains("Add a staff member").contains("Ada " + marker);
        // one's own account is not offered for disabling, which would be refused
        assertThat(org.jsoup.Jsoup.parse(page).select("#member-" + admin.getUsername() + " form[action$=/enabled]"))
                .isEmpty();

        mvc.perform(post("/admin/staff").session(adminSession).with(csrf()).param("username", "agent-" + marker)
                        .param("displayName", "Sam").param("role", "AGENT").param("password", "another long secret"))
                .andExpect(redirectedUrl("/admin/staff"))
                .andExpect(flash().attribute("messageKey", "admin.added"));
        StaffUser agent = staff.byUsername("agent-" + marker).orElseThrow();
        assertThat(agent.getRole()).isEqualTo(Role.AGENT);
        MockHttpSession agentSession = StaffSessions.signIn(mvc, agent.getUsername(), "another long secret");
        mvc.perform(get("/admin/staff").session(agentSession)).andExpect(status().isForbidden());

        mvc.perform(post("/admin/staff").session(adminSession).with(csrf()).param("username", "agent-" + marker)
                        .param("password", "another long secret"))
                .andExpect(flash().attribute("errorText", "the user name agent-" + marker + " is taken"));
        mvc.perform(post("/admin/staff").session(adminSession).with(csrf()).param("username", "x" + marker)
                        .param("password", "short"))
                .andExpect(flash().attribute("errorText", "a password has at least 12 characters"));
    }

    @Test
    void disablingAnAgentEndsTheirSignInAndAResetPasswordWorks() throws Exception {
        StaffUser agent = staff.create("gone-" + marker, null, PASSWORD, Role.AGENT);
        mvc.perform(post("/admin/staff/" + agent.getId() + "/enabled").session(adminSession).with(csrf())
                .param("enabled", "false")).andExpect(flash().attribute("messageKey", "admin.disabled"));
        mvc.perform(post("/login").with(csrf()).param("username", agent.getUsername()).param("password", PASSWORD))
                .andExpect(redirectedUrl("/login?error"));
        mvc.perform(post("/admin/staff/" + agent.getId() + "/enabled").session(adminSession).with(csrf())
                .param("enabled", "true"));
        mvc.perform(post("/admin/staff/" + agent.getId() + "/password").session(adminSession).with(csrf())
                .param("password", "a brand new password")).andExpect(flash().attribute("messageKey", "admin.passwordSet"));
        StaffSessions.signIn(mvc, agent.getUsername(), "a brand new password");

        mvc.perform(post("/admin/staff/" + admin.getId() + "/enabled").session(adminSession).with(csrf())
                .param("enabled", "false")).andExpect(flash().attribute("errorText", "you cannot disable your own account"));
    }

    @Test
    void aTokenIsShownOnceWorksForTheApiAndCanBeRevoked() throws Exception {
        MvcResult issued = mvc.perform(post("/account/tokens").session(adminSession).with(csrf()).param("name", "nightly"))
                .andExpect(redirectedUrl("/account")).andReturn();
        String raw = (String) issued.getFlashMap().get("newToken");
        assertThat(raw).startsWith("tdk_");
        // the redirect's GET shows it (the flash map lives in the session, as in a browser)
        String page = mvc.perform(get("/account").session(adminSession))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains(raw).contains("shown only once");
        String later = mvc.perform(get("/account").session(adminSession)).andReturn().getResponse().getContentAsString();
        assertThat(later).contains("nightly").doesNotContain(raw);

        mvc.perform(get("/api/tickets").header("Authorization", "Bearer " + raw)).andExpect(status().isOk());
        long id = staff.tokensOf(admin.getId()).get(0).getId();
        mvc.perform(post("/account/tokens/" + id + "/revoke").session(adminSession).with(csrf()))
                .andExpect(flash().attribute("messageKey", "account.tokenRevoked"));
        mvc.perform(get("/api/tickets").header("Authorization", "Bearer " + raw)).andExpect(status().isUnauthorized());
    }

    @Test
    void changingTheOwnPasswordNeedsTheCurrentOne() throws Exception {
        mvc.perform(post("/account/password").session(adminSession).with(csrf()).param("current", "not my password")
                        .param("password", "my next password").param("confirmation", "my next password"))
                .andExpect(flash().attribute("errorText", "the current password is not right"));
        mvc.perform(post("/account/password").session(adminSession).with(csrf()).param("current", PASSWORD)
                        .param("password", "my next password").param("confirmation", "my next password"))
                .andExpect(flash().attribute("messageKey", "account.passwordChanged"));
        // this browser stays signed in with the new password; a session made elsewhere with the old one ends
        mvc.perform(get("/account").session(adminSession)).andExpect(status().isOk());
        MockHttpSession elsewhere = StaffSessions.signIn(mvc, admin.getUsername(), "my next password");
        mvc.perform(post("/account/password").session(adminSession).with(csrf()).param("current", "my next password")
                        .param("password", "my third password").param("confirmation", "my third password"))
                .andExpect(flash().attribute("messageKey", "account.passwordChanged"));
        mvc.perform(get("/account").session(adminSession)).andExpect(status().isOk());
        mvc.perform(get("/desk").session(elsewhere)).andExpect(redirectedUrl("/login?ended"));
        StaffSessions.signIn(mvc, admin.getUsername(), "my third password");
    }

    @Test
    void disablingAnAgentEndsTheSessionTheyAreSignedInWithAtItsNextRequest() throws Exception {
        StaffUser agent = staff.create("busy-" + marker, null, PASSWORD, Role.AGENT);
        MockHttpSession agentSession = StaffSessions.signIn(mvc, agent.getUsername(), PASSWORD);
        mvc.perform(get("/desk").session(agentSession)).andExpect(status().isOk());

        mvc.perform(post("/admin/staff/" + agent.getId() + "/enabled").session(adminSession).with(csrf())
                .param("enabled", "false")).andExpect(flash().attribute("messageKey", "admin.disabled"));
        mvc.perform(post("/desk/tickets/TD-2026-000001/notes").session(agentSession).with(csrf()).param("body", "x"))
                .andExpect(redirectedUrl("/login?ended"));
        assertThat(agentSession.isInvalid()).isTrue();
        String page = mvc.perform(get("/login").param("ended", "")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("You were signed out because your account changed");

        // enabled again, they sign in anew; the ended session stays ended
        mvc.perform(post("/admin/staff/" + agent.getId() + "/enabled").session(adminSession).with(csrf())
                .param("enabled", "true"));
        StaffSessions.signIn(mvc, agent.getUsername(), PASSWORD);
    }

    @Test
    void aPasswordResetByAnAdministratorEndsTheAgentsSessions() throws Exception {
        StaffUser agent = staff.create("forgetful-" + marker, null, PASSWORD, Role.AGENT);
        MockHttpSession agentSession = StaffSessions.signIn(mvc, agent.getUsername(), PASSWORD);
        mvc.perform(post("/admin/staff/" + agent.getId() + "/password").session(adminSession).with(csrf())
                .param("password", "a brand new password")).andExpect(flash().attribute("messageKey", "admin.passwordSet"));
        mvc.perform(get("/desk").session(agentSession)).andExpect(redirectedUrl("/login?ended"));
        // the administrator who did it is still signed in
        mvc.perform(get("/admin/staff").session(adminSession)).andExpect(status().isOk());
    }
}
