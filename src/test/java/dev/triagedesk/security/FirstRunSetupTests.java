package dev.triagedesk.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.triagedesk.staff.Role;
import dev.triagedesk.staff.StaffService;
import dev.triagedesk.support.TriageDeskTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** The first administrator, on a database with no account at all: the setup page exists only until then. */
@TriageDeskTest
@TestPropertySource(properties = {"spring.datasource.url=jdbc:h2:mem:first-run;DB_CLOSE_DELAY=-1",
        "triage.data-dir=target/test-data/first-run"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FirstRunSetupTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    FirstRunSetup setup;
    @Autowired
    StaffService staff;

    @Test
    @Order(1)
    void withoutAnyAccountSignInLeadsToTheSetupPageWhichNeedsTheCodeFromTheLog() throws Exception {
        assertThat(staff.anyAccount()).isFalse();
        mvc.perform(get("/login")).andExpect(redirectedUrl("/setup"));
        String page = mvc.perform(get("/setup")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Setup code").doesNotContain(setup.setupCode()).contains("href=\"/favicon.svg\"");

        String wrong = mvc.perform(post("/setup").with(csrf()).param("code", "AAAA-BBBB-CCCC").param("username", "root")
                        .param("password", "a long enough secret").param("confirmation", "a long enough secret"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(wrong).contains("not the one in the server log");
        assertThat(staff.anyAccount()).isFalse();

        String weak = mvc.perform(post("/setup").with(csrf()).param("code", setup.setupCode()).param("username", "root")
                        .param("password", "short").param("confirmation", "short"))
                .andReturn().getResponse().getContentAsString();
        assertThat(weak).contains("at least 12 characters").contains("value=\"root\"");
        assertThat(staff.anyAccount()).isFalse();
    }

    @Test
    @Order(2)
    void theRightCodeCreatesTheAdministratorAndThePageIsGoneForGood() throws Exception {
        mvc.perform(post("/setup").with(csrf()).param("code", setup.setupCode().toLowerCase().replace("-", " - "))
                        .param("username", "root").param("password", "a long enough secret")
                        .param("confirmation", "a long enough secret"))
                .andExpect(redirectedUrl("/login"));
        assertThat(staff.byUsername("root")).hasValueSatisfying(u -> assertThat(u.getRole()).isEqualTo(Role.ADMIN));

        mvc.perform(get("/setup")).andExpect(redirectedUrl("/login"));
        mvc.perform(post("/setup").with(csrf()).param("code", setup.setupCode()).param("username", "second")
                        .param("password", "a long enough secret").param("confirmation", "a long enough secret"))
                .andExpect(redirectedUrl("/login"));
        assertThat(staff.byUsername("second")).isEmpty();
        mvc.perform(get("/login")).andExpect(status().isOk());
    }
}
