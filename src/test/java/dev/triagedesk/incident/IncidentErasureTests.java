package dev.triagedesk.incident;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triagedesk.erasure.Erasure;
import dev.triagedesk.report.ReportService;
import dev.triagedesk.support.TicketFixtures;
import dev.triagedesk.support.TriageDeskTest;
import dev.triagedesk.ticket.EvidenceKind;
import dev.triagedesk.ticket.Product;
import dev.triagedesk.ticket.Ticket;
import dev.triagedesk.ticket.Upload;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Erasing a ticket or an attachment keeps its incident true: the count and the first and last failure come from
 * what remains, and an incident whose only report is erased is gone (it showed nothing but that report's failure).
 */
@TriageDeskTest
class IncidentErasureTests {

    static final Instant TEN = Instant.parse("2026-05-06T10:00:00Z");

    @Autowired
    TicketFixtures fixtures;
    @Autowired
    ReportService reports;
    @Autowired
    IncidentService incidents;
    @Autowired
    Erasure erasure;

    private Ticket report(String url, Instant at) {
        return fixtures.submitHar(TicketFixtures.answers(Product.CHATGPT_WEB, "It fails", null), "capture.har",
                Captures.har("POST", url, 500, null, at));
    }

    private Incident incidentOf(Ticket t) {
        return incidents.ofTickets(List.of(t.getId())).get(t.getId());
    }

    private Incident reload(String reference) {
        return incidents.find(reference).orElseThrow();
    }

    @Test
    void erasingTicketsRecountsTheirIncidentFromTheTicketsThatRemain() {
        String url = "https://chatgpt.com/backend-api/" + Captures.word();
        Ticket first = report(url, TEN);
        Ticket middle = report(url, TEN.plusSeconds(300));
        Ticket last = report(url, TEN.plusSeconds(600));
        String reference = incidentOf(first).getReference();
        assertThat(reload(reference).getTicketCount()).isEqualTo(3);

        erasure.eraseTicket(last.getReference(), "admin");
        Incident after = reload(reference);
        assertThat(after.getTicketCount()).isEqualTo(2);
        assertThat(after.getLastFailureAt()).isEqualTo(TEN.plusSeconds(300));

        erasure.eraseTicket(first.getReference(), "admin");
        after = reload(reference);
        assertThat(after.getTicketCount()).isEqualTo(1);
        assertThat(after.getFirstFailureAt()).isEqualTo(TEN.plusSeconds(300));
        assertThat(after.getLastFailureAt()).isEqualTo(TEN.plusSeconds(300));
        assertThat(incidents.members(after)).extracting(IncidentTicket::getTicketId).containsExactly(middle.getId());
    }

    @Test
    void anIncidentWhoseOnlyTicketIsErasedIsGoneWithTheIncidentsMergedIntoIt() {
        Ticket only = report("https://chatgpt.com/backend-api/" + Captures.word(), TEN);
        Ticket other = report("https://chatgpt.com/backend-api/" + Captures.word(), TEN);
        String reference = incidentOf(only).getReference();
        String merged = incidentOf(other).getReference();
        incidents.merge(merged, reference, "staff");
        erasure.eraseTicket(other.getReference(), "admin");
        assertThat(reload(reference).getTicketCount()).isEqualTo(1);

        erasure.eraseTicket(only.getReference(), "admin");

        assertThat(incidents.find(reference)).isEmpty();
        assertThat(incidents.find(merged)).isEmpty();
    }

    @Test
    void erasingTheAttachmentThatFailedFirstMovesTheIncidentsFirstFailure() throws Exception {
        String url = "https://chatgpt.com/backend-api/" + Captures.word();
        Ticket later = report(url, TEN.plusSeconds(600));
        Ticket t = report(url, TEN.plusSeconds(300));
        Path copy = Files.createTempFile("earlier", ".har");
        try {
            byte[] earlier = Captures.har("POST", url, 500, null, TEN);
            Files.write(copy, earlier);
            reports.addUpload(t.getId(), new Upload(copy, "earlier.har", earlier.length, EvidenceKind.HAR));
        } finally {
            Files.deleteIfExists(copy);
        }
        String reference = incidentOf(later).getReference();
        assertThat(reload(reference).getFirstFailureAt()).isEqualTo(TEN);

        erasure.eraseAttachment(t.getReference(), 2, "admin");

        Incident after = reload(reference);
        assertThat(after.getTicketCount()).isEqualTo(2);
        assertThat(after.getFirstFailureAt()).isEqualTo(TEN.plusSeconds(300));
    }

    @Test
    void erasingTheOnlyCaptureOfAnIncidentsOnlyTicketRemovesTheIncident() {
        Ticket t = report("https://chatgpt.com/backend-api/" + Captures.word(), TEN);
        String reference = incidentOf(t).getReference();

        erasure.eraseAttachment(t.getReference(), 1, "admin");

        assertThat(incidents.find(reference)).isEmpty();
        Incident now = incidentOf(t);
        assertThat(now == null || !now.getReference().equals(reference)).isTrue();
    }
}
