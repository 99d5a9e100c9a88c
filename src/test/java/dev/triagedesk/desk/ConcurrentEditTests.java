package dev.triagedesk.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.triagedesk.audit.AuditAction;
import dev.triagedesk.audit.AuditEvent;
import dev.triagedesk.audit.AuditLog;
import dev.triagedesk.staff.Role;
import dev.triagedesk.staff.StaffService;
import dev.triagedesk.staff.StaffUser;
import dev.triagedesk.support.InterposingClock;
import dev.triagedesk.support.TicketFixtures;
import dev.triagedesk.support.TriageDeskTest;
import dev.triagedesk.ticket.Product;
import dev.triagedesk.ticket.Ticket;
import dev.triagedesk.ticket.TicketStatus;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.convention.TestBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two agents changing one ticket at the same moment, as each of them meets it on the ticket page and through the
 * staff API. The race is staged, not timed: the application's clock is asked for the time of a change right after
 * the change read the ticket, and at that point {@link #meanwhile} commits another agent's change in a transaction
 * of its own. The agent's change then fails at commit (the ticket's version moved), as it would in production.
 * The same clock, database and so application as {@link dev.triagedesk.ticket.ReporterEvidenceRaceTests}.
 */
@TriageDeskTest
@TestPropertySource(properties = {"spring.datasource.url=jdbc:h2:mem:reporter-race;DB_CLOSE_DELAY=-1",
        "triage.data-dir=target/test-data/reporter-race"})
class ConcurrentEditTests {

    private static final String PASSWORD = "correct horse battery staple";

    @TestBean(methodName = InterposingClock.FACTORY)
    Clock clock;

    @Autowired
    MockMvc mvc;
    @Autowired
    TicketFixtures fixtures;
    @Autowired
    StaffService staff;
    @Autowired
    DeskService desk;
    @Autowired
    AuditLog audit;
    @Autowired
    UserDetailsService principals;
    @Autowired
    PlatformTransactionManager transactions;

    String marker;
    StaffUser agent;
    StaffUser bob;
    Ticket ticket;

    @BeforeEach
    void ticketAndAgents() {
        marker = "race" + UUID.randomUUID().toString().substring(0, 8);
        agent = staff.create("agent-" + marker, null, PASSWORD, Role.AGENT);
        bob = staff.create("bob-" + marker, null, PASSWORD, Role.AGENT);
        ticket = fixtures.submit(TicketFixtures.answers(Product.CHATGPT_WEB, "Race " + marker, null));
    }

    @AfterEach
    void disarm() {
        ((InterposingClock) clock).arm(0, null);
    }

    /** The next {@code times} changes of a ticket each find that {@code other} committed just after they read it. */
    private void meanwhile(int times, Runnable other) {
        TransactionTemplate own = new TransactionTemplate(transactions);
        own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        ((InterposingClock) clock).arm(times, () -> own.executeWithoutResult(s -> other.run()));
    }

    private MockHttpServletRequestBuilder onThePage(MockHttpServletRequestBuilder request) {
        return request.with(user(principals.loadUserByUsername(agent.getUsername()))).with(csrf());
    }

