package dev.triagedesk.staff.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.triagedesk.audit.AuditAction;
import dev.triagedesk.audit.AuditEvent;
import dev.triagedesk.audit.AuditEventRepository;
import dev.triagedesk.staff.Role;
import dev.triagedesk.staff.StaffService;
import dev.triagedesk.staff.StaffUser;
import dev.triagedesk.support.StaffSessions;
import dev.triagedesk.support.TriageDeskTest;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;

/**
 * A member's personal API tokens do not outlive the administrator's reasons to distrust the account: setting a new
 * password for them revokes the tokens unless the administrator unticks the offer, and disabling them always does,
 * for good.
 */
@TriageDeskTest
class TokenRevocationTests {

    private static final String PASSWORD = "correct horse battery staple";

    @Autowired
    MockMvc mvc;
    @Autowired
    StaffService staff;
    @Autowired
    AuditEventRepository audit;

    String marker;
    MockHttpSession adminSession;
    StaffUser agent;
    String token;

    @BeforeEach
    void agentWithAToken() throws Exception {
        marker = UUID.randomUUID().toString().substring(0, 8);
        StaffUser admin = staff.create("admin-" + marker, null, PASSWORD, Role.ADMIN);
        adminSession = StaffSessions.signIn(mvc, admin.getUsername(), PASSWORD);
        agent = staff.create("agent-" + marker, null, PASSWORD, Role.AGENT);
        token = staff.issueToken(agent.getId(), "nightly export").raw();
        tokenWorks(true);
    }

    private void tokenWorks(boolean works) throws Exception {
        ResultMatcher expected = works ? status().isOk() : status().isUnauthorized();
        mvc.perform(get("/api/tickets").header("Authorization", "Bearer " + token)).andExpect(expected);
    }

    private String lastAccountChange() {
        AuditEvent last = audit.findByTicketIdIsNullOrderByAtDescIdDesc(PageRequest.of(0, 1)).getContent().get(0);
        return last.getAction() + " " + last.getDetail();
    }

    @Test
    void theResetFormOffersToRevokeTheTokensTickedByDefault() throws Exception {
        String page = mvc.perform(get("/admin/staff").session(adminSession)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        Element box = Jsoup.parse(page).selectFirst("#member-" + agent.getUsername()
                + " form[action$=/password] input[type=checkbox][name=revokeTokens]");
        assertThat(box).isNotNull();
        assertThat(box.hasAttr("checked")).isTrue();
        assertThat(box.attr("value")).isEqualTo("true");
        assertThat(Jsoup.parse(page).selectFirst("label[for=" + box.id() + "]").text())
                .isEqualTo("Also revoke their API tokens (1 in use)");
    }

    @Test
    void aPasswordResetRevokesTheMembersTokensAsTheFormOffers() throws Exception {
        String second = staff.issueToken(agent.getId(), "second").raw();
        mvc.perform(post("/admin/staff/" + agent.getId() + "/password").session(adminSession).with(csrf())
                        .param("password", "a brand new password").param("revokeTokens", "true"))
                .andExpect(flash().attribute("messageKey", "admin.passwordSetTokensRevoked"));
        tokenWorks(false);
        mvc.perform(get("/api/tickets").header("Authorization", "Bearer " + second)).andExpect(status().isUnauthorized());
        assertThat(staff.tokensOf(agent.getId())).allMatch(t -> t.isRevoked());
        assertThat(lastAccountChange()).isEqualTo(AuditAction.PASSWORD_RESET + " for " + agent.getUsername()
                + "; 2 API tokens revoked");
    }

    @Test
    void aResetWithTheOfferUntickedKeepsTheTokens() throws Exception {
        mvc.perform(post("/admin/staff/" + agent.getId() + "/password").session(adminSession).with(csrf())
                        .param("password", "a brand new password"))
                .andExpect(flash().attribute("messageKey", "admin.passwordSet"));
        tokenWorks(true);
        assertThat(lastAccountChange()).isEqualTo(AuditAction.PASSWORD_RESET + " for " + agent.getUsername());
    }

    @Test
    void disablingRevokesTheTokensForGood() throws Exception {
        mvc.perform(post("/admin/staff/" + agent.getId() + "/enabled").session(adminSession).with(csrf())
                .param("enabled", "false")).andExpect(flash().attribute("messageKey", "admin.disabled"));
        tokenWorks(false);
        assertThat(lastAccountChange()).isEqualTo(AuditAction.ACCOUNT_DISABLED + " " + agent.getUsername()
                + "; 1 API token revoked");

        // enabled again, the member signs in with their password; the old token stays revoked
        mvc.perform(post("/admin/staff/" + agent.getId() + "/enabled").session(adminSession).with(csrf())
                .param("enabled", "true")).andExpect(flash().attribute("messageKey", "admin.enabled"));
        StaffSessions.signIn(mvc, agent.getUsername(), PASSWORD);
        tokenWorks(false);
        assertThat(staff.tokensOf(agent.getId())).allMatch(t -> t.isRevoked());
    }
}
