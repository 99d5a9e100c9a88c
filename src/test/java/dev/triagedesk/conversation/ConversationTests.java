package dev.triagedesk.conversation;

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
import dev.triagedesk.evidence.Corpus;
import dev.triagedesk.report.ReportService;
import dev.triagedesk.staff.Role;
import dev.triagedesk.staff.StaffService;
import dev.triagedesk.staff.StaffUser;
import dev.triagedesk.support.TicketFixtures;
import dev.triagedesk.support.TriageDeskTest;
import dev.triagedesk.ticket.EvidenceKind;
import dev.triagedesk.ticket.Product;
import dev.triagedesk.ticket.Ticket;
import dev.triagedesk.ticket.TicketRepository;
import dev.triagedesk.ticket.TicketService;
import dev.triagedesk.ticket.TicketStatus;
import dev.triagedesk.ticket.Upload;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** The reply loop through the pages: an agent asks and replies, the reporter reads, answers and adds evidence. */
@TriageDeskTest
class ConversationTests {

    static final String PASSWORD = "correct horse battery staple";

    @Autowired
    MockMvc mvc;
    @Autowired
    TicketService tickets;
    @Autowired
    ReportService reports;
    @Autowired
    TicketRepository ticketRepository;
    @Autowired
    StaffService staff;
    @Autowired
    AuditLog audit;
    @Autowired
    UserDetailsService principals;
    @Autowired
    ConversationService conversations;

    String marker;
    StaffUser agent;
    Ticket ticket;
    String token;

    @BeforeEach
    void ticketAndAgent() {
        marker = "conv" + UUID.randomUUID().toString().substring(0, 8);
        agent = staff.create("agent-" + marker, "Agent " + marker, PASSWORD, Role.AGENT);
        TicketService.Draft draft = tickets.startDraft();
        token = draft.token();
        tickets.answer(draft.ticket().getId(), TicketFixtures.answers(Product.CHATGPT_WEB, "Saving fails " + marker,
                marker + "@example.com"));
        ticket = reports.submit(draft.ticket().getId()).details().ticket();
    }

    /** An API report asked for its client's log and request IDs: an SDK log or a Batch file added later ticks both. */
    @Test
    void anSdkLogAddedLaterTicksWhatAnApiReportWasAskedFor() {
        TicketService.Draft draft = tickets.startDraft();
        tickets.answer(draft.ticket().getId(), TicketFixtures.answers(Product.OPENAI_API, "Calls fail " + marker,
                marker + "@example.com"));
        Ticket api = reports.submit(draft.ticket().getId()).details().ticket();
        conversations.askReporter(api.getReference(), List.of(
                new MissingItems.Suggestion(RequestedItem.Kind.CONSOLE, MissingItems.API_LOGS),
                new MissingItems.Suggestion(RequestedItem.Kind.IDENTIFIER, MissingItems.API_REQUEST_IDS)),
                null, agent.getUsername(), null);
        assertThat(conversations.requested(api.getId())).noneMatch(RequestedItem::isDone);
        conversations.evidenceAdded(new dev.triagedesk.ticket.EvidenceAdded(api.getId(),
                java.util.Set.of(dev.triagedesk.ticket.EvidenceKind.BATCH), false));
        assertThat(conversations.requested(api.getId())).hasSize(2).allMatch(RequestedItem::isDone);
    }

