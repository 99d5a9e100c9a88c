package dev.triagedesk.desk.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.triagedesk.audit.AuditAction;
import dev.triagedesk.audit.AuditEvent;
import dev.triagedesk.audit.AuditLog;
import dev.triagedesk.desk.DeskService;
import dev.triagedesk.evidence.HarBuilder;
import dev.triagedesk.evidence.Secrets;
import dev.triagedesk.staff.Role;
import dev.triagedesk.staff.StaffService;
import dev.triagedesk.staff.StaffUser;
import dev.triagedesk.support.MadeTickets;
import dev.triagedesk.support.RepeatedFailuresHar;
import dev.triagedesk.support.TicketFixtures;
import dev.triagedesk.support.TriageDeskTest;
import dev.triagedesk.ticket.Evidence;
import dev.triagedesk.ticket.EvidenceKind;
import dev.triagedesk.ticket.Product;
import dev.triagedesk.ticket.Ticket;
import dev.triagedesk.ticket.TicketStatus;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The ticket page as an agent uses it: what it shows, the workflow forms, downloads and exports. */
@TriageDeskTest
class TicketPageTests {

    static final String HAR = "user-masteralan360-asaas-chrome143-404-body.har";
    static final String CF_RAY = "9ba36dc0cdf1f756-ISU";
    static final String SB_REQUEST_ID = "019b9869-d481-7819-a1b6-fea08d7e5ad5";
    static final String PASSWORD = "correct horse battery staple";

    @Autowired
    MockMvc mvc;
    @Autowired
    TicketFixtures fixtures;
    @Autowired
    MadeTickets made;
    @Autowired
    StaffService staff;
    @Autowired
    DeskService desk;
    @Autowired
    AuditLog audit;
    @Autowired
    UserDetailsService principals;

    String marker;
    StaffUser agent;
    Ticket ticket;

    @BeforeEach
    void ticketAndAgent() {
        marker = "page" + UUID.randomUUID().toString().substring(0, 8);
        agent = staff.create("agent-" + marker, "Agent " + marker, PASSWORD, Role.AGENT);
        ticket = fixtures.submit(TicketFixtures.answers(Product.CHATGPT_WEB, "Saving fails " + marker,
                marker + "@example.com"), HAR);
    }

