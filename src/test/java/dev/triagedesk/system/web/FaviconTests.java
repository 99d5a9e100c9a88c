package dev.triagedesk.system.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.triagedesk.staff.Role;
import dev.triagedesk.staff.StaffService;
import dev.triagedesk.support.StaffSessions;
import dev.triagedesk.support.TriageDeskTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.mock.web.MockHttpSession;

/** The icon a browser asks every site for, and the pages that name it. */
@TriageDeskTest
class FaviconTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    StaffService staff;

    @Test
    void bothIconsAnswerAnonymousVisitors() throws Exception {
        byte[] ico = mvc.perform(get("/favicon.ico")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        // an ICO directory with one 32x32 image: what a browser asking /favicon.ico on its own can show
        assertThat(ico).startsWith(0, 0, 1, 0, 1, 0, 32, 32);
        mvc.perform(get("/favicon.svg")).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("image/svg+xml"))
                .andExpect(content().string(org.hamcrest.Matchers.startsWith("<svg ")));
    }

    @Test
    void everyLayoutLinksTheIcon() throws Exception {
        // with an account, /login is the sign-in page rather than the way to /setup (FirstRunSetupTests sees that)
        String name = "favicon-" + UUID.randomUUID().toString().substring(0, 8);
        staff.create(name, null, "correct horse battery staple", Role.ADMIN);
        MockHttpSession admin = StaffSessions.signIn(mvc, name, "correct horse battery staple");
        for (String page : new String[] {"/", "/login"}) {
            assertLinksIcon(mvc.perform(get(page)).andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsString());
        }
        assertLinksIcon(mvc.perform(get("/desk").session(admin)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
    }

    private static void assertLinksIcon(String html) {
        assertThat(html).contains("<link rel=\"icon\" href=\"/favicon.svg\" type=\"image/svg+xml\">")
                .contains("<link rel=\"icon\" href=\"/favicon.ico\" sizes=\"32x32\">");
    }
}
