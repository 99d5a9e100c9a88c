package dev.triagedesk.erasure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.triagedesk.audit.AuditAction;
import dev.triagedesk.conversation.ConversationService;
import dev.triagedesk.evidence.HarBuilder;
import dev.triagedesk.report.ReportService;
import dev.triagedesk.staff.Role;
import dev.triagedesk.staff.StaffService;
import dev.triagedesk.storage.EvidenceStorage;
import dev.triagedesk.support.TicketFixtures;
import dev.triagedesk.ticket.EvidenceKind;
import dev.triagedesk.ticket.Product;
import dev.triagedesk.ticket.Ticket;
import dev.triagedesk.ticket.TicketRows;
import dev.triagedesk.ticket.TicketService;
import dev.triagedesk.ticket.Upload;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * What an erasure must do, run against whichever database the test's application uses (H2 in {@link ErasureTests},
 * PostgreSQL in the persistence tests): through the staff API as a script would, then looking at the rows, the
 * files, the search and the audit trail.
 */
public final class ErasureScenario {

    private static final String PASSWORD = "correct horse battery staple";

    private final MockMvc mvc;
    private final StaffService staff;
    private final TicketService tickets;
    private final ReportService reports;
    private final ConversationService conversation;
    private final JdbcTemplate jdbc;
    private final EvidenceStorage storage;
    private final String marker = "er" + UUID.randomUUID().toString().substring(0, 8);
    private final String admin;
    private final String agent;

    public ErasureScenario(MockMvc mvc, StaffService staff, TicketService tickets, ReportService reports,
                           ConversationService conversation, JdbcTemplate jdbc, EvidenceStorage storage) {
        this.mvc = mvc;
        this.staff = staff;
        this.tickets = tickets;
        this.reports = reports;
        this.conversation = conversation;
        this.jdbc = jdbc;
        this.storage = storage;
        this.admin = staff.create("admin-" + marker, null, PASSWORD, Role.ADMIN).getUsername();
        this.agent = staff.create("agent-" + marker, null, PASSWORD, Role.AGENT).getUsername();
    }

    /** A submitted ticket with two HARs, each failing on a host and with a request ID of its own. */
    record TwoHars(Ticket ticket, String token) {
    }

    TwoHars ticketWithTwoHars() {
        TicketService.Draft draft = tickets.startDraft();
        long id = draft.ticket().getId();
        tickets.answer(id, TicketFixtures.answers(Product.CHATGPT_WEB, "Saving fails " + marker,
                marker + "@example.com"));
        upload(id, "first-" + marker + ".har", har("first", 500));
        upload(id, "pat-private-" + marker + ".har", har("second", 503));
        reports.submit(id, draft.token());
        return new TwoHars(tickets.details(id).ticket(), draft.token());
    }

