package dev.triagedesk.desk.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.triagedesk.evidence.SignalType;
import dev.triagedesk.staff.Role;
import dev.triagedesk.staff.StaffService;
import dev.triagedesk.staff.StaffUser;
import dev.triagedesk.support.MadeTickets;
import dev.triagedesk.support.TicketFixtures;
import dev.triagedesk.support.TriageDeskTest;
import dev.triagedesk.ticket.ConsoleFinding;
import dev.triagedesk.ticket.EvidenceKind;
import dev.triagedesk.ticket.FailingRequest;
import dev.triagedesk.ticket.FindingSignal;
import dev.triagedesk.ticket.Product;
import dev.triagedesk.ticket.TicketDetails;
import dev.triagedesk.ticket.TicketService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What the ticket page says about an API developer's attachments: each SDK log, transcript and Batch file says what
 * its reader found in it (as a HAR shows its requests and notes), and a log that mixes an SDK's lines with an app's
 * keeps both readers' findings, stored on upload.
 */
@TriageDeskTest
class ApiAttachmentsPageTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    MadeTickets made;
    @Autowired
    TicketService tickets;
    @Autowired
    StaffService staff;
    @Autowired
    UserDetailsService principals;

    StaffUser agent;
    String marker;

    @BeforeEach
    void agent() {
        marker = "api" + UUID.randomUUID().toString().substring(0, 8);
        agent = staff.create("agent-" + marker, "Agent " + marker, "correct horse battery staple", Role.AGENT);
    }

    private static byte[] resource(String path) throws Exception {
        return Files.readAllBytes(Path.of("src/test/resources", path));
    }

    private Document page(String reference) throws Exception {
        return Jsoup.parse(mvc.perform(get("/desk/tickets/" + reference)
                        .with(user(principals.loadUserByUsername(agent.getUsername()))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private static Element attachment(Document page, String fileName) {
        return page.select("#attachments article.attachment").stream()
                .filter(a -> a.select("h3 .file-name").text().equals(fileName)).findFirst().orElseThrow();
    }

    @Test
    void eachApiAttachmentSaysWhatItsReaderFound() throws Exception {
        MadeTickets.Made t = made.submit(TicketFixtures.answers(Product.OPENAI_API, "Calls fail " + marker, null),
                new MadeTickets.Attachment("openai.log", resource("api-evidence/fixtures/python-debug-old.log"),
                        EvidenceKind.API_LOG),
                new MadeTickets.Attachment("errors.jsonl", resource("batch/error-file-400.jsonl"), EvidenceKind.BATCH),
                MadeTickets.Attachment.console("console.log",
                        "Failed to load resource: the server responded with a status of 429 ()\n"));

        Document page = page(t.reference());

        assertThat(attachment(page, "openai.log").select("li.found").text())
                .startsWith("What was read: openai-python log").contains("failing call", "request ID");
        assertThat(attachment(page, "errors.jsonl").select("li.found").text())
                .startsWith("What was read: A Batch error file of").contains("failed");
        assertThat(attachment(page, "console.log").select("li.found").text()).startsWith("What was read: ");
        // one sentence each: no console part for a pure SDK log
        assertThat(attachment(page, "openai.log").select("li.found")).hasSize(1);
    }

    @Test
    void aLogMixingSdkAndAppLinesKeepsBothReadersFindingsAndSaysSo() throws Exception {
        MadeTickets.Made t = made.submit(TicketFixtures.answers(Product.OPENAI_API, "Calls fail " + marker, null),
                new MadeTickets.Attachment("worker.log", resource("console/generic-mixed-timestamps.log"),
                        EvidenceKind.API_LOG));

        TicketDetails details = tickets.details(t.ticket().getId());
        assertThat(details.evidence()).singleElement().satisfies(e -> {
            assertThat(e.getKind()).isEqualTo(EvidenceKind.API_LOG);
            assertThat(e.isAnalyzed()).isTrue();
        });
        assertThat(details.failures()).extracting(FailingRequest::getEntryIndex, FailingRequest::getStatus)
                .containsExactly(tuple(1, 500), tuple(9, 403));
        assertThat(details.consoleFindings()).extracting(ConsoleFinding::getLineNumber, ConsoleFinding::getNetError)
                .containsExactly(tuple(4, null), tuple(5, "net::ERR_NAME_NOT_RESOLVED"));
        assertThat(details.signals()).extracting(FindingSignal::getType)
                .contains(SignalType.REGION_UNSUPPORTED, SignalType.DNS_FAILURE);

        Document page = page(t.reference());
        Element worker = attachment(page, "worker.log");
        assertThat(worker.select("li.found")).hasSize(2);
        assertThat(worker.select("li.found").get(0).text()).startsWith("What was read: openai-python log");
        assertThat(worker.select("li.found").get(1).text())
                .startsWith("Its lines that are not the client's own").contains("2 errors");
        assertThat(page.text()).contains("net::ERR_NAME_NOT_RESOLVED");
    }
}
