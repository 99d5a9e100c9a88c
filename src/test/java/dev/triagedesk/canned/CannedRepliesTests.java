package dev.triagedesk.canned;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.triagedesk.staff.Role;
import dev.triagedesk.staff.StaffService;
import dev.triagedesk.staff.StaffUser;
import dev.triagedesk.support.TicketFixtures;
import dev.triagedesk.support.TriageDeskTest;
import dev.triagedesk.ticket.Product;
import dev.triagedesk.ticket.Ticket;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Canned replies: the defaults, inserting one filled for a ticket, and the administrators' list. */
@TriageDeskTest
class CannedRepliesTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    CannedReplies replies;
    @Autowired
    TicketFixtures fixtures;
    @Autowired
    StaffService staff;
    @Autowired
    UserDetailsService principals;

    String marker;
    StaffUser agent;
    StaffUser admin;

    @BeforeEach
    void people() {
        marker = UUID.randomUUID().toString().substring(0, 8);
        agent = staff.create("agent-" + marker, "Agent", "correct horse battery staple", Role.AGENT);
        admin = staff.create("admin-" + marker, "Admin", "correct horse battery staple", Role.ADMIN);
    }

    @Test
    void theGuidesBranchesShipAsDefaultsAndOneIsInsertedFilledForTheTicket() throws Exception {
        assertThat(replies.all()).extracting(CannedReply::getName).contains("Browser state", "Network policy",
                "Live incident", "API: rate limit or quota");
        Ticket t = fixtures.submit(TicketFixtures.answers(Product.CHATGPT_WEB, "Fails " + marker, null));
        long network = replies.all().stream().filter(r -> r.getName().equals("Network policy")).findFirst()
                .orElseThrow().getId();

        String draft = (String) mvc.perform(get("/desk/tickets/" + t.getReference() + "/canned")
                        .param("id", Long.toString(network)).with(as(agent)))
                .andExpect(flash().attribute("messageKey", "canned.inserted"))
                .andReturn().getFlashMap().get("draftReply");
        assertThat(draft).startsWith("Hello Pat,").contains(t.getReference(), CannedReplies.PRIVATE_LINK)
                .doesNotContain("{reference}", "{reporter_name}", "{missing_items}", "{private_link}");

        mvc.perform(get("/desk/tickets/" + t.getReference() + "/canned").param("id", "x").with(as(agent)))
                .andExpect(flash().attribute("errorKey", "canned.notFound"));
        mvc.perform(get("/desk/tickets/TD-1999-000000/canned").param("id", Long.toString(network)).with(as(agent)))
                .andExpect(flash().attribute("errorKey", "canned.notFound"));
    }

    @Test
    void administratorsKeepTheList() throws Exception {
        mvc.perform(get("/admin/canned-replies").with(as(agent))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/canned-replies").with(as(admin))).andExpect(status().isOk());
        mvc.perform(post("/admin/canned-replies").with(csrf()).with(as(admin)).param("name", "Thanks " + marker)
                        .param("body", "Thank you, {reporter_name}."))
                .andExpect(flash().attribute("messageKey", "canned.saved"));
        CannedReply added = replies.all().stream().filter(r -> r.getName().equals("Thanks " + marker)).findFirst()
                .orElseThrow();
        mvc.perform(post("/admin/canned-replies").with(csrf()).with(as(admin)).param("name", "Browser state")
                        .param("body", "taken name"))
                .andExpect(flash().attribute("errorKey", "canned.invalid"));
        mvc.perform(post("/admin/canned-replies").with(csrf()).with(as(admin)).param("id", "abc")
                        .param("name", "x").param("body", "y"))
                .andExpect(flash().attribute("errorKey", "canned.invalid"));
        mvc.perform(post("/admin/canned-replies/" + added.getId() + "/delete").with(csrf()).with(as(admin)))
                .andExpect(flash().attribute("messageKey", "canned.deleted"));
        assertThat(replies.find(added.getId())).isEmpty();
    }

    private RequestPostProcessor as(StaffUser who) {
        return user(principals.loadUserByUsername(who.getUsername()));
    }
}
