package dev.triagedesk.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.triagedesk.audit.AuditAction;
import dev.triagedesk.audit.AuditEvent;
import dev.triagedesk.audit.AuditLog;
import dev.triagedesk.desk.DeskService;
import dev.triagedesk.evidence.Secrets;
import dev.triagedesk.staff.Role;
import dev.triagedesk.staff.StaffService;
import dev.triagedesk.staff.StaffUser;
import dev.triagedesk.support.TicketFixtures;
import dev.triagedesk.support.TriageDeskTest;
import dev.triagedesk.ticket.Product;
import dev.triagedesk.ticket.RequestIdentifier;
import dev.triagedesk.ticket.RequestIdentifierRepository;
import dev.triagedesk.ticket.Ticket;
import dev.triagedesk.ticket.TicketStatus;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The staff API as a script uses it: HTTP Basic or a personal token, JSON in and out, problem details on errors. */
@TriageDeskTest
class StaffApiTests {

    private static final String PASSWORD = "correct horse battery staple";

    @Autowired
    MockMvc mvc;
    @Autowired
    TicketFixtures fixtures;
    @Autowired
    StaffService staff;
    @Autowired
    AuditLog audit;
    @Autowired
    RequestIdentifierRepository identifiers;
    @Autowired
    DeskService desk;
    @Autowired
    JdbcTemplate jdbc;

    String marker;
    StaffUser agent;
    Ticket ticket;

    @BeforeEach
    void ticketAndAgent() {
        marker = "api" + UUID.randomUUID().toString().substring(0, 8);
        agent = staff.create("agent-" + marker, null, PASSWORD, Role.AGENT);
        ticket = fixtures.submit(TicketFixtures.answers(Product.CHATGPT_WEB, "Saving fails " + marker,
                marker + "@example.com"), "user-masteralan360-asaas-chrome143-404-body.har");
    }

