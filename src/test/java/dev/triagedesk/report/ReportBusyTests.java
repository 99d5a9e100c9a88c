package dev.triagedesk.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import dev.triagedesk.support.TicketFixtures;
import dev.triagedesk.support.TriageDeskTest;
import dev.triagedesk.ticket.Product;
import dev.triagedesk.ticket.TicketService;
import dev.triagedesk.ticket.TicketRepository;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * A report that keeps losing a lock to other transactions (here the incident slots, which every report with a
 * fingerprint takes at its end, held on a connection of the test's own past every attempt and the lock timeout) is
 * answered 503 "Busy" with Retry-After, like a report that found no free database connection: nothing of it is
 * stored, so sending it again is safe. It was a 500 with "an error on our side". The form's last step says so and
 * keeps the draft, which was an error page.
 */
@TriageDeskTest
class ReportBusyTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    DataSource dataSource;
    @Autowired
    TicketRepository tickets;

    @Autowired
    TicketService ticketService;
    @Autowired
    ReportService reports;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AnalysisTurns turns;

    /** Runs {@code request} while every incident slot is held locked by another transaction. */
    private <T> T withSlotsLocked(Request<T> request) throws Exception {
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement("SELECT slot FROM incident_slot FOR UPDATE")) {
                lock.executeQuery().close();
            }
            try {
                return request.run();
            } finally {
                holder.rollback();
            }
        }
    }

    interface Request<T> {
        T run() throws Exception;
    }

    @Test
    void theFormsLastStepSaysBusyAndKeepsTheDraft() throws Exception {
        TicketService.Draft draft = ticketService.startDraft();
        ticketService.answer(draft.ticket().getId(), TicketFixtures.answers(Product.CHATGPT_WEB,
                "Bad gateway from the conversation endpoint " + UUID.randomUUID(), null));
        ticketService.update(draft.ticket().getId(), t -> {
            t.setSeenStatus(502);
            t.reachStep(5);
        });
        String token = draft.token();

        MvcResult sent = withSlotsLocked(() -> mvc.perform(post("/report/" + token + "/review").with(csrf())
                .param("nav", "submit")).andReturn());

        assertThat(sent.getResponse().getRedirectedUrl()).isEqualTo("/report/" + token + "/review");
        assertThat(sent.getFlashMap().get("warningKey")).isEqualTo("flash.busy");
        assertThat(ticketService.byToken(token).orElseThrow().isDraft()).isTrue();
        // and once the locks are free, the same button sends it
        mvc.perform(post("/report/" + token + "/review").with(csrf()).param("nav", "submit"))
                .andExpect(redirectedUrl("/r/" + token));
        assertThat(ticketService.byToken(token).orElseThrow().isDraft()).isFalse();
    }

    @Test
    void aReportThatKeepsLosingItsLocksIsBusyAndStoresNothing() throws Exception {
        String description = "busy " + UUID.randomUUID();
        MockMultipartFile report = new MockMultipartFile("report", "", MediaType.APPLICATION_JSON_VALUE,
                ("{\"product\": \"chatgpt_web\", \"seenStatus\": 502, \"seenMessage\": \"Bad gateway from the"
                        + " conversation endpoint " + description + "\", \"description\": \"" + description + "\"}")
                        .getBytes(StandardCharsets.UTF_8));
        MockHttpServletResponse answer = withSlotsLocked(() -> mvc.perform(multipart("/api/reports").file(report))
                .andReturn().getResponse());

        assertThat(answer.getStatus()).isEqualTo(503);
        assertThat(answer.getHeader(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
        assertThat(answer.getContentType()).startsWith("application/problem+json");
        assertThat(answer.getContentAsString(StandardCharsets.UTF_8)).contains("\"title\":\"Busy\"",
                "stored nothing").doesNotContain("Exception", "at dev.", "our side");
        assertThat(tickets.findAll()).noneMatch(t -> description.equals(t.getDescription()));
    }

    /**
     * Evidence added on the reporter's page while the ticket's incident stays locked elsewhere: the verdict cannot be
     * concluded again, so the file is not kept either (they were committed one after the other, and the file stayed
     * under a summary that did not know it). The page comes back saying the service was busy, without the file; once
     * the lock is gone, the same file is taken and the summary names it.
     */
    @Test
    void evidenceAddedWhileBusyGoesBackToTheReportersPageWhichSaysSo() throws Exception {
        TicketService.Draft draft = ticketService.startDraft();
        long id = draft.ticket().getId();
        ticketService.answer(id, TicketFixtures.answers(Product.CHATGPT_WEB, "Bad gateway " + UUID.randomUUID(), null));
        ticketService.update(id, t -> t.setSeenStatus(502));
        reports.submit(id, draft.token());
        long incident = jdbc.queryForObject("SELECT incident_id FROM incident_ticket WHERE ticket_id = ?", Long.class, id);
        String name = "busy-" + UUID.randomUUID().toString().substring(0, 8) + ".log";
        MockMultipartFile console = new MockMultipartFile("console", name, "text/plain",
                "12:00:01.100 POST https://chatgpt.com/backend-api/conversation 502 (Bad Gateway)\n"
                        .getBytes(StandardCharsets.UTF_8));

        MvcResult sent;
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement("SELECT id FROM incident WHERE id = ? FOR UPDATE")) {
                lock.setLong(1, incident);
                lock.executeQuery().close();
            }
            sent = mvc.perform(multipart("/r/" + draft.token() + "/evidence").file(console).with(csrf())).andReturn();
            holder.rollback();
        }

        assertThat(sent.getResponse().getStatus()).isEqualTo(302);
        assertThat(sent.getResponse().getRedirectedUrl()).isEqualTo("/r/" + draft.token());
        assertThat(sent.getFlashMap().get("warningKey")).isEqualTo("flash.busyPart");
        String page = mvc.perform(get("/r/" + draft.token()).flashAttrs(sent.getFlashMap())).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("The service was busy and did not take everything you sent").doesNotContain(name);
        assertThat(ticketService.details(id).evidence()).noneMatch(e -> name.equals(e.getFileName()));

        sent = mvc.perform(multipart("/r/" + draft.token() + "/evidence").file(console).with(csrf())).andReturn();
        assertThat(sent.getFlashMap().get("warningKey")).isNull();
        assertThat(ticketService.details(id).evidence()).anyMatch(e -> name.equals(e.getFileName()));
        assertThat(ticketService.details(id).ticket().getSummaryMarkdown()).contains(name);
    }

    /**
     * While every turn to read uploads is taken (a flood of large files being read), a report with a file waits its
     * turn instead of taking one more database connection, and is made once a turn is free; a report without files
     * reads nothing and goes ahead.
     */
    @Test
    void aReportWithAFileWaitsItsTurnWhileEveryTurnIsTakenAndOneWithoutFilesGoesAhead() throws Exception {
        String waiting = "turn " + UUID.randomUUID();
        String ahead = "no file " + UUID.randomUUID();
        ExecutorService sender = Executors.newSingleThreadExecutor();
        turns.takeAll();
        Future<MockHttpServletResponse> sent;
        try {
            sent = sender.submit(() -> mvc.perform(multipart("/api/reports").file(reportPart(waiting))
                    .file(new MockMultipartFile("console", "console.log", "text/plain",
                            "12:00:01.100 POST https://chatgpt.com/backend-api/conversation 502 (Bad Gateway)\n"
                                    .getBytes(StandardCharsets.UTF_8)))).andReturn().getResponse());
            MockHttpServletResponse withoutFiles = mvc.perform(multipart("/api/reports").file(reportPart(ahead)))
                    .andReturn().getResponse();
            assertThat(withoutFiles.getStatus()).isEqualTo(201);
            Thread.sleep(1000);
            assertThat(sent).isNotDone();
            assertThat(tickets.findAll()).noneMatch(t -> waiting.equals(t.getDescription()));
        } finally {
            turns.giveBack();
        }
        MockHttpServletResponse answer = sent.get(60, TimeUnit.SECONDS);
        sender.shutdown();
        assertThat(answer.getStatus()).isEqualTo(201);
        assertThat(tickets.findAll()).anyMatch(t -> waiting.equals(t.getDescription()));
    }

    /** A step that found no turn in time ran nothing and is answered as when no connection was free: busy. */
    @Test
    void anUploadThatFindsNoTurnInTimeRunsNothingAndIsBusy() {
        AtomicBoolean ran = new AtomicBoolean();
        turns.takeAll();
        try {
            assertThatThrownBy(() -> turns.inTurn(() -> ran.getAndSet(true), Duration.ofMillis(200)))
                    .isInstanceOf(CannotCreateTransactionException.class).hasMessageContaining("turns to read an upload");
        } finally {
            turns.giveBack();
        }
        assertThat(ran).isFalse();
        assertThat(turns.inTurn(() -> ran.getAndSet(true), Duration.ZERO)).isFalse();
        assertThat(ran).isTrue();
    }

    private static MockMultipartFile reportPart(String description) {
        return new MockMultipartFile("report", "", MediaType.APPLICATION_JSON_VALUE, ("{\"product\": \"chatgpt_web\","
                + " \"description\": \"" + description + "\"}").getBytes(StandardCharsets.UTF_8));
    }
}
