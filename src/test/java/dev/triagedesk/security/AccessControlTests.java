package dev.triagedesk.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.triagedesk.staff.Role;
import dev.triagedesk.staff.StaffService;
import dev.triagedesk.staff.StaffUser;
import dev.triagedesk.support.TicketFixtures;
import dev.triagedesk.support.TriageDeskTest;
import dev.triagedesk.ticket.Product;
import dev.triagedesk.ticket.Ticket;
import dev.triagedesk.ticket.TicketService;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** Who reaches what: anonymous visitors and reporter links never reach staff pages, tickets or the staff API. */
@TriageDeskTest
class AccessControlTests {

    private static final String PASSWORD = "correct horse battery staple";

    @Autowired
    MockMvc mvc;
    @Autowired
    StaffService staff;
    @Autowired
    TicketFixtures fixtures;
    @Autowired
    SignInThrottle throttle;

    String marker;
    StaffUser agent;

    @BeforeEach
    void agent() {
        throttle.forgetAll();
        marker = UUID.randomUUID().toString().substring(0, 8);
        agent = staff.create("agent-" + marker, null, PASSWORD, Role.AGENT);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anonymousVisitorsAreSentToSignInFromEveryStaffPage() throws Exception {
        for (String page : new String[] {"/desk", "/desk/tickets/TD-2026-000001", "/admin/staff", "/account"}) {
            mvc.perform(get(page)).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
        }
        mvc.perform(get("/somewhere-else")).andExpect(status().isNotFound());
    }

    @Test
    void aVisitorWhoseSessionRanOutIsToldSoOnTheSignInPage() throws Exception {
        mvc.perform(get("/desk/tickets/TD-2026-000001").with(request -> {
            request.setRequestedSessionId("ran-out");
            request.setRequestedSessionIdValid(false);
            return request;
        })).andExpect(status().isFound()).andExpect(redirectedUrl("/login?expired"));
        String page = mvc.perform(get("/login").param("expired", "")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Your session ended after a while without activity");
        // the report form is public: a reporter's stale session leads nowhere else
        mvc.perform(get("/report").with(request -> {
            request.setRequestedSessionId("ran-out");
            request.setRequestedSessionIdValid(false);
            return request;
        })).andExpect(result -> assertThat(result.getResponse().getRedirectedUrl()).isNotEqualTo("/login?expired"));
    }

    @Test
    void theStaffApiAnswersAnonymousCallsWithAProblemAndNoBrowserPrompt() throws Exception {
        mvc.perform(get("/api/tickets"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"triage-desk\""))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.title").value("Sign-in required"));
        mvc.perform(get("/api/tickets").header(HttpHeaders.AUTHORIZATION, basic(agent.getUsername(), "wrong password!!")))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void aReporterLinkTokenOpensNothingOnTheStaffSide() throws Exception {
        TicketService.Draft draft = fixtures.draft();
        mvc.perform(get("/api/tickets").header(HttpHeaders.AUTHORIZATION, "Bearer " + draft.token()))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/tickets").header(HttpHeaders.AUTHORIZATION, "Bearer tdk_" + draft.token()))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/desk").param("token", draft.token())).andExpect(status().isFound());
    }

    @Test
    void aPersonalTokenSignsAScriptInUntilItIsRevokedOrItsOwnerDisabled() throws Exception {
        StaffService.IssuedToken token = staff.issueToken(agent.getId(), "nightly export");
        assertThat(token.raw()).startsWith("tdk_");
        mvc.perform(get("/api/tickets").header(HttpHeaders.AUTHORIZATION, "Bearer " + token.raw()))
                .andExpect(status().isOk());
        staff.revokeToken(agent.getId(), token.token().getId());
        mvc.perform(get("/api/tickets").header(HttpHeaders.AUTHORIZATION, "Bearer " + token.raw()))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("revoked")));

