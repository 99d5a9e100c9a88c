package dev.triagedesk.desk.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.triagedesk.audit.AuditAction;
import dev.triagedesk.audit.AuditEvent;
import dev.triagedesk.audit.AuditLog;
import dev.triagedesk.incident.IncidentService;
import dev.triagedesk.staff.Role;
import dev.triagedesk.staff.StaffService;
import dev.triagedesk.staff.StaffUser;
import dev.triagedesk.support.TicketFixtures;
import dev.triagedesk.support.TriageDeskTest;
import dev.triagedesk.ticket.Product;
import dev.triagedesk.ticket.Ticket;
import dev.triagedesk.ticket.TicketRepository;
import dev.triagedesk.ticket.TicketStatus;
import java.util.List;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The queue's bulk form: selected tickets changed together, as a plain form post, all or nothing. */
@TriageDeskTest
class BulkActionsTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TicketFixtures fixtures;
    @Autowired
    StaffService staff;
    @Autowired
    TicketRepository tickets;
    @Autowired
    AuditLog audit;
    @Autowired
    IncidentService incidents;
    @Autowired
    UserDetailsService principals;

    StaffUser agent;
    Ticket one;
    Ticket two;
    Ticket untouched;

    @BeforeEach
    void threeTickets() {
        String marker = "bulk" + UUID.randomUUID().toString().substring(0, 8);
        agent = staff.create("agent-" + marker, null, "correct horse battery staple", Role.AGENT);
        one = fixtures.submit(TicketFixtures.answers(Product.CHATGPT_WEB, "one " + marker, null));
        two = fixtures.submit(TicketFixtures.answers(Product.CHATGPT_WEB, "two " + marker, null));
        untouched = fixtures.submit(TicketFixtures.answers(Product.CHATGPT_WEB, "three " + marker, null));
    }

    private MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request) {
        return request.with(user(principals.loadUserByUsername(agent.getUsername())));
    }

    private String incidentOf(Ticket t) {
        var incident = incidents.ofTickets(List.of(t.getId())).get(t.getId());
        return incident == null ? null : incident.getReference();
    }

    private Ticket reload(Ticket t) {
        return tickets.findById(t.getId()).orElseThrow();
    }

    @Test
    void eachRowHasALabelledBoxOfTheBulkForm() throws Exception {
        Document page = Jsoup.parse(mvc.perform(as(get("/desk?q=" + one.getReference())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(page.select("input[type=checkbox][name=ticket][form=bulk-form]").eachAttr("value"))
                .contains(one.getReference());
        assertThat(page.select("#select-" + one.getReference()).attr("aria-label"))
                .isEqualTo("Select " + one.getReference());
        assertThat(page.select("form#bulk-form[method=post] input[name=_csrf]")).hasSize(1);
        assertThat(page.select("form#bulk-form select[name=status], form#bulk-form select[name=assignee],"
                + " form#bulk-form input[name=incident]")).hasSize(3);
    }

    @Test
    void theSelectedTicketsChangeTogetherEachInItsTrail() throws Exception {
        mvc.perform(as(post("/desk/bulk")).with(csrf()).param("ticket", one.getReference(), two.getReference())
                        .param("status", "ESCALATED").param("assignee", agent.getId().toString()))
                .andExpect(redirectedUrl("/desk")).andExpect(flash().attribute("messageKey", "queue.bulk.done"))
                .andExpect(flash().attribute("messageArg", 2));
        for (Ticket t : List.of(one, two)) {
            assertThat(reload(t).getStatus()).isEqualTo(TicketStatus.ESCALATED);
            assertThat(reload(t).getAssignee().getId()).isEqualTo(agent.getId());
            assertThat(audit.trail(t.getId())).extracting(AuditEvent::getAction)
                    .contains(AuditAction.STATUS_CHANGED, AuditAction.ASSIGNED);
        }
        assertThat(reload(untouched).getStatus()).isNotEqualTo(TicketStatus.ESCALATED);
    }

    @Test
    void anUnknownIncidentOrTicketChangesNothing() throws Exception {
        String incidentBefore = incidentOf(one);
        mvc.perform(as(post("/desk/bulk")).with(csrf()).param("ticket", one.getReference(), "TD-1999-000001")
                        .param("status", "ESCALATED"))
                .andExpect(redirectedUrl("/desk")).andExpect(flash().attribute("errorKey", "queue.bulk.failed"));
        assertThat(reload(one).getStatus()).isNotEqualTo(TicketStatus.ESCALATED);

        mvc.perform(as(post("/desk/bulk")).with(csrf()).param("ticket", one.getReference(), two.getReference())
                        .param("status", "ESCALATED").param("incident", "IN-1999-000001"))
                .andExpect(flash().attribute("errorKey", "queue.bulk.failed"));
        assertThat(reload(one).getStatus()).isNotEqualTo(TicketStatus.ESCALATED);
        assertThat(incidentOf(one)).isEqualTo(incidentBefore);

        // no CSRF token: refused
        mvc.perform(as(post("/desk/bulk")).param("ticket", one.getReference()).param("status", "ESCALATED"))
                .andExpect(status().isForbidden());
        assertThat(reload(one).getStatus()).isNotEqualTo(TicketStatus.ESCALATED);
    }

    @Test
    void theFormGoesBackToTheQueueItWasSentFromAndNowhereElse() throws Exception {
        mvc.perform(as(post("/desk/bulk")).with(csrf()).param("ticket", one.getReference())
                        .param("status", "TRIAGING").param("back", "/desk?q=one+bulk&status=NEW&page=2"))
                .andExpect(redirectedUrl("/desk?q=one+bulk&status=NEW&page=2"));
        for (String elsewhere : List.of("https://evil.example/desk", "//evil.example/desk", "/desk/../admin",
                "/deskx", "/desk?q=a\r\nLocation:x")) {
            mvc.perform(as(post("/desk/bulk")).with(csrf()).param("ticket", one.getReference())
                            .param("status", "TRIAGING").param("back", elsewhere))
                    .andExpect(redirectedUrl("/desk"));
        }
    }
}
