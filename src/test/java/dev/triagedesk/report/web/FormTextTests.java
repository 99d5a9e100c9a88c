package dev.triagedesk.report.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.triagedesk.desk.DeskService;
import dev.triagedesk.desk.TicketNote;
import dev.triagedesk.staff.Role;
import dev.triagedesk.staff.StaffService;
import dev.triagedesk.support.TicketFixtures;
import dev.triagedesk.support.TriageDeskTest;
import dev.triagedesk.ticket.ConsoleFinding;
import dev.triagedesk.ticket.Product;
import dev.triagedesk.ticket.Ticket;
import dev.triagedesk.ticket.TicketService;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Text the form's fields may carry but no ticket can hold: a NUL (typed, pasted, or {@code %00} in a hand-made post;
 * PostgreSQL's text cannot store it) and a lone surrogate. Each becomes U+FFFD as the form is bound, as in the API's
 * JSON, so the page answers as usual and what is stored is text; an agent's note on the desk likewise. Same context
 * as {@link ReportFormTests}.
 */
@TriageDeskTest
@TestPropertySource(properties = {"spring.datasource.url=jdbc:h2:mem:report-form;DB_CLOSE_DELAY=-1",
        "triage.data-dir=target/test-data/report-form"})
class FormTextTests {

    private static final String NUL = "\0";
    private static final String LONE_SURROGATE = "\ud800";

    @Autowired
    TicketFixtures fixtures;
    @Autowired
    MockMvc mvc;
    @Autowired
    TicketService tickets;
    @Autowired
    DeskService desk;
    @Autowired
    StaffService staff;
    @Autowired
    UserDetailsService principals;

    private static MockHttpServletRequestBuilder post(String url) {
        return MockMvcRequestBuilders.post(url).with(csrf());
    }

    @Test
    void aNulOrALoneSurrogateInStepOneIsStoredAsAReplacementCharacter() throws Exception {
        String token = tickets.startDraft().token();
        mvc.perform(post("/report/" + token + "/what").param("nav", "next").param("product", "CHATGPT_WEB")
                        .param("seenMessage", "Something" + NUL + "went wrong")
                        .param("productDetail", "Chrome" + NUL)
                        .param("environment", "Windows " + LONE_SURROGATE + "11")
                        .param("description", NUL + "It fails" + NUL)
                        .param("reporterName", "Pat" + LONE_SURROGATE + NUL)
                        .param("timeZone", "Europe/Paris"))
                .andExpect(redirectedUrl("/report/" + token + "/status"));

        Ticket t = tickets.byToken(token).orElseThrow();
        assertThat(t.getSeenMessage()).isEqualTo("Something\uFFFDwent wrong");
        assertThat(t.getProductDetail()).isEqualTo("Chrome\uFFFD");
        assertThat(t.getEnvironment()).isEqualTo("Windows \uFFFD11");
        assertThat(t.getDescription()).isEqualTo("\uFFFDIt fails\uFFFD");
        assertThat(t.getReporterName()).isEqualTo("Pat\uFFFD\uFFFD");
        // the step shows again what was saved
        mvc.perform(get("/report/" + token + "/what")).andExpect(status().isOk());
    }

    @Test
    void aPercentZeroZeroInAHandMadePostIsNoNul() throws Exception {
        String token = tickets.startDraft().token();
        mvc.perform(post("/report/" + token + "/what").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .content("nav=next&product=CHATGPT_WEB&seenMessage=HTTP%00500&description=%00%00"))
                .andExpect(redirectedUrl("/report/" + token + "/status"));
        Ticket t = tickets.byToken(token).orElseThrow();
        assertThat(t.getSeenMessage()).isEqualTo("HTTP\uFFFD500");
        assertThat(t.getDescription()).isEqualTo("\uFFFD\uFFFD");
    }

