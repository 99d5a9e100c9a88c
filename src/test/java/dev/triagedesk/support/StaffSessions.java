package dev.triagedesk.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** Signs a staff member in through the real form, for MockMvc tests that need the session it creates. */
public final class StaffSessions {

    private StaffSessions() {
    }

    public static MockHttpSession signIn(MockMvc mvc, String username, String password) throws Exception {
        return (MockHttpSession) mvc.perform(post("/login").with(csrf()).param("username", username)
                        .param("password", password))
                .andExpect(redirectedUrl("/desk"))
                .andReturn().getRequest().getSession(false);
    }
}