    private MockHttpServletRequestBuilder throughTheApi(MockHttpServletRequestBuilder request) {
        return request.header(HttpHeaders.AUTHORIZATION, "Basic " + Base64.getEncoder()
                .encodeToString((agent.getUsername() + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }

    private Ticket now() {
        return desk.submitted(ticket.getReference()).orElseThrow();
    }

    private List<String> linesBy(StaffUser who) {
        return audit.trail(ticket.getId()).stream().filter(e -> e.getActor().equals(who.getUsername()))
                .filter(e -> e.getAction().isChange()).map(e -> e.getAction() + " " + e.getDetail()).toList();
    }

    private String escalatedByBob() {
        return "STATUS_CHANGED " + TicketStatus.NEW.label() + " → " + TicketStatus.ESCALATED.label();
    }

    @Test
    void onThePageTheAgentIsToldAndBobsChangeStands() throws Exception {
        String ref = ticket.getReference();
        meanwhile(1, () -> desk.changeStatus(ref, TicketStatus.ESCALATED, bob.getUsername()));
        mvc.perform(onThePage(post("/desk/tickets/" + ref + "/status")).param("status", "RESOLVED").param("from", "NEW"))
                .andExpect(redirectedUrl("/desk/tickets/" + ref + "#workflow"))
                .andExpect(flash().attribute("errorKey", "ticket.changedMeanwhile"));
        assertThat(now().getStatus()).isEqualTo(TicketStatus.ESCALATED);
        assertThat(linesBy(bob)).containsExactly(escalatedByBob());
        assertThat(linesBy(agent)).isEmpty();

        meanwhile(1, () -> desk.assign(ref, bob.getId(), bob.getUsername()));
        mvc.perform(onThePage(post("/desk/tickets/" + ref + "/assignee")).param("assignee", agent.getId().toString())
                        .param("from", ""))
                .andExpect(flash().attribute("errorKey", "ticket.changedMeanwhile"));
        assertThat(now().getAssignee().getId()).isEqualTo(bob.getId());
        assertThat(linesBy(agent)).isEmpty();
    }

    @Test
    void aNoteIsAddedOnceEvenWhenTheTicketChangedAtTheSameMoment() throws Exception {
        String ref = ticket.getReference();
        meanwhile(1, () -> desk.changeStatus(ref, TicketStatus.ESCALATED, bob.getUsername()));
        mvc.perform(onThePage(post("/desk/tickets/" + ref + "/notes")).param("body", "Asked the vendor " + marker))
                .andExpect(flash().attribute("messageKey", "ticket.note.added"));
        assertThat(desk.notes(ref)).extracting(TicketNote::getBody).containsExactly("Asked the vendor " + marker);
        assertThat(linesBy(agent)).containsExactly("NOTE_ADDED null");
        assertThat(now().getStatus()).isEqualTo(TicketStatus.ESCALATED);
    }

    @Test
    void aNoteThatCannotBeSavedComesBackInTheBox() throws Exception {
        String ref = ticket.getReference();
        AtomicInteger round = new AtomicInteger();
        meanwhile(2, () -> desk.changeStatus(ref, round.getAndIncrement() == 0 ? TicketStatus.ESCALATED
                : TicketStatus.TRIAGING, bob.getUsername()));
        String note = "A long analysis " + marker;
        mvc.perform(onThePage(post("/desk/tickets/" + ref + "/notes")).param("body", note))
                .andExpect(redirectedUrl("/desk/tickets/" + ref + "#notes"))
                .andExpect(flash().attribute("errorKey", "ticket.note.changedMeanwhile"))
                .andExpect(flash().attribute("draftNote", note));
        assertThat(desk.notes(ref)).isEmpty();
        assertThat(linesBy(agent)).isEmpty();
        assertThat(linesBy(bob)).hasSize(2);
    }

    @Test
    void throughTheApiItIsA409AndNothingOfTheRequestIsApplied() throws Exception {
        String ref = ticket.getReference();
        meanwhile(1, () -> desk.changeStatus(ref, TicketStatus.ESCALATED, bob.getUsername()));
        mvc.perform(throughTheApi(patch("/api/tickets/" + ref)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\": \"resolved\", \"assignee\": \"" + agent.getUsername() + "\"}"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Changed at the same moment"))
                .andExpect(jsonPath("$.instance").value("/api/tickets/" + ref));
        Ticket now = now();
        assertThat(now.getStatus()).isEqualTo(TicketStatus.ESCALATED);
        assertThat(now.getAssignee()).as("status and assignee change together or not at all").isNull();
        assertThat(linesBy(agent)).isEmpty();
        assertThat(linesBy(bob)).containsExactly(escalatedByBob());
        assertThat(audit.trail(ticket.getId())).extracting(AuditEvent::getAction).doesNotContain(AuditAction.ASSIGNED);
    }
}