    private MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request) {
        // the real principal (StaffPrincipal), as the sign-in form makes it: the staff layout shows its name
        return request.with(user(principals.loadUserByUsername(agent.getUsername())));
    }

    private Document page(String reference) throws Exception {
        return Jsoup.parse(mvc.perform(as(get("/desk/tickets/" + reference))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
    }

    private String link(String anchor) {
        return "/desk/tickets/" + ticket.getReference() + "#" + anchor;
    }

    /** A ticket with a HAR that carried an API key and a session cookie, a console log and a screenshot. */
    private MadeTickets.Made madeWithSecrets() {
        String har = new HarBuilder()
                .entry("POST", "https://api.openai.com/v1/chat/completions", 429)
                .requestHeader("Authorization", "Bearer " + Secrets.openAiKey(7))
                .cookie("__Secure-next-auth.session-token", Secrets.sessionToken(7))
                .responseHeader("x-request-id", "req_" + marker)
                .body("application/json", "{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\","
                        + "\"code\":\"rate_limit_exceeded\"}}")
                .add().json();
        return made.submit(TicketFixtures.answers(Product.OPENAI_API, "Rate limited " + marker, null),
                MadeTickets.Attachment.har("capture.har", har),
                MadeTickets.Attachment.console("console.log", "12:00:01.100 POST "
                        + "https://api.openai.com/v1/chat/completions 429 (Too Many Requests)\n"
                        + "Uncaught TypeError: Cannot read properties of undefined (reading 'choices')\n"
                        + "Failed to load resource: the server responded with a status of 429 ()\n"),
                MadeTickets.Attachment.screenshot("screen.png"));
    }

    /** An API ticket shows what step 3 of the API path asks, the client and how the calls are made among it. */
    @Test
    void anApiTicketShowsItsCallDetailsWithTheClientAndHowTheCallsAreMade() throws Exception {
        Ticket api = fixtures.submit(new dev.triagedesk.ticket.ReportAnswers(Product.OPENAI_API, null, "RateLimitError",
                429, null, "UTC", null, null, marker + "@example.com", "Calls fail " + marker, null, null,
                new dev.triagedesk.ticket.ReportAnswers.Api("gpt-5", "/v1/responses", null, "org-abc", null, 20, null,
                        null, null, "openai-node 4.77.0", dev.triagedesk.ticket.ApiCallMode.BATCH), null));
        Document page = page(api.getReference());
        Map<String, String> answers = new java.util.LinkedHashMap<>();
        for (org.jsoup.nodes.Element dt : page.select("dl.answers dt")) {
            answers.put(dt.text(), dt.nextElementSibling().text());
        }
        assertThat(answers).containsEntry("SDK and version", "openai-node 4.77.0")
                .containsEntry("How the calls are made", "Batch API").containsEntry("Model", "gpt-5");
        assertThat(page.select("table.checks")).isEmpty();
    }

    @Test
    void thePageShowsSummaryChecklistVerdictFailuresTimelineIdsRedactionAndAttachments() throws Exception {
        Document page = page(ticket.getReference().toLowerCase());
        assertThat(page.select("h1").text()).isEqualTo("Ticket " + ticket.getReference());
        Ticket stored = desk.submitted(ticket.getReference()).orElseThrow();
        assertThat(page.select("#summary-markdown").text()).isEqualTo(stored.getSummaryMarkdown().strip());
        assertThat(page.select("#summary-text").text()).contains(CF_RAY);
        assertThat(page.select("#summary button[data-copy]")).extracting(e -> e.attr("data-copy"))
                .containsExactly("#summary-markdown", "#summary-text");
        assertThat(page.select("table.checks tbody tr")).hasSize(8);
        assertThat(page.select("table.checks").text()).contains("In a private (incognito) window");
        assertThat(page.select("#verdict .verdict-path").text()).isEqualTo(stored.getVerdictPath().label());
        assertThat(page.select("#labels .readiness li")).hasSize(4);

        // the failing request as a row: method, URL, status, error code, its request IDs with copy buttons
        var row = page.select("table.failures-table tbody tr").first();
        assertThat(row).isNotNull();
        assertThat(row.select(".method").text()).isEqualTo("POST");
        assertThat(row.select(".url").text()).contains("/rest/v1/rpc/get_all_users");
        assertThat(row.select(".status .code").text()).isEqualTo("404");
        assertThat(row.select(".error-code").text()).isEqualTo("PGRST202");
        assertThat(row.select(".ids code")).extracting(e -> e.text()).contains(CF_RAY, SB_REQUEST_ID);
        for (var button : row.select(".ids button[data-copy]")) {
            assertThat(page.select(button.attr("data-copy"))).as("copy target %s", button.attr("data-copy")).hasSize(1);
        }

        // the timeline: one picture per HAR, failures marked, described in words for those who cannot see it
        assertThat(page.select("svg.timeline-chart")).hasSize(1);
        assertThat(page.select("svg.timeline-chart rect.bar-failing")).isNotEmpty();
        assertThat(page.select("svg.timeline-chart desc").text()).contains("failing");
        assertThat(page.select("#identifiers table code")).extracting(e -> e.text()).contains(CF_RAY);

        // the attachment with what redaction removed from it, and a download of its sanitized copy
        var attachment = page.select("#attachments article.attachment").first();
        assertThat(attachment.select(".file-name").text()).isEqualTo(HAR);
        assertThat(attachment.select(".redaction-total").text()).isNotBlank();
        assertThat(attachment.select(".download a").attr("href"))
                .matches("/desk/tickets/" + ticket.getReference() + "/attachments/\\d+");

        assertThat(audit.trail(ticket.getId())).first().satisfies(e -> {
            assertThat(e.getAction()).isEqualTo(AuditAction.VIEWED);
            assertThat(e.getActor()).isEqualTo(agent.getUsername());
        });
    }

    @Test
    void identicalFailuresAreOneRowWithTheirCountAndEachRequestInTheListItOpens() throws Exception {
        MadeTickets.Made m = made.submit(TicketFixtures.answers(Product.CHATGPT_WEB, "Repeated " + marker, null),
                MadeTickets.Attachment.har(RepeatedFailuresHar.NAME, RepeatedFailuresHar.json()));
        Document page = page(m.reference());
        assertThat(page.select("#failures-title").text()).isEqualTo("Failing requests (9)");
        assertThat(page.select("#failures .grouped-hint").text()).startsWith("9 failing requests in 2 rows");

        var rows = page.select("table.failures-table > tbody > tr.failure");
        assertThat(rows).hasSize(2);
        Element repeated = rows.get(0);
        assertThat(repeated.attr("data-count")).isEqualTo("8");
        assertThat(repeated.select(".request .count").text()).isEqualTo("8×");
        assertThat(repeated.select(".time > time").text()).isEqualTo("2026-05-04 10:00:00 UTC");
        assertThat(repeated.select(".time > time").attr("datetime")).isEqualTo("2026-05-04T10:00:00Z");
        assertThat(repeated.select(".time .until").text()).isEqualTo("to 10:00:07 UTC");
        assertThat(repeated.select(".status .code").text()).isEqualTo("500");
        assertThat(repeated.select(".error-code").text()).isEqualTo("internal_error");
        String shown = repeated.select(".request .url").text();
        assertThat(shown).hasSizeLessThanOrEqualTo(TicketView.URL_SHOWN).contains("…")
                .startsWith("https://chatgpt.com/backend-api/conversation/");
        assertThat(repeated.select("td.ids code")).isEmpty();
        assertThat(repeated.select("td.source").text()).isEqualTo(RepeatedFailuresHar.NAME + " entries 0, 1, 2, 3, 4, 5, 6, 7");

        // the line under the row opens (no script needed) on the whole address and each request
        Element more = repeated.nextElementSibling();
        assertThat(more).isNotNull();
        assertThat(more.hasClass("failure-more")).isTrue();
        Element details = more.selectFirst("details");
        assertThat(details.hasAttr("open")).isFalse();
        assertThat(details.select("summary").text()).isEqualTo("The 8 requests: times, entries and request IDs");
        assertThat(details.select(".full-url code").text()).isEqualTo(RepeatedFailuresHar.url(0));
        var occurrences = details.select("table.occurrences tbody tr.occurrence");
        assertThat(occurrences).hasSize(8);
        for (int i = 0; i < RepeatedFailuresHar.REPEATED; i++) {
            Element o = occurrences.get(i);
            assertThat(o.select("time").text()).isEqualTo("2026-05-04 10:00:0" + i + " UTC");
            assertThat(o.select(".source").text()).isEqualTo("entry " + i);
            assertThat(o.select("code").eachText()).containsExactly(RepeatedFailuresHar.requestId(i), RepeatedFailuresHar.ray(i));
        }
        for (var button : details.select("button[data-copy]")) {
            assertThat(page.select(button.attr("data-copy"))).as("copy target %s", button.attr("data-copy")).hasSize(1);
        }
        // each address whole once at most: the table no longer grows with every repetition
        String table = page.select("#failures").html();
        assertThat(table.split(java.util.regex.Pattern.quote(RepeatedFailuresHar.url(0).replace("&", "&amp;")), -1))
                .hasSize(2);
        assertThat(table).doesNotContain(RepeatedFailuresHar.url(3).replace("&", "&amp;"));

        // a failure seen once is a row as before: its IDs in the row, nothing to open
        Element single = rows.get(1);
        assertThat(single.attr("data-count")).isEqualTo("1");
        assertThat(single.select(".count")).isEmpty();
        assertThat(single.select("td.ids code").text()).isEqualTo(RepeatedFailuresHar.RATE_LIMITED_ID);
        assertThat(single.select("td.source").text()).isEqualTo(RepeatedFailuresHar.NAME + " entry 8");
        assertThat(single.nextElementSibling()).isNull();
    }

    @Test
    void theSummaryListsARepeatedFailureOnceWithItsCountTimesAndEveryRequestId() throws Exception {
        MadeTickets.Made m = made.submit(TicketFixtures.answers(Product.CHATGPT_WEB, "Repeated " + marker, null),
                MadeTickets.Attachment.har(RepeatedFailuresHar.NAME, RepeatedFailuresHar.json()));
        String text = page(m.reference()).select("#summary-text").text();
        String failing = text.substring(text.indexOf("Failing requests"));
        assertThat(failing).contains("2026-05-04 10:00:00 to 2026-05-04 10:00:07 | Request: 8× GET https://chatgpt.com/");
        for (int i = 0; i < RepeatedFailuresHar.REPEATED; i++) {
            assertThat(failing).contains(RepeatedFailuresHar.requestId(i), RepeatedFailuresHar.ray(i));
        }
        // the long address once, shortened in the middle; the sanitized HAR keeps it whole
        assertThat(failing).doesNotContain(RepeatedFailuresHar.url(0)).doesNotContain(RepeatedFailuresHar.url(1)).contains("…");
        assertThat(failing).contains(RepeatedFailuresHar.RATE_LIMITED_ID);
    }

    @Test
    void thePdfPrintsEachRowOnceWithItsRequestsUnderItIdsWholeAndNoSummaryBesideTheTables() throws Exception {
        MadeTickets.Made m = made.submit(TicketFixtures.answers(Product.CHATGPT_WEB, "Repeated " + marker, null),
                MadeTickets.Attachment.har(RepeatedFailuresHar.NAME, RepeatedFailuresHar.json()));
        byte[] pdf = mvc.perform(as(get("/desk/tickets/" + m.reference() + "/export/pdf"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        String text = pdfText(pdf).replaceAll("[ \\t]+", " ");
        // the tables say it all: the summary (exported on its own) is not printed a second time beside them
        assertThat(text).doesNotContain("Support summary", "Plain text", "Support-ready checklist");
        assertThat(text).contains("Failing requests (9)", "8×", "to 10:00:07 UTC");
        // every request ID, and the file name where its requests were found, whole on one line
        for (int i = 0; i < RepeatedFailuresHar.REPEATED; i++) {
            assertThat(text).contains("entry " + i + " x-request-id: " + RepeatedFailuresHar.requestId(i)
                    + " cf-ray: " + RepeatedFailuresHar.ray(i));
        }
        assertThat(text).contains("Found in: " + RepeatedFailuresHar.NAME + ", entries 0, 1, 2, 3, 4, 5, 6, 7");
        assertThat(text).contains("Request IDs: x-request-id: " + RepeatedFailuresHar.RATE_LIMITED_ID);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isLessThanOrEqualTo(4);
        }
    }

    @Test
    void aReporterWithoutANameIsTheirAddressAloneAndAStaffMemberIsNotNamedTwice() throws Exception {
        StaffUser plain = staff.create("plain-" + marker, "plain-" + marker, PASSWORD, Role.AGENT);
        Document page = page(ticket.getReference());
        // TicketFixtures gives the name "Pat"
        assertThat(page.select(".ticket-facts dd .email").text()).isEqualTo("<" + marker + "@example.com>");
        MadeTickets.Made anonymous = made.submit(new dev.triagedesk.ticket.ReportAnswers(Product.CHATGPT_WEB, null,
                "Something went wrong", 500, null, "UTC", null, null, "nameless-" + marker + "@example.com", "x",
                null, null, null, null));
        Document nameless = page(anonymous.reference());
        assertThat(nameless.select(".ticket-facts dd .email").text()).isEqualTo("nameless-" + marker + "@example.com");
        assertThat(desk.submitted(anonymous.reference()).orElseThrow().getSummaryText())
                .contains("Reported by: nameless-" + marker + "@example.com").doesNotContain("<nameless");

        assertThat(nameless.select("#assignee option[value=" + plain.getId() + "]").text()).isEqualTo("plain-" + marker);
        assertThat(nameless.select("#assignee option[value=" + agent.getId() + "]").text())
                .isEqualTo("Agent " + marker + " (" + agent.getUsername() + ")");
    }

    @Test
    void aSecretTheReporterTypedAmongTheRequestIdsIsNotListedAsAnId() throws Exception {
        String key = Secrets.openAiKey(5);
        MadeTickets.Made m = made.submit(new dev.triagedesk.ticket.ReportAnswers(Product.OPENAI_API, null,
                "Something went wrong", 500, null, "UTC", null, "Pat", null, "x", null, null,
                new dev.triagedesk.ticket.ReportAnswers.Api(null, null, null, null, null, null, null,
                        "req_" + marker + " " + key), null));
        Document page = page(m.reference());
        assertThat(page.select("#identifiers table code").eachText()).containsExactly("req_" + marker);
        assertThat(page.html()).doesNotContain(key);
    }

    @Test
    void anUnknownOrUnsubmittedTicketIsTheFriendlyNotFoundPage() throws Exception {
        String html = mvc.perform(as(get("/desk/tickets/TD-1999-000001"))).andExpect(status().isNotFound())
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("There is no submitted ticket with this reference");
        mvc.perform(as(post("/desk/tickets/TD-1999-000001/status")).with(csrf()).param("status", "CLOSED"))
                .andExpect(status().isNotFound());
    }

    @Test
    void theStatusFormNeedsItsCsrfTokenChangesTheStatusAndSaysSo() throws Exception {
        String ref = ticket.getReference();
        mvc.perform(as(post("/desk/tickets/" + ref + "/status")).param("status", "TRIAGING"))
                .andExpect(status().isForbidden());
        assertThat(desk.submitted(ref).orElseThrow().getStatus()).isEqualTo(TicketStatus.NEW);

        mvc.perform(as(post("/desk/tickets/" + ref + "/status")).with(csrf()).param("status", "waiting-on-reporter"))
                .andExpect(redirectedUrl(link("workflow")))
                .andExpect(flash().attribute("messageKey", "ticket.status.changed"))
                .andExpect(flash().attribute("messageArg", TicketStatus.WAITING_ON_REPORTER.label()));
        assertThat(desk.submitted(ref).orElseThrow().getStatus()).isEqualTo(TicketStatus.WAITING_ON_REPORTER);

        for (String wrong : new String[] {"on-fire", ""}) {
            mvc.perform(as(post("/desk/tickets/" + ref + "/status")).with(csrf()).param("status", wrong))
                    .andExpect(redirectedUrl(link("workflow")))
                    .andExpect(flash().attribute("errorKey", "ticket.status.invalid"));
        }
        assertThat(desk.submitted(ref).orElseThrow().getStatus()).isEqualTo(TicketStatus.WAITING_ON_REPORTER);

        Document page = page(ref);
        assertThat(page.select("#ticket-status").text()).isEqualTo(TicketStatus.WAITING_ON_REPORTER.label());
        assertThat(page.select("#status option[selected]").attr("value")).isEqualTo("WAITING_ON_REPORTER");
        assertThat(page.select("#trail tbody tr").eachText()).anyMatch(r -> r.contains(agent.getUsername())
                && r.contains("changed the status") && r.contains("New → Waiting on reporter"));
    }

    @Test
    void theAssigneeFormTakesAnEnabledStaffMemberOrNobody() throws Exception {
        String ref = ticket.getReference();
        StaffUser gone = staff.create("gone-" + marker, null, PASSWORD, Role.AGENT);
        staff.setEnabled(gone.getId(), false, "admin");

        mvc.perform(as(post("/desk/tickets/" + ref + "/assignee")).with(csrf()).param("assignee", agent.getId().toString()))
                .andExpect(redirectedUrl(link("workflow")))
                .andExpect(flash().attribute("messageKey", "ticket.assignee.changed"))
                .andExpect(flash().attribute("messageArg", agent.getUsername()));
        assertThat(desk.submitted(ref).orElseThrow().getAssignee().getId()).isEqualTo(agent.getId());
        assertThat(page(ref).select("#assignee option[selected]").attr("value")).isEqualTo(agent.getId().toString());

        for (String wrong : new String[] {gone.getId().toString(), "999999999", "alice"}) {
            mvc.perform(as(post("/desk/tickets/" + ref + "/assignee")).with(csrf()).param("assignee", wrong))
                    .andExpect(flash().attribute("errorKey", "ticket.assignee.invalid"));
        }
        assertThat(desk.submitted(ref).orElseThrow().getAssignee().getId()).isEqualTo(agent.getId());
        // the disabled member is not offered
        assertThat(page(ref).select("#assignee option").eachAttr("value")).doesNotContain(gone.getId().toString());

        mvc.perform(as(post("/desk/tickets/" + ref + "/assignee")).with(csrf()).param("assignee", ""))
                .andExpect(flash().attribute("messageKey", "ticket.assignee.none"));
        assertThat(desk.submitted(ref).orElseThrow().getAssignee()).isNull();
        assertThat(audit.trail(ticket.getId())).extracting(AuditEvent::getDetail)
                .contains("nobody → " + agent.getUsername(), agent.getUsername() + " → nobody");
    }

    @Test
    void aChangeSentFromAStalePageIsNotAppliedOverSomeoneElsesAndThePageSaysWhatItIsNow() throws Exception {
        String ref = ticket.getReference();
        StaffUser bob = staff.create("bob-" + marker, null, PASSWORD, Role.AGENT);
        Document stale = page(ref);
        String statusSeen = stale.select("#status-form input[name=from]").val();
        String assigneeSeen = stale.select("#assignee-form input[name=from]").val();
        assertThat(statusSeen).isEqualTo("NEW");
        assertThat(assigneeSeen).isEmpty();

        // while the page is open, another agent escalates the ticket and takes it
        desk.changeStatus(ref, TicketStatus.ESCALATED, bob.getUsername());
        desk.assign(ref, bob.getId(), bob.getUsername());

        mvc.perform(as(post("/desk/tickets/" + ref + "/status")).with(csrf()).param("status", "RESOLVED")
                        .param("from", statusSeen))
                .andExpect(redirectedUrl(link("workflow")))
                .andExpect(flash().attribute("errorKey", "ticket.changedMeanwhile.status"))
                .andExpect(flash().attribute("messageArg", TicketStatus.ESCALATED.label()));
        mvc.perform(as(post("/desk/tickets/" + ref + "/assignee")).with(csrf()).param("assignee", agent.getId().toString())
                        .param("from", assigneeSeen))
                .andExpect(flash().attribute("errorKey", "ticket.changedMeanwhile.assignee"))
                .andExpect(flash().attribute("messageArg", bob.getUsername()));
        Ticket now = desk.submitted(ref).orElseThrow();
        assertThat(now.getStatus()).isEqualTo(TicketStatus.ESCALATED);
        assertThat(audit.trail(ticket.getId())).noneMatch(e -> e.getActor().equals(agent.getUsername())
                && e.getAction().isChange());

        // the page loaded again shows bob's change, and a change made on it goes through
        Document fresh = page(ref);
        assertThat(fresh.select("#ticket-status").text()).isEqualTo(TicketStatus.ESCALATED.label());
        mvc.perform(as(post("/desk/tickets/" + ref + "/status")).with(csrf()).param("status", "RESOLVED")
                        .param("from", fresh.select("#status-form input[name=from]").val()))
                .andExpect(flash().attribute("messageKey", "ticket.status.changed"));
        mvc.perform(as(post("/desk/tickets/" + ref + "/assignee")).with(csrf()).param("assignee", agent.getId().toString())
                        .param("from", fresh.select("#assignee-form input[name=from]").val()))
                .andExpect(flash().attribute("messageKey", "ticket.assignee.changed"));
        assertThat(desk.submitted(ref).orElseThrow().getStatus()).isEqualTo(TicketStatus.RESOLVED);
    }

    /** The page a form's redirect leads to, with the message it carries. */
    private Document after(MvcResult redirect) throws Exception {
        return Jsoup.parse(mvc.perform(as(get(redirect.getResponse().getRedirectedUrl().replaceFirst("#.*", "")))
                .flashAttrs(redirect.getFlashMap())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
    }

    @Test
    void aFormsMessageIsShownInThePartOfThePageTheRedirectScrollsTo() throws Exception {
        String ref = ticket.getReference();
        MvcResult changed = mvc.perform(as(post("/desk/tickets/" + ref + "/status")).with(csrf()).param("status", "TRIAGING"))
                .andExpect(redirectedUrl(link("workflow"))).andReturn();
        Document page = after(changed);
        assertThat(page.select("#workflow .notice-ok").text()).contains(TicketStatus.TRIAGING.label());
        assertThat(page.select("main > .notice")).as("nothing at the top, out of view").isEmpty();

        MvcResult empty = mvc.perform(as(post("/desk/tickets/" + ref + "/notes")).with(csrf()).param("body", "  "))
                .andExpect(redirectedUrl(link("notes"))).andReturn();
        assertThat(after(empty).select("#notes .notice-error[role=alert]").text()).contains("needs some text");
        // without a part of the page named, the message stays at the top
        Document queue = Jsoup.parse(mvc.perform(as(get("/desk")).flashAttr("messageKey", "ticket.note.added"))
                .andReturn().getResponse().getContentAsString());
        assertThat(queue.select("main > .notice-ok").text()).isNotEmpty();
    }

    @Test
    void anAgentAssignsATicketToThemselvesWithOneButton() throws Exception {
        String ref = ticket.getReference();
        Document page = page(ref);
        assertThat(page.select("#take-form input[name=assignee]").val()).isEqualTo(agent.getId().toString());
        MvcResult taken = mvc.perform(as(post("/desk/tickets/" + ref + "/assignee")).with(csrf())
                        .param("assignee", page.select("#take-form input[name=assignee]").val())
                        .param("from", page.select("#take-form input[name=from]").val()))
                .andExpect(flash().attribute("messageKey", "ticket.assignee.changed")).andReturn();
        assertThat(desk.submitted(ref).orElseThrow().getAssignee().getId()).isEqualTo(agent.getId());
        assertThat(after(taken).select("#take-form")).as("offered only while someone else has it").isEmpty();
    }

    @Test
    void viewsOneAfterAnotherAreOneLineOfTheTrailAndChangesStandOut() throws Exception {
        String ref = ticket.getReference();
        page(ref);
        page(ref);
        desk.changeStatus(ref, TicketStatus.TRIAGING, agent.getUsername());
        page(ref);
        page(ref);
        Document page = page(ref); // this view is in the trail it shows
        List<String> rows = page.select("#trail tbody tr").eachText();
        assertThat(rows.get(0)).contains(agent.getUsername(), "viewed", "3 times in a row");
        assertThat(rows.get(1)).contains("changed the status", "New → Triaging");
        assertThat(rows.get(2)).contains("viewed", "2 times in a row");
        // the trail itself keeps every view
        assertThat(audit.trail(ticket.getId())).filteredOn(e -> e.getAction() == AuditAction.VIEWED).hasSize(5);
    }

    @Test
    void theContentsLeadToEachPartOfThePageWithPlainLinks() throws Exception {
        Document doc = page(ticket.getReference());
        org.jsoup.select.Elements links = doc.select("nav.ticket-contents a");
        assertThat(links).extracting(org.jsoup.nodes.Element::text).containsExactly("Workflow", "Summary",
                "Failing requests", "Timeline", "Console errors", "Attachments", "Redaction report",
                "Conversation with the reporter", "Internal notes", "Audit trail");
        for (org.jsoup.nodes.Element link : links) {
            String href = link.attr("href");
            assertThat(href).as(link.text()).startsWith("#");
            org.jsoup.nodes.Element target = doc.getElementById(href.substring(1));
            assertThat(target).as(href).isNotNull();
            // focusable, so following the link leads the keyboard there too (DeskBrowserTests presses Tab after it)
            assertThat(target.attr("tabindex")).as(href).isEqualTo("-1");
        }
        assertThat(doc.getElementById(links.get(6).attr("href").substring(1)).tagName()).isEqualTo("h4");
        // the contents come before the parts they lead to
        assertThat(doc.select("nav.ticket-contents ~ section#workflow")).hasSize(1);

        // a ticket with nothing attached has no redaction report to lead to
        Ticket bare = fixtures.submit(TicketFixtures.answers(Product.CHATGPT_WEB, "Bare " + marker, null));
        assertThat(page(bare.getReference()).select("nav.ticket-contents a").eachText())
                .doesNotContain("Redaction report").contains("Attachments");
    }

    @Test
    void aCaptureExportedWithoutCookiesIsSaidToBeSoOnceInItsRedactionReport() throws Exception {
        Ticket sanitized = fixtures.submit(TicketFixtures.answers(Product.CHATGPT_WEB, "Sanitized " + marker, null),
                "user-MarcoOlivette-taiga-chrome143-400.har");
        org.jsoup.nodes.Element attachment = page(sanitized.getReference()).selectFirst(".attachment");
        String text = attachment.text();
        assertThat(text.split("no cookies or Authorization", -1)).as(text).hasSize(2);
        assertThat(text).doesNotContain(StoredAnalysis.ALREADY_SANITIZED_NOTE);
        // under "What was removed", where it says why no session secret was
        assertThat(attachment.select("h4 ~ .already-sanitized")).hasSize(1);
        assertThat(attachment.select(".facts .note")).noneMatch(n -> n.text().contains("Authorization"));
        // the page leaves out exactly the engine's sentence: it still begins so
        assertThat(dev.triagedesk.evidence.Engines.analyze(dev.triagedesk.evidence.Corpus.har(
                "user-MarcoOlivette-taiga-chrome143-400.har")).summary().notes())
                .anyMatch(n -> n.startsWith(StoredAnalysis.ALREADY_SANITIZED_NOTE));
    }

    @Test
    void anSdkLogIsAnAttachmentOfItsKindWithItsFailingCallsByLineAndTheirRequestIds() throws Exception {
        byte[] log = java.nio.file.Files.readAllBytes(java.nio.file.Path.of("src", "test", "resources", "api-evidence",
                "fixtures", "python-debug-old.log"));
        Ticket withLog = fixtures.submitHar(TicketFixtures.answers(Product.OPENAI_API, "SDK log " + marker, null),
                "openai-debug.log", log);
        Document page = page(withLog.getReference());

        assertThat(page.select(".attachment .kind").text()).isEqualTo("SDK log or transcript");
        assertThat(page.select(".attachment").text()).contains("35 lines, 1 failing call");
        assertThat(page.text()).contains("openai-debug.log line 1", "req_0a1b2c3d4e5f60718293a4b5c6d7e8f9",
                "req_2c3d4e5f60718293a4b5c6d7e8f90a1b").doesNotContain("PROMPT-SECRET-RECIPE", "sk-proj-FAKE");
    }

    @Test
    void aHarReadOnlyInPartSaysWhereItBrokeOff() throws Exception {
        Ticket broken = fixtures.submit(TicketFixtures.answers(Product.CHATGPT_WEB, "Broken " + marker, null),
                "user-austeane-qdrill-hand-edited-invalid.har");
        assertThat(page(broken.getReference()).select(".attachment .partial").text())
                .contains("line 756, column 10").doesNotContain("null");
    }

    @Test
    void aNoteNeedsTextIsKeptOnTheStaffPageAndNeverReachesTheReporterOrAnExport() throws Exception {
        MadeTickets.Made m = madeWithSecrets();
        String ref = m.reference();
        String secretNote = "Internal: the reporter's company blocks us " + marker;

        mvc.perform(as(post("/desk/tickets/" + ref + "/notes")).param("body", secretNote))
                .andExpect(status().isForbidden());
        mvc.perform(as(post("/desk/tickets/" + ref + "/notes")).with(csrf()).param("body", "   "))
                .andExpect(redirectedUrl("/desk/tickets/" + ref + "#notes"))
                .andExpect(flash().attribute("errorKey", "ticket.note.invalid"));
        String tooLong = "x".repeat(10_001);
        mvc.perform(as(post("/desk/tickets/" + ref + "/notes")).with(csrf()).param("body", tooLong))
                .andExpect(flash().attribute("errorKey", "ticket.note.invalid"))
                .andExpect(flash().attribute("draftNote", tooLong));
        assertThat(desk.notes(ref)).isEmpty();

        mvc.perform(as(post("/desk/tickets/" + ref + "/notes")).with(csrf()).param("body", secretNote))
                .andExpect(redirectedUrl("/desk/tickets/" + ref + "#notes"))
                .andExpect(flash().attribute("messageKey", "ticket.note.added"));
        Document page = page(ref);
        assertThat(page.select("#notes .note-body").text()).isEqualTo(secretNote);
        assertThat(page.select("#notes .note-meta").text()).contains("Agent " + marker);

        // the reporter's own page
        String reporter = mvc.perform(get("/r/" + m.token())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(reporter).contains(ref).doesNotContain("blocks us").doesNotContain("Internal notes");

        // every export, from the page
        Map<String, String> exports = new LinkedHashMap<>();
        for (String format : List.of("markdown", "text", "json")) {
            exports.put(format, mvc.perform(as(get("/desk/tickets/" + ref + "/export/" + format)))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        }
        byte[] zip = mvc.perform(as(get("/desk/tickets/" + ref + "/export/zip"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        exports.putAll(zipMembers(zip));
        byte[] pdf = mvc.perform(as(get("/desk/tickets/" + ref + "/export/pdf"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        exports.put("pdf", pdfText(pdf));
        assertThat(exports).hasSizeGreaterThan(8);
        exports.forEach((name, content) -> assertThat(content).as(name).doesNotContain(secretNote)
                .doesNotContain("blocks us"));
        assertThat(exports.get("pdf")).contains(ref, "req_" + marker).doesNotContain("Internal notes", "Audit trail");
    }

    @Test
    void attachmentsDownloadAsTheirSanitizedCopyAndScreenshotsShowInline() throws Exception {
        MadeTickets.Made m = madeWithSecrets();
        String ref = m.reference();
        List<Evidence> evidence = desk.read(ref).orElseThrow().evidence();
        Evidence har = evidence.stream().filter(e -> e.getKind() == EvidenceKind.HAR && e.isAnalyzed()).findFirst().orElseThrow();
        Evidence console = evidence.stream().filter(e -> e.getKind() == EvidenceKind.CONSOLE && e.isAnalyzed()).findFirst().orElseThrow();
        Evidence screenshot = evidence.stream().filter(e -> e.getKind() == EvidenceKind.SCREENSHOT && e.isAnalyzed()).findFirst().orElseThrow();

        MvcResult download = mvc.perform(as(get("/desk/tickets/" + ref + "/attachments/" + har.getId())))
                .andExpect(status().isOk())
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andReturn();
        assertThat(download.getResponse().getContentType()).startsWith("application/json");
        assertThat(download.getResponse().getHeader(HttpHeaders.CONTENT_DISPOSITION))
                .startsWith("attachment").contains(ref + "-").endsWith(".har\"");
        String sanitized = download.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(sanitized).contains("req_" + marker, "[REDACTED:")
                .doesNotContain(Secrets.openAiKey(7), Secrets.sessionToken(7));

        assertThat(mvc.perform(as(get("/desk/tickets/" + ref + "/attachments/" + console.getId())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentType()).startsWith("text/plain");

        // the page shows the screenshot itself, served as an image of its own type that may not be sniffed
        Document page = page(ref);
        String src = page.select("#attachments .screenshot img").attr("src");
        assertThat(src).isEqualTo("/desk/tickets/" + ref + "/attachments/" + screenshot.getId() + "?inline=");
        MvcResult image = mvc.perform(as(get(src))).andExpect(status().isOk())
                .andExpect(header().string("X-Content-Type-Options", "nosniff")).andReturn();
        assertThat(image.getResponse().getContentType()).isEqualTo("image/png");
        assertThat(image.getResponse().getHeader(HttpHeaders.CONTENT_DISPOSITION)).startsWith("inline");
        assertThat(image.getResponse().getContentAsByteArray()).startsWith(0x89, 'P', 'N', 'G');

        // an attachment of another ticket is not reachable through this one, nor an unknown one
        Evidence elsewhere = desk.read(ticket.getReference()).orElseThrow().evidence().get(0);
        mvc.perform(as(get("/desk/tickets/" + ref + "/attachments/" + elsewhere.getId()))).andExpect(status().isNotFound());
        mvc.perform(as(get("/desk/tickets/" + ref + "/attachments/999999999"))).andExpect(status().isNotFound());

        // a download is audited with the file it was; showing the screenshot in the page is not a download
        assertThat(audit.trail(m.ticket().getId()).stream().filter(e -> e.getAction() == AuditAction.DOWNLOADED)
                .map(AuditEvent::getDetail)).containsExactlyInAnyOrder("HAR capture.har", "Console log console.log");
    }

    @Test
    void eachExportDownloadsUnderTheReferenceAndLandsInTheAuditTrail() throws Exception {
        String ref = ticket.getReference();
        Map<String, String> names = Map.of("markdown", ref + ".md", "text", ref + ".txt", "json", ref + ".json",
                "zip", ref + "-evidence.zip", "pdf", ref + ".pdf");
        for (var e : names.entrySet()) {
            MvcResult r = mvc.perform(as(get("/desk/tickets/" + ref + "/export/" + e.getKey())))
                    .andExpect(status().isOk()).andReturn();
            assertThat(r.getResponse().getHeader(HttpHeaders.CONTENT_DISPOSITION))
                    .isEqualTo("attachment; filename=\"" + e.getValue() + "\"");
        }
        mvc.perform(as(get("/desk/tickets/" + ref + "/export/docx"))).andExpect(status().isNotFound());
        assertThat(page(ref).select("#trail tbody tr").eachText()).filteredOn(r -> r.contains("exported"))
                .hasSize(5)
                .anyMatch(r -> r.contains("ticket PDF")).anyMatch(r -> r.contains("evidence bundle (ZIP)"))
                .allMatch(r -> r.contains(agent.getUsername()));
    }

    static Map<String, String> zipMembers(byte[] zip) throws IOException {
        Map<String, String> members = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                members.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return members;
    }

    static String pdfText(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }
}