    private MockHttpServletRequestBuilder basic(MockHttpServletRequestBuilder request) {
        return request.header(HttpHeaders.AUTHORIZATION, "Basic " + Base64.getEncoder()
                .encodeToString((agent.getUsername() + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theQueueFindsATicketByARequestIdFromItsHar() throws Exception {
        RequestIdentifier id = identifiers.findByTicketOrderByIdAsc(ticket).stream()
                .filter(i -> i.getEvidence() != null && !i.getName().equals(RequestIdentifier.CONVERSATION))
                .findFirst().orElseThrow();
        mvc.perform(basic(get("/api/tickets").param("q", id.getValue())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.reference == '" + ticket.getReference() + "')].status").value("new"))
                .andExpect(jsonPath("$.items[?(@.reference == '" + ticket.getReference() + "')].analyzedAttachments").value(1));
        mvc.perform(basic(get("/api/tickets").param("q", marker)))
                .andExpect(jsonPath("$.totalItems").value(1))
                .andExpect(jsonPath("$.items[0].reference").value(ticket.getReference()));
        mvc.perform(basic(get("/api/tickets").param("q", marker + "@example.com").param("status", "escalated")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.totalItems").value(0));
    }

    @Test
    void anUnknownFilterValueIsAProblemDetailNamingTheField() throws Exception {
        mvc.perform(basic(get("/api/tickets").param("status", "on-fire")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("status"));
    }

    @Test
    void aTicketIsReadInTheExportSchemaAndTheViewIsAudited() throws Exception {
        mvc.perform(basic(get("/api/tickets/" + ticket.getReference().toLowerCase())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.schema").value("triage-desk/ticket-export/1"))
                .andExpect(jsonPath("$.reference").value(ticket.getReference()));
        assertThat(audit.trail(ticket.getId())).anySatisfy(e -> {
            assertThat(e.getAction()).isEqualTo(AuditAction.VIEWED);
            assertThat(e.getActor()).isEqualTo(agent.getUsername());
        });
        mvc.perform(basic(get("/api/tickets/TD-1999-000001")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.title").value("Not found"));
    }

    @Test
    void statusAndAssigneeChangeThroughPatchAndNotesArePosted() throws Exception {
        mvc.perform(basic(patch("/api/tickets/" + ticket.getReference())).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\": \"escalated\", \"assignee\": \"" + agent.getUsername() + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("escalated"))
                .andExpect(jsonPath("$.assignee").value(agent.getUsername()));
        mvc.perform(basic(patch("/api/tickets/" + ticket.getReference())).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"assignee\": null}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("escalated"))
                .andExpect(jsonPath("$.assignee").doesNotExist());
        mvc.perform(basic(patch("/api/tickets/" + ticket.getReference())).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\": \"done\", \"priority\": 1, \"assignee\": \"nobody-" + marker + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(3));

        mvc.perform(basic(post("/api/tickets/" + ticket.getReference() + "/notes"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"body\": \"Asked the vendor " + marker + "\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.author").value(agent.getUsername()));
        mvc.perform(basic(get("/api/tickets/" + ticket.getReference() + "/notes")))
                .andExpect(jsonPath("$[0].body").value("Asked the vendor " + marker));
        mvc.perform(basic(post("/api/tickets/" + ticket.getReference() + "/notes"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"body\": \"   \"}"))
                .andExpect(status().isBadRequest());

        // each change once, and no view beside it: the answer to a PATCH is not a reading of the ticket
        List<AuditAction> actions = new ArrayList<>(audit.trail(ticket.getId()).stream()
                .filter(e -> e.getActor().equals(agent.getUsername())).map(AuditEvent::getAction).toList());
        assertThat(actions).containsExactlyInAnyOrder(AuditAction.STATUS_CHANGED, AuditAction.ASSIGNED,
                AuditAction.ASSIGNED, AuditAction.NOTE_ADDED);
    }

    @Test
    void callerMistakesAreProblemDetailsThatSayWhatToFixNotInternalErrors() throws Exception {
        String ref = ticket.getReference();
        mvc.perform(basic(patch("/api/tickets/" + ref)).contentType(MediaType.APPLICATION_JSON).content("{\"status\": "))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Invalid request"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("not valid JSON")));
        mvc.perform(basic(post("/api/tickets/" + ref + "/notes")).contentType(MediaType.APPLICATION_JSON).content("[1]"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(basic(get("/api/tickets").param("page", "abc")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("page"))
                .andExpect(jsonPath("$.errors[0].message").value("\"abc\" is not a whole number"));
        mvc.perform(basic(patch("/api/tickets/" + ref)).contentType(MediaType.TEXT_PLAIN).content("status=closed"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().string(HttpHeaders.ACCEPT, org.hamcrest.Matchers.containsString("application/json")));
        // (DELETE is taken: administrators erase a ticket with it)
        mvc.perform(basic(put("/api/tickets/" + ref)))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().string(HttpHeaders.ALLOW, org.hamcrest.Matchers.containsString("PATCH")));
        mvc.perform(basic(get("/api/tickets/" + ref + "/attachments")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(desk.submitted(ref).orElseThrow().getStatus()).isEqualTo(TicketStatus.NEW);
        // the pages keep their own error page for the same mistakes
        mvc.perform(delete("/desk").with(csrf()).with(user(agent.getUsername()).roles("AGENT")))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(result -> assertThat(String.valueOf(result.getResponse().getContentType()))
                        .doesNotContain("problem"));
    }

    @Test
    void eachExportDownloadsAndIsAudited() throws Exception {
        String ref = ticket.getReference();
        mvc.perform(basic(get("/api/tickets/" + ref + "/export/markdown")))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.CONTENT_DISPOSITION, org.hamcrest.Matchers.containsString(ref + ".md")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Reproduced on another network")));
        mvc.perform(basic(get("/api/tickets/" + ref + "/export/text"))).andExpect(status().isOk());
        mvc.perform(basic(get("/api/tickets/" + ref + "/export/json")))
                .andExpect(jsonPath("$.reference").value(ref));
        MvcResult zip = mvc.perform(basic(get("/api/tickets/" + ref + "/export/zip")))
                .andExpect(status().isOk()).andReturn();
        List<String> names = new ArrayList<>();
        try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(zip.getResponse().getContentAsByteArray()))) {
            for (ZipEntry e; (e = z.getNextEntry()) != null; ) {
                names.add(e.getName());
            }
        }
        assertThat(names).contains(ref + "/summary.md", ref + "/ticket.json").anyMatch(n -> n.endsWith(".failing.har"));
        mvc.perform(basic(get("/api/tickets/" + ref + "/export/docx"))).andExpect(status().isBadRequest());
        MvcResult csv = mvc.perform(basic(get("/api/tickets/export/csv").param("q", marker + "@example.com")))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andExpect(header().string(HttpHeaders.CONTENT_DISPOSITION, org.hamcrest.Matchers.containsString("triage-desk-queue.csv")))
                .andReturn();
        assertThat(csv.getResponse().getContentAsString()).startsWith("reference,").contains(ref);
        assertThat(csv.getResponse().getContentLengthLong()).isEqualTo(csv.getResponse().getContentAsByteArray().length);
        assertThat(audit.trail(ticket.getId()).stream().filter(e -> e.getAction() == AuditAction.EXPORTED))
                .hasSize(4);
    }

    @Test
    void aRefusedQueueCsvIsAProblemDetailNotABrokenDownload() throws Exception {
        // a gap in redaction, as the second look must catch it: a stored answer that still holds a token
        jdbc.update("UPDATE ticket SET seen_message = ? WHERE id = ?", "leaked " + Secrets.jwt("api"), ticket.getId());
        MvcResult refused = mvc.perform(basic(get("/api/tickets/export/csv").param("q", marker)))
                .andExpect(status().isInternalServerError())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().doesNotExist(HttpHeaders.CONTENT_DISPOSITION))
                .andExpect(jsonPath("$.title").value("Export refused"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("JWT")))
                .andReturn();
        assertThat(refused.getResponse().getContentAsString()).doesNotContain("eyJ");
    }

    @Test
    void queueFiltersThatCannotBeAppliedAreNamedNotLeftOut() throws Exception {
        for (String path : new String[] {"/api/tickets", "/api/tickets/export/csv"}) {
            mvc.perform(basic(get(path).param("sort", "priority")))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(header().doesNotExist(HttpHeaders.CONTENT_DISPOSITION))
                    .andExpect(jsonPath("$.errors[0].field").value("sort"));
            mvc.perform(basic(get(path).param("from", "2026-03-01").param("to", "2026-02-01")))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("to"));
            mvc.perform(basic(get(path).param("from", "yesterday").param("status", "on-fire")))
                    .andExpect(status().isBadRequest())
                    .andExpect(header().doesNotExist(HttpHeaders.CONTENT_DISPOSITION))
                    .andExpect(jsonPath("$.errors.length()").value(2));
            mvc.perform(basic(get(path).param("q", marker).param("sort", "-updated"))).andExpect(status().isOk());
        }
    }

    @Test
    void aChangeSentWithIfMatchAppliesOnlyToTheTicketAsItWasRead() throws Exception {
        String ref = ticket.getReference();
        String etag = mvc.perform(basic(get("/api/tickets/" + ref))).andExpect(status().isOk())
                .andExpect(header().exists(HttpHeaders.ETAG)).andReturn().getResponse().getHeader(HttpHeaders.ETAG);
        // someone else changes it after it was read
        desk.changeStatus(ref, TicketStatus.ESCALATED, "bob");
        mvc.perform(basic(patch("/api/tickets/" + ref)).header(HttpHeaders.IF_MATCH, etag)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"status\": \"resolved\"}"))
                .andExpect(status().isPreconditionFailed())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Ticket changed"));
        assertThat(desk.submitted(ref).orElseThrow().getStatus()).isEqualTo(TicketStatus.ESCALATED);
        assertThat(audit.trail(ticket.getId())).noneMatch(e -> e.getActor().equals(agent.getUsername())
                && e.getAction().isChange());

        String fresh = mvc.perform(basic(get("/api/tickets/" + ref))).andReturn().getResponse().getHeader(HttpHeaders.ETAG);
        assertThat(fresh).isNotEqualTo(etag);
        String after = mvc.perform(basic(patch("/api/tickets/" + ref)).header(HttpHeaders.IF_MATCH, fresh)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"status\": \"resolved\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("resolved"))
                .andReturn().getResponse().getHeader(HttpHeaders.ETAG);
        assertThat(after).isNotEqualTo(fresh);
        mvc.perform(basic(patch("/api/tickets/" + ref)).header(HttpHeaders.IF_MATCH, "W/" + after)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"status\": \"closed\"}"))
                .andExpect(status().isPreconditionFailed());
        mvc.perform(basic(patch("/api/tickets/" + ref)).header(HttpHeaders.IF_MATCH, "*")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"status\": \"closed\"}"))
                .andExpect(status().isOk());
    }

    @Test
    void theQueueFiltersByAssigneeAsTheApiNamesThemOrMeOrUnassigned() throws Exception {
        Ticket other = fixtures.submit(TicketFixtures.answers(Product.OPENAI_API, "Unassigned " + marker, null));
        desk.assign(ticket.getReference(), agent.getId(), "admin");
        for (String who : new String[] {agent.getUsername(), "me", agent.getId().toString()}) {
            mvc.perform(basic(get("/api/tickets").param("q", marker).param("assignee", who)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.totalItems").value(1))
                    .andExpect(jsonPath("$.items[0].reference").value(ticket.getReference()))
                    .andExpect(jsonPath("$.items[0].assignee").value(agent.getUsername()));
        }
        mvc.perform(basic(get("/api/tickets").param("q", marker).param("assignee", "unassigned")))
                .andExpect(jsonPath("$.totalItems").value(1))
                .andExpect(jsonPath("$.items[0].reference").value(other.getReference()));
        mvc.perform(basic(get("/api/tickets/export/csv").param("q", marker).param("assignee", "nobody-" + marker)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("assignee"));
    }
}