    @Test
    void theApiFieldsOfTheChecksStepTakeNoNul() throws Exception {
        String token = fixtures.draftAt(Product.OPENAI_API, 2);
        mvc.perform(post("/report/" + token + "/checks").param("nav", "next")
                        .param("model", "gpt" + NUL).param("endpoint", "/v1/responses" + NUL)
                        .param("orgId", "org-" + LONE_SURROGATE).param("requestIds", "req_0123456789abcdef" + NUL))
                .andExpect(redirectedUrl("/report/" + token + "/evidence"));
        Ticket t = tickets.byToken(token).orElseThrow();
        assertThat(t.getApi().getModel()).isEqualTo("gpt\uFFFD");
        assertThat(t.getApi().getEndpoint()).isEqualTo("/v1/responses\uFFFD");
        assertThat(t.getApi().getOrgId()).isEqualTo("org-\uFFFD");
        assertThat(t.getApi().getRequestIds()).doesNotContain(NUL);
    }

    @Test
    void pastedConsoleTextWithANulIsStillAnalyzedAndItsFindingsHoldNone() throws Exception {
        String token = fixtures.draftAt(Product.CHATGPT_WEB, 3);
        String console = "15:24:00.002 main.js:10  Uncaught (in promise) TypeError: Cannot read" + NUL
                + " properties of undefined\n";
        mvc.perform(MockMvcRequestBuilders.multipart("/report/" + token + "/evidence").with(csrf())
                        .param("consoleText", console).param("conversationUrl", "").param("nav", "stay"))
                .andExpect(redirectedUrlPattern("/report/" + token + "/evidence#attachment-*"));
        mvc.perform(get("/report/" + token + "/evidence")).andExpect(status().isOk());

        var details = tickets.details(tickets.byToken(token).orElseThrow().getId());
        assertThat(details.consoleFindings()).extracting(ConsoleFinding::getMessage)
                .anySatisfy(m -> assertThat(m).contains("Uncaught (in promise) TypeError: Cannot read\uFFFD"))
                .allSatisfy(m -> assertThat(m).doesNotContain(NUL));
    }

    @Test
    void theReporterPageTakesPastedTextAndAConversationUrlWithANul() throws Exception {
        String token = fixtures.draftAt(Product.CHATGPT_WEB, 4);
        mvc.perform(post("/report/" + token + "/review").param("nav", "submit")).andExpect(redirectedUrl("/r/" + token));

        mvc.perform(MockMvcRequestBuilders.multipart("/r/" + token + "/evidence").with(csrf())
                        .param("consoleText", "15:24:00.002 main.js:10  Uncaught Error: boom" + NUL + "\n"))
                .andExpect(redirectedUrlPattern("/r/" + token + "#attachment-*"));
        // a URL with a NUL in it is not a conversation's: it is refused next to its field, not a 500
        String page = mvc.perform(MockMvcRequestBuilders.multipart("/r/" + token + "/evidence").with(csrf())
                        .param("conversationUrl", "https://chatgpt.com/c/abc" + NUL))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).doesNotContain(NUL);

        Ticket t = tickets.byToken(token).orElseThrow();
        assertThat(Stream.of(t.getConversationUrl())).allSatisfy(u -> assertThat(String.valueOf(u)).doesNotContain(NUL));
        assertThat(tickets.details(t.getId()).consoleFindings()).extracting(ConsoleFinding::getMessage)
                .anySatisfy(m -> assertThat(m).contains("boom\uFFFD"))
                .allSatisfy(m -> assertThat(m).doesNotContain(NUL));
    }

    @Test
    void anAgentsNoteWithANulIsSavedWithAReplacementCharacter() throws Exception {
        String token = fixtures.draftAt(Product.CHATGPT_WEB, 4);
        String reference = tickets.submit(tickets.byToken(token).orElseThrow().getId()).getReference();
        String agent = "agent-" + UUID.randomUUID().toString().substring(0, 8);
        staff.create(agent, "Agent", "correct horse battery staple", Role.AGENT);
        mvc.perform(post("/desk/tickets/" + reference + "/notes").with(user(principals.loadUserByUsername(agent)))
                        .param("body", "Called back" + NUL))
                .andExpect(redirectedUrl("/desk/tickets/" + reference + "#notes"));
        assertThat(desk.notes(reference)).extracting(TicketNote::getBody).containsExactly("Called back\uFFFD");
    }
}
