package dev.triagedesk.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.triagedesk.staff.StaffUser;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Staff in MockMvc tests: signed in through the real form when a test needs the session it creates, or as the
 * principal of an account (without a session) to read a staff page.
 */
public final class StaffSessions {

    private StaffSessions() {
    }

    public static MockHttpSession signIn(MockMvc mvc, String username, String password) throws Exception {
        return (MockHttpSession) mvc.perform(post("/login").with(csrf()).param("username", username)
                        .param("password", password))
                .andExpect(redirectedUrl("/desk"))
                .andReturn().getRequest().getSession(false);
    }

    /** Requests made as this staff member, with the principal the application makes of their account. */
    public static RequestPostProcessor as(UserDetailsService principals, StaffUser who) {
        return user(principals.loadUserByUsername(who.getUsername()));
    }

    /** A staff page read as {@code who}, which must answer 200. */
    public static Document page(MockMvc mvc, RequestPostProcessor who, String path) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).with(who)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
    }
}
