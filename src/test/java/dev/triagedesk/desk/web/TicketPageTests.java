package dev.triagedesk.desk.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.triagedesk.support.TicketFixtures;
import dev.triagedesk.staff.Role;
import dev.triagedesk.staff.StaffService;
import dev.triagedesk.staff.StaffUser;
import dev.triagedesk.ticket.Product;
import dev.triagedesk.ticket.Ticket;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The ticket page as an agent uses it: what it shows, the workflow forms, downloads and exports. */
@SpringBootTest
@AutoConfigureMockMvc
@Import({TicketFixtures.class, MadeTickets.class})
class TicketPageTests {

    static final String HAR = "user-masteralan360-asaas-chrome143-404-body.har";
    static final String CF_RAY = "9ba36dc0cdf1f756-ISU";
    static final String SB_REQUEST_ID = "019b9869-d481-7819-a1b6-fea08d7e5ad5";

    @Autowired
    MockMvc mvc;
    @Autowired
    TicketFixtures fixtures;
    @Autowired
    StaffService staff;
    @Autowired
    UserDetailsService principals;

    String marker;
    StaffUser agent;
    Ticket ticket;

    @BeforeEach
    void ticketAndAgent() {
        marker = "page" + UUID.randomUUID().toString().substring(0, 8);
        agent = staff.create("agent-" + marker, "Agent " + marker, "correct horse battery staple", Role.AGENT);
        ticket = fixtures.submit(TicketFixtures.answers(Product.CHATGPT_WEB, "Saving fails " + marker,
                marker + "@example.com"), HAR);
    }

    private MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request) {
        // the real principal (StaffPrincipal), as the sign-in form makes it: the staff layout shows its name
        return request.with(user(principals.loadUserByUsername(agent.getUsername())));
    }

    @Test
    void thePageShowsTheTicket() throws Exception {
        String html = mvc.perform(as(get("/desk/tickets/" + ticket.getReference()))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains(CF_RAY);
    }
}
