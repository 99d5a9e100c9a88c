package dev.triagedesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.triagedesk.audit.AuditAction;
import dev.triagedesk.audit.AuditEvent;
import dev.triagedesk.audit.AuditLog;
import dev.triagedesk.desk.DeskService;
import dev.triagedesk.evidence.Corpus;
import dev.triagedesk.report.ReportService;
import dev.triagedesk.storage.LocalEvidenceStorage;
import dev.triagedesk.support.InterposingClock;
import dev.triagedesk.support.TicketFixtures;
import dev.triagedesk.support.TriageDeskTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.convention.TestBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A reporter adding evidence while an agent works the ticket. The race is staged, not timed: the application's
 * clock is asked for the time of a change once that change has read the ticket, and at that moment
 * {@link #meanwhile} commits the other side's change in a transaction of its own. Evidence is the reporter's and
 * the workflow the staff's: neither may make the other fail, and neither may undo the other. A database and data
 * folder of its own (no other application's files in a ticket's folder), shared with
 * {@link dev.triagedesk.desk.ConcurrentEditTests}, which stages its races with the same clock.
 */
@TriageDeskTest
@TestPropertySource(properties = {"spring.datasource.url=jdbc:h2:mem:reporter-race;DB_CLOSE_DELAY=-1",
        "triage.data-dir=target/test-data/reporter-race"})
class ReporterEvidenceRaceTests {

    static final String HAR = "user-masteralan360-asaas-chrome143-404-body.har";

    @TestBean(methodName = InterposingClock.FACTORY)
    Clock clock;

    @Autowired
    MockMvc mvc;
    @Autowired
    TicketFixtures fixtures;
    @Autowired
    TicketService tickets;
    @Autowired
    ReportService reports;
    @Autowired
    DeskService desk;
    @Autowired
    LocalEvidenceStorage storage;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    AuditLog audit;

    String token;
    Ticket ticket;

    @BeforeEach
    void submittedReport() {
        String marker = "race" + UUID.randomUUID().toString().substring(0, 8);
        TicketService.Draft draft = tickets.startDraft();
        tickets.answer(draft.ticket().getId(), TicketFixtures.answers(Product.CHATGPT_WEB, "Race " + marker, null));
        token = draft.token();
        ticket = reports.submit(draft.ticket().getId()).details().ticket();
    }

    @AfterEach
    void disarm() {
        ((InterposingClock) clock).arm(0, null);
        ((InterposingClock) clock).onRollback(null);
    }

    /** The next change that reads the ticket finds that {@code other} committed just after it read it. */
    private void meanwhile(Runnable other) {
        TransactionTemplate own = new TransactionTemplate(transactions);
        own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        ((InterposingClock) clock).arm(1, () -> own.executeWithoutResult(s -> other.run()));
    }

    private Ticket now() {
        return tickets.byReference(ticket.getReference()).orElseThrow();
    }

    private static MockMultipartFile har() throws IOException {
        return new MockMultipartFile("har", "capture.har", "application/json", Files.readAllBytes(Corpus.har(HAR)));
    }

    @Test
    void anAgentsChangeCommittedWhileTheReportersUploadIsAnalyzedFailsNeitherOfThem() throws Exception {
        String ref = ticket.getReference();
        long versionBefore = ticket.getVersion();
        meanwhile(() -> desk.changeStatus(ref, TicketStatus.TRIAGING, "dana"));
        mvc.perform(multipart("/api/reports/" + token + "/evidence").file(har()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.evidence[0].status").value("analyzed"));
        Ticket t = now();
        assertThat(t.getStatus()).isEqualTo(TicketStatus.TRIAGING);
        assertThat(t.getVersion()).as("only the agent's change counts as a workflow change").isEqualTo(versionBefore + 1);
        assertThat(t.getSummaryText()).contains("9ba36dc0cdf1f756-ISU");
        assertThat(tickets.details(t.getId()).evidence()).extracting(Evidence::getFileName).containsExactly("capture.har");
        assertNoOrphanedFiles();
    }

    @Test
    void theReporterPageTakesEvidenceWhileAnAgentChangesTheStatus() throws Exception {
        String ref = ticket.getReference();
        meanwhile(() -> desk.changeStatus(ref, TicketStatus.WAITING_ON_REPORTER, "dana"));
        mvc.perform(multipart("/r/" + token + "/evidence").file(har()).with(csrf())
                        .param("consoleText", "12:00:00.100 POST https://chatgpt.com/backend-api/conversation 500 (Internal Server Error)\n"))
                .andExpect(redirectedUrlPattern("/r/" + token + "#attachment-*"));
        Ticket t = now();
        assertThat(t.getStatus()).isEqualTo(TicketStatus.WAITING_ON_REPORTER);
        assertThat(tickets.details(t.getId()).evidence()).extracting(Evidence::getFileName)
                .containsExactly("capture.har", "pasted console log");
        assertNoOrphanedFiles();
    }

    @Test
    void anAgentsChangeBasedOnTheTicketBeforeTheReporterAddedEvidenceStandsAndKeepsTheNewSummary() throws Exception {
        String ref = ticket.getReference();
        Path copy = Files.createTempFile("race", ".har");
        Files.copy(Corpus.har(HAR), copy, StandardCopyOption.REPLACE_EXISTING);
        String url = "https://chatgpt.com/c/6915a9bc-afa8-8327-9a1b-0123456789ab";
        try {
            // the agent's change has read the ticket when the reporter's upload and conversation URL commit
            meanwhile(() -> {
                reports.addUpload(ticket.getId(), new Upload(copy, "capture.har", sizeOf(copy), EvidenceKind.HAR));
                reports.setConversationUrl(ticket.getId(), url);
            });
            desk.changeStatus(ref, TicketStatus.ESCALATED, "dana");
        } finally {
            Files.deleteIfExists(copy);
        }
        Ticket t = now();
        assertThat(t.getStatus()).isEqualTo(TicketStatus.ESCALATED);
        assertThat(t.getConversationUrl()).as("not written back by the agent's change").isEqualTo(url);
        assertThat(t.getSummaryText()).as("the summary written with the new evidence is kept")
                .contains("9ba36dc0cdf1f756-ISU", url);
        assertThat(t.getVerdictPath()).isNotNull();
    }

    @Test
    void aConversationUrlSentWhileAnUploadIsAnalyzedIsKeptAndBothAreInTheSummary() throws Exception {
        String url = "https://chatgpt.com/c/11111111-2222-4333-8444-555555555555";
        meanwhile(() -> reports.setConversationUrl(ticket.getId(), url));
        mvc.perform(multipart("/api/reports/" + token + "/evidence").file(har())).andExpect(status().isOk());
        Ticket t = now();
        assertThat(t.getConversationUrl()).isEqualTo(url);
        assertThat(t.getSummaryText()).contains("9ba36dc0cdf1f756-ISU", url);
    }

    @Test
    void anUploadThatWaitedTooLongForTheTicketIsTakenOnceMoreAndLeavesNoFileBehind() throws Exception {
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch released = new CountDownLatch(1);
        // another summary is being written: it holds the ticket's row until the upload's first attempt gave up
        ((InterposingClock) clock).onRollback(released::countDown);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            Future<?> conclusion = other.submit(() -> new TransactionTemplate(transactions).executeWithoutResult(s -> {
                tickets.lockForConclusion(ticket.getId());
                locked.countDown();
                awaitOrFail(released);
            }));
            assertThat(locked.await(30, TimeUnit.SECONDS)).isTrue();
            mvc.perform(multipart("/api/reports/" + token + "/evidence").file(har()))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.evidence.length()").value(1))
                    .andExpect(jsonPath("$.evidence[0].status").value("analyzed"));
            conclusion.get(30, TimeUnit.SECONDS);
        } finally {
            other.shutdownNow();
        }
        assertThat(released.getCount()).as("the first attempt met the lock and rolled back").isZero();
        assertThat(audit.trail(ticket.getId())).as("the attempt rolled back left no line")
                .filteredOn(e -> e.getAction() == AuditAction.EVIDENCE_ADDED).extracting(AuditEvent::getDetail)
                .containsExactly("capture.har");
        assertThat(tickets.details(ticket.getId()).evidence()).extracting(Evidence::getFileName)
                .containsExactly("capture.har");
        assertThat(now().getSummaryText()).contains("9ba36dc0cdf1f756-ISU");
        assertNoOrphanedFiles();
    }

    private static void awaitOrFail(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the reporter's upload never rolled back");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static long sizeOf(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every file in this ticket's evidence folder is a sanitized copy or an analysis its evidence rows name. */
    private void assertNoOrphanedFiles() throws IOException {
        List<Path> named = new ArrayList<>();
        for (Evidence e : tickets.details(ticket.getId()).evidence()) {
            if (e.getStoredLocation() != null) {
                named.add(storage.resolve(e.getStoredLocation()));
            }
            if (e.getAnalysisLocation() != null) {
                named.add(storage.resolve(e.getAnalysisLocation()));
            }
        }
        Path folder = storage.resolve(ticket.getId() + "/x").getParent();
        List<Path> present = new ArrayList<>();
        if (Files.isDirectory(folder)) {
            try (Stream<Path> files = Files.list(folder)) {
                files.forEach(present::add);
            }
        }
        assertThat(present).containsExactlyInAnyOrderElementsOf(named);
    }
}