    @Test
    void agentRepliesAndTheReporterSeesItWithTheAgentsNameThenAnswers() throws Exception {
        mvc.perform(post("/desk/tickets/" + ticket.getReference() + "/replies").with(csrf()).with(agent())
                        .param("body", "Could you try a private window? " + marker))
                .andExpect(redirectedUrl("/desk/tickets/" + ticket.getReference() + "#conversation"))
                .andExpect(flash().attribute("messageKey", "conversation.reply.sent"));

        Document page = reporterPage();
        assertThat(page.select("#conversation .message-agent .message-body").text())
                .isEqualTo("Could you try a private window? " + marker);
        assertThat(page.select("#conversation .message-agent .message-meta").text()).contains("Agent " + marker);

        mvc.perform(post("/r/" + token + "/replies").with(csrf())
                        .param("body", "Still fails in private window; key sk-proj-" + "a".repeat(40)))
                .andExpect(redirectedUrl("/r/" + token + "#conversation"));
        page = reporterPage();
        assertThat(page.select("#conversation .message-body").eachText()).hasSize(2)
                .first().asString().contains("private window?");
        // what the reporter types is redacted like their description
        assertThat(page.select("#conversation .message-reporter .message-body").text())
                .startsWith("Still fails in private window").doesNotContain("a".repeat(40));

        assertThat(trail()).extracting(AuditEvent::getAction)
                .contains(AuditAction.REPLIED, AuditAction.REPORTER_ANSWERED);
        assertThat(ticketRepository.findById(ticket.getId()).orElseThrow().getReporterUnreadSince()).isNotNull();
        // the queue marks it, filters by it and sorts it first
        Document queue = Jsoup.parse(mvc.perform(get("/desk").param("reply", "yes").param("sort", "reply")
                .with(agent())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(queue.select("tbody tr").first().attr("data-reference")).isEqualTo(ticket.getReference());
        assertThat(queue.select("tbody tr").first().select(".unread-reply").text()).isEqualTo("New reply");
        Document without = Jsoup.parse(mvc.perform(get("/desk").param("reply", "no").param("q", marker)
                .with(agent())).andReturn().getResponse().getContentAsString());
        assertThat(without.select("tbody tr")).isEmpty();

        // opening the ticket page reads the reporter's answer
        String html = mvc.perform(get("/desk/tickets/" + ticket.getReference()).with(agent()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(html).select("#conversation .message-reporter .message-body").text())
                .startsWith("Still fails");
        assertThat(ticketRepository.findById(ticket.getId()).orElseThrow().getReporterUnreadSince()).isNull();
    }

    @Test
    void waitingOnReporterListsWhatIsMissingAndEvidenceTicksItAndReturnsToTriaging() throws Exception {
        String ticketPage = mvc.perform(get("/desk/tickets/" + ticket.getReference()).with(agent()))
                .andReturn().getResponse().getContentAsString();
        List<String> offered = Jsoup.parse(ticketPage).select("#waiting-form input[name=item]").eachAttr("value");
        // no HAR, no private-window test, no request ID: each offered, ticked by default
        assertThat(offered).contains("HAR:" + MissingItems.HAR, "ANSWER:" + MissingItems.PRIVATE_WINDOW,
                "IDENTIFIER:" + MissingItems.IDENTIFIER);

        mvc.perform(post("/desk/tickets/" + ticket.getReference() + "/waiting").with(csrf()).with(agent())
                        .param("item", "HAR:" + MissingItems.HAR, "ANSWER:" + MissingItems.PRIVATE_WINDOW)
                        .param("other", "Your browser version").param("from", "NEW")
                        .param("message", "We need a bit more " + marker))
                .andExpect(flash().attribute("messageKey", "conversation.waiting.set"));
        assertThat(current().getStatus()).isEqualTo(TicketStatus.WAITING_ON_REPORTER);

        Document page = reporterPage();
        assertThat(page.select("#conversation .checklist li.item-open").eachText())
                .containsExactly("Needed: " + MissingItems.HAR, "Needed: " + MissingItems.PRIVATE_WINDOW,
                        "Needed: Your browser version");
        assertThat(page.select("#conversation .message-agent .message-body").text())
                .isEqualTo("We need a bit more " + marker);

        Path copy = Files.createTempFile("conversation", ".har");
        Files.copy(Corpus.har("user-masteralan360-asaas-chrome143-404-body.har"), copy,
                StandardCopyOption.REPLACE_EXISTING);
        reports.addUpload(ticket.getId(), new Upload(copy, "later.har", Files.size(copy), EvidenceKind.HAR));
        Files.deleteIfExists(copy);

        assertThat(current().getStatus()).isEqualTo(TicketStatus.TRIAGING);
        page = reporterPage();
        assertThat(page.select("#conversation .checklist li.item-done").eachText())
                .containsExactly("Received: " + MissingItems.HAR);
        assertThat(trail()).extracting(AuditEvent::getAction).contains(AuditAction.ASKED_REPORTER);
        assertThat(trail()).filteredOn(e -> e.getAction() == AuditAction.STATUS_CHANGED)
                .extracting(AuditEvent::getDetail).contains("Waiting on reporter → Triaging");
    }

    @Test
    void badInputIsAMessageNotAnError() throws Exception {
        mvc.perform(post("/desk/tickets/" + ticket.getReference() + "/replies").with(csrf()).with(agent())
                        .param("body", "   "))
                .andExpect(flash().attribute("errorKey", "conversation.reply.invalid"));
        mvc.perform(post("/desk/tickets/" + ticket.getReference() + "/waiting").with(csrf()).with(agent())
                        .param("item", "NOPE:thing"))
                .andExpect(flash().attribute("errorKey", "conversation.waiting.invalid"));
        mvc.perform(post("/desk/tickets/" + ticket.getReference() + "/waiting").with(csrf()).with(agent()))
                .andExpect(flash().attribute("errorKey", "conversation.waiting.nothing"));
        mvc.perform(post("/r/" + token + "/replies").with(csrf()).param("body", "x".repeat(10_001)))
                .andExpect(flash().attribute("warningKey", "conversation.answer.invalid"));
        mvc.perform(post("/r/not-a-token-of-anything-at-all/replies").with(csrf()).param("body", "hi"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/desk/tickets/TD-1999-000000/replies").with(csrf()).with(agent()).param("body", "hi"))
                .andExpect(status().isNotFound());
        assertThat(conversations.thread(ticket.getId())).isEmpty();
    }

    private Ticket current() {
        return ticketRepository.findById(ticket.getId()).orElseThrow();
    }

    private List<AuditEvent> trail() {
        return audit.trail(ticket.getId());
    }

    private Document reporterPage() throws Exception {
        return Jsoup.parse(mvc.perform(get("/r/" + token)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
    }

    private org.springframework.test.web.servlet.request.RequestPostProcessor agent() {
        return user(principals.loadUserByUsername(agent.getUsername()));
    }
}