        StaffService.IssuedToken second = staff.issueToken(agent.getId(), "second");
        staff.setEnabled(agent.getId(), false, "admin");
        mvc.perform(get("/api/tickets").header(HttpHeaders.AUTHORIZATION, "Bearer " + second.raw()))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/tickets").header(HttpHeaders.AUTHORIZATION, basic(agent.getUsername(), PASSWORD)))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void repeatedFailedSignInsAreSlowedDownEvenForTheRightPassword() throws Exception {
        for (int i = 0; i < SignInThrottle.FREE_FAILURES; i++) {
            mvc.perform(get("/api/tickets").header(HttpHeaders.AUTHORIZATION, basic(agent.getUsername(), "guess " + i + "xxxxxxx")))
                    .andExpect(status().isUnauthorized())
                    .andExpect(jsonPath("$.title").value("Sign-in required"));
        }
        mvc.perform(get("/api/tickets").header(HttpHeaders.AUTHORIZATION, basic(agent.getUsername(), PASSWORD)))
                .andExpect(status().isUnauthorized())
                .andExpect(header().exists("Retry-After"))
                .andExpect(jsonPath("$.title").value("Too many failed sign-ins"));
        // the form says so too, without checking the password
        mvc.perform(post("/login").with(csrf()).param("username", agent.getUsername()).param("password", PASSWORD))
                .andExpect(status().isFound())
                .andExpect(redirectedUrlPattern("/login?throttled&wait=*"));
    }

    @Test
    void madeUpNamesTriedFromOneAddressDoNotLockOutTheStaffWhoShareIt() throws Exception {
        // behind a reverse proxy every staff member has the proxy's address: one client trying names there...
        for (int i = 0; i < SignInThrottle.FREE_FAILURES_WIDE; i++) {
            mvc.perform(post("/login").with(csrf()).param("username", "nobody-" + marker + "-" + i)
                            .param("password", "some guess " + i))
                    .andExpect(redirectedUrl("/login?error"));
        }
        // ...is slowed down on made-up names from there...
        mvc.perform(post("/login").with(csrf()).param("username", "nobody-" + marker).param("password", PASSWORD))
                .andExpect(redirectedUrlPattern("/login?throttled&wait=*"));
        // ...while the staff at that address sign in with their right passwords, on the form and in the API
        mvc.perform(post("/login").with(csrf()).param("username", agent.getUsername()).param("password", PASSWORD))
                .andExpect(redirectedUrl("/desk"));
        StaffUser colleague = staff.create("colleague-" + marker, null, PASSWORD, Role.AGENT);
        mvc.perform(get("/api/tickets").header(HttpHeaders.AUTHORIZATION, basic(colleague.getUsername(), PASSWORD)))
                .andExpect(status().isOk());
        // and a wrong password of an account is still just a wrong password, counted against that account
        mvc.perform(post("/login").with(csrf()).param("username", colleague.getUsername()).param("password", "not it at all"))
                .andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void theSignInFormNeedsItsCsrfTokenAndSignsAnAgentIn() throws Exception {
        mvc.perform(post("/login").param("username", agent.getUsername()).param("password", PASSWORD))
                .andExpect(status().isForbidden());
        mvc.perform(post("/login").with(csrf()).param("username", agent.getUsername()).param("password", PASSWORD))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/desk"));
        mvc.perform(post("/login").with(csrf()).param("username", agent.getUsername()).param("password", "not it at all"))
                .andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void agentsCannotReachAdministrationAndStaffFormsNeedCsrf() throws Exception {
        mvc.perform(get("/admin/staff").with(user(agent.getUsername()).roles("AGENT"))).andExpect(status().isForbidden());
        Ticket t = fixtures.submit(TicketFixtures.answers(Product.CHATGPT_WEB, "csrf " + marker, null));
        mvc.perform(post("/desk/tickets/" + t.getReference() + "/status").param("status", "CLOSED")
                .with(user(agent.getUsername()).roles("AGENT"))).andExpect(status().isForbidden());
    }

    @Test
    void theStaffApiNeedsNoCsrfTokenBecauseItNeverSignsInWithACookie() throws Exception {
        Ticket t = fixtures.submit(TicketFixtures.answers(Product.CHATGPT_WEB, "patch " + marker, null));
        mvc.perform(patch("/api/tickets/" + t.getReference()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\":\"triaging\"}")
                        .header(HttpHeaders.AUTHORIZATION, basic(agent.getUsername(), PASSWORD)))
                .andExpect(status().isOk());
        // a signed-in browser session (a cookie another site could ride on) is not accepted by the staff API
        MockHttpSession session = (MockHttpSession) mvc.perform(post("/login").with(csrf())
                        .param("username", agent.getUsername()).param("password", PASSWORD))
                .andExpect(redirectedUrl("/desk")).andReturn().getRequest().getSession(false);
        mvc.perform(get("/api/tickets").session(session)).andExpect(status().isUnauthorized());
    }
}
