package dev.triagedesk.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
import dev.triagedesk.canned.CannedReplies;
import dev.triagedesk.canned.CannedReply;
import dev.triagedesk.conversation.ConversationService;
import dev.triagedesk.conversation.TicketMessage;
import dev.triagedesk.desk.DeskService;
import dev.triagedesk.staff.Role;
import dev.triagedesk.staff.StaffService;
import dev.triagedesk.staff.StaffUser;
import dev.triagedesk.support.StaffSessions;
import dev.triagedesk.support.TicketFixtures;
import dev.triagedesk.support.TriageDeskTest;
import dev.triagedesk.ticket.Product;
import dev.triagedesk.ticket.Ticket;
import dev.triagedesk.ticket.TicketStatus;
import java.time.Instant;
import java.util.List;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** One reply to every reporter of an incident, from the service and from the incident page's form. */
@TriageDeskTest
class IncidentRepliesTests {

    static final Instant AT = Instant.parse("2026-05-04T10:00:00Z");

    @Autowired
    MockMvc mvc;
    @Autowired
    TicketFixtures fixtures;
    @Autowired
    StaffService staff;
    @Autowired
    IncidentService incidents;
    @Autowired
    IncidentReplies replies;
    @Autowired
    ConversationService conversations;
    @Autowired
    DeskService desk;
    @Autowired
    AuditLog audit;
    @Autowired
    CannedReplies canned;
    @Autowired
    UserDetailsService principals;

    StaffUser agent;
    Ticket first;
    Ticket second;
    Ticket resolved;
    Incident incident;

    @BeforeEach
    void incidentOfThree() {
        String word = Captures.word();
        agent = staff.create("agent-" + word, "Robin", "correct horse battery staple", Role.AGENT);
        String url = "https://chatgpt.com/backend-api/" + word + "/1";
        first = report(url, AT);
        second = report(url, AT.plusSeconds(60));
        resolved = report(url, AT.plusSeconds(120));
        desk.changeStatus(resolved.getReference(), TicketStatus.RESOLVED, agent.getUsername());
        incident = incidents.ofTickets(List.of(first.getId())).get(first.getId());
        assertThat(incidents.ofTickets(List.of(second.getId(), resolved.getId())).values())
                .extracting(Incident::getId).containsOnly(incident.getId());
    }

    private Ticket report(String url, Instant at) {
        return fixtures.submitHar(TicketFixtures.answers(Product.CHATGPT_WEB, "It fails", null), "capture.har",
                Captures.har("POST", url, 500, null, at));
    }

    @Test
    void oneReplyGoesToEachOpenTicketsThreadAndTrail() {
        List<String> replied = replies.replyToAll(incident.getReference(), "We know, a fix is coming",
                agent.getUsername());

        assertThat(replied).containsExactly(first.getReference(), second.getReference());
        for (Ticket t : List.of(first, second)) {
            assertThat(conversations.thread(t.getId())).extracting(TicketMessage::getBody)
                    .containsExactly("We know, a fix is coming");
            assertThat(audit.trail(t.getId())).extracting(AuditEvent::getAction).contains(AuditAction.REPLIED);
        }
        // a resolved ticket keeps its outcome and hears nothing
        assertThat(conversations.thread(resolved.getId())).isEmpty();
    }

    @Test
    void anEmptyReplyGoesNowhere() {
        assertThatThrownBy(() -> replies.replyToAll(incident.getReference(), "  ", agent.getUsername()))
                .isInstanceOf(ConversationService.InvalidMessageException.class);
        assertThat(conversations.thread(first.getId())).isEmpty();
        assertThatThrownBy(() -> replies.replyToAll("IN-1999-000001", "x", agent.getUsername()))
                .isInstanceOf(IncidentException.class);
    }

    @Test
    void theIncidentPagesFormRepliesToEveryReporter() throws Exception {
        String path = "/desk/incidents/" + incident.getReference();
        Document page = StaffSessions.page(mvc, StaffSessions.as(principals, agent), path);
        assertThat(page.select("#reply-form textarea#reply-body[name=body]")).hasSize(1);
        assertThat(page.select("label[for=reply-body]")).hasSize(1);

        mvc.perform(post(path + "/reply").with(user(principals.loadUserByUsername(agent.getUsername()))).with(csrf())
                        .param("body", "Fixed on their side"))
                .andExpect(redirectedUrl(path)).andExpect(flash().attribute("messageKey", "incident.replied"))
                .andExpect(flash().attribute("messageArg", 2));
        assertThat(conversations.thread(second.getId())).extracting(TicketMessage::getBody)
                .containsExactly("Fixed on their side");

        mvc.perform(post(path + "/reply").with(user(principals.loadUserByUsername(agent.getUsername()))).with(csrf())
                        .param("body", ""))
                .andExpect(redirectedUrl(path)).andExpect(flash().attribute("errorKey", "incident.reply.invalid"));
        // no CSRF token, no reply
        mvc.perform(post(path + "/reply").with(user(principals.loadUserByUsername(agent.getUsername())))
                .param("body", "forged")).andExpect(status().isForbidden());
        assertThat(conversations.thread(first.getId())).hasSize(1);
    }

    @Test
    void theIncidentPlaceholderNamesTheTicketsIncident() {
        CannedReply reply = canned.save(null, "Outage " + Captures.word(), "Known problem: {incident}.");
        assertThat(canned.filled(reply.getId(), first.getReference())).contains(
                "Known problem: " + incident.getTitle() + " (" + incident.getReference() + ").");
        // moved out by staff: part of no incident any more
        incidents.moveOut(incident.getReference(), first.getReference(), agent.getUsername());
        assertThat(canned.filled(reply.getId(), first.getReference()))
                .contains("Known problem: see the service's status page.");
    }
}