    public void oneAttachmentGoesAndTheTicketIsConcludedAgain() throws Exception {
        TwoHars made = ticketWithTwoHars();
        Ticket t = made.ticket();
        String ref = t.getReference();
        List<String> secondFiles = locations(t.getId(), "pat-private-" + marker + ".har");
        List<String> firstFiles = locations(t.getId(), "first-" + marker + ".har");
        assertThat(secondFiles).isNotEmpty().allMatch(storage::exists);
        assertThat(search(requestId("second"))).containsExactly(ref);
        assertThat(search(host("second"))).containsExactly(ref);
        assertThat(summary(t.getId())).contains(host("second"));

        mvc.perform(as(agent, delete("/api/tickets/" + ref + "/attachments/2"))).andExpect(status().isForbidden());
        assertThat(secondFiles).allMatch(storage::exists);

        mvc.perform(as(admin, delete("/api/tickets/" + ref.toLowerCase() + "/attachments/2")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.erased").value("attachment 2 (HAR) of " + ref + " erased"));

        assertThat(count("SELECT COUNT(*) FROM evidence WHERE ticket_id = ?", t.getId())).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM failing_request WHERE ticket_id = ? AND url LIKE ?", t.getId(),
                "%" + host("second") + "%")).isZero();
        assertThat(count("SELECT COUNT(*) FROM request_identifier WHERE ticket_id = ? AND id_value = ?",
                t.getId(), requestId("second"))).isZero();
        assertThat(secondFiles).noneMatch(storage::exists);
        assertThat(firstFiles).allMatch(storage::exists);
        assertThat(search(requestId("second"))).isEmpty();
        assertThat(search(host("second"))).isEmpty();
        assertThat(search(requestId("first"))).containsExactly(ref);
        assertThat(summary(t.getId())).doesNotContain(host("second")).contains(host("first"));

        assertThat(jdbc.queryForList("SELECT detail FROM audit_event WHERE ticket_id = ? AND action = ? AND actor = ?",
                String.class, t.getId(), AuditAction.ERASED.name(), admin))
                .containsExactly("attachment 2 (HAR) of " + ref + " erased");
        assertThat(jdbc.queryForList("SELECT detail FROM audit_event WHERE ticket_id = ? AND detail IS NOT NULL",
                String.class, t.getId())).noneMatch(d -> d.contains("pat-private"));

        mvc.perform(as(admin, delete("/api/tickets/" + ref + "/attachments/2")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(as(admin, delete("/api/tickets/" + ref + "/attachments/two"))).andExpect(status().isBadRequest());
    }

    public void aWholeTicketGoesLeavingOneAuditLine() throws Exception {
        TwoHars made = ticketWithTwoHars();
        Ticket t = made.ticket();
        String ref = t.getReference();
        conversation.reply(ref, "Could you send the request ID " + marker + "?", agent);
        conversation.answer(t.getId(), "Here it is, " + marker);
        List<String> files = locations(t.getId(), null);
        assertThat(files).isNotEmpty().allMatch(storage::exists);
        mvc.perform(get("/r/" + made.token())).andExpect(status().isOk());
        assertThat(search(requestId("first"))).containsExactly(ref);

        mvc.perform(as(agent, delete("/api/tickets/" + ref))).andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(count("SELECT COUNT(*) FROM ticket WHERE id = ?", t.getId())).isEqualTo(1);

        mvc.perform(as(admin, delete("/api/tickets/" + ref)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.erased").value("ticket " + ref + " erased"));

        assertThat(count("SELECT COUNT(*) FROM ticket WHERE id = ?", t.getId())).isZero();
        for (String table : TicketRows.OWNED_BY_TICKET) {
            assertThat(count("SELECT COUNT(*) FROM " + table + " WHERE ticket_id = ?", t.getId())).as(table).isZero();
        }
        assertThat(files).noneMatch(storage::exists);
        assertThat(search(requestId("first"))).isEmpty();
        assertThat(search(marker)).isEmpty();
        assertThat(jdbc.queryForList("SELECT actor FROM audit_event WHERE ticket_id IS NULL AND action = ?"
                + " AND detail = ?", String.class, AuditAction.ERASED.name(), "ticket " + ref + " erased"))
                .containsExactly(admin);
        assertThat(count("SELECT COUNT(*) FROM audit_event WHERE detail LIKE ?", "%" + marker + "%")).isZero();
        assertThat(count("SELECT COUNT(*) FROM outbox_message WHERE body_text LIKE ? OR recipient LIKE ?",
                "%" + marker + "%", "%" + marker + "%")).isZero();

        // the reporter's private link: a clear "not found", not an error
        mvc.perform(get("/r/" + made.token())).andExpect(status().isNotFound())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("There is no report with this link")));
        mvc.perform(get("/report/" + made.token() + "/status")).andExpect(status().isNotFound());
        mvc.perform(as(admin, delete("/api/tickets/" + ref))).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("There is no submitted ticket " + ref + "."));
    }

    private void upload(long ticketId, String name, byte[] har) {
        try {
            Path copy = Files.createTempFile("erasure", ".har");
            Files.write(copy, har);
            reports.addUpload(ticketId, new Upload(copy, name, har.length, EvidenceKind.HAR));
            Files.deleteIfExists(copy);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] har(String which, int status) {
        return new HarBuilder().entry("POST", "https://" + host(which) + "/api/save", status)
                .responseHeader("x-request-id", requestId(which))
                .body("application/json", "{\"error\":{\"message\":\"failed\"}}").add()
                .json().getBytes(StandardCharsets.UTF_8);
    }

    private String host(String which) {
        return which + marker + ".example.net";
    }

    private String requestId(String which) {
        return "req_" + which + marker;
    }

    /** The references the staff API's queue search finds. */
    private List<String> search(String q) throws Exception {
        String json = mvc.perform(as(admin, get("/api/tickets").param("q", q))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        return com.jayway.jsonpath.JsonPath.read(json, "$.items[*].reference");
    }

    private String summary(long ticketId) {
        return jdbc.queryForObject("SELECT summary_text FROM ticket WHERE id = ?", String.class, ticketId);
    }

    /** Stored copies of a ticket's attachments (all when {@code fileName} is null). */
    private List<String> locations(long ticketId, String fileName) {
        return jdbc.query("SELECT stored_location, analysis_location, file_name FROM evidence WHERE ticket_id = ?",
                (rs, n) -> fileName == null || fileName.equals(rs.getString(3))
                        ? java.util.stream.Stream.of(rs.getString(1), rs.getString(2)) : java.util.stream.Stream
                        .<String>empty(), ticketId).stream().flatMap(s -> s).filter(l -> l != null).distinct().toList();
    }

    private long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }

    private static MockHttpServletRequestBuilder as(String user, MockHttpServletRequestBuilder request) {
        return request.header(HttpHeaders.AUTHORIZATION, "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }
}
