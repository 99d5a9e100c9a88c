package dev.triagedesk.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.triagedesk.evidence.Corpus;
import dev.triagedesk.storage.LocalEvidenceStorage;
import dev.triagedesk.storage.TemporaryFiles;
import dev.triagedesk.support.TriageDeskTest;
import dev.triagedesk.ticket.EvidenceKind;
import dev.triagedesk.ticket.EvidenceRepository;
import dev.triagedesk.ticket.Product;
import dev.triagedesk.ticket.ReportAnswers;
import dev.triagedesk.ticket.TicketRepository;
import dev.triagedesk.ticket.Upload;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A report made through the API is one unit: when anything fails on the way (here the database refuses a value
 * only when the ticket is written out, after its HAR was analyzed and stored), nothing of it is kept, neither a
 * draft nor evidence rows nor files, where it used to leave a draft holding evidence but no reference.
 */
@TriageDeskTest
class ReportCreationTests {

    @Autowired
    ReportService reports;
    @Autowired
    TicketRepository tickets;
    @Autowired
    EvidenceRepository evidence;
    @Autowired
    LocalEvidenceStorage storage;
    @Autowired
    TemporaryFiles temporary;

    @Test
    void aReportThatFailsHalfWayLeavesNothingBehind() throws IOException {
        long ticketsBefore = tickets.count();
        long evidenceBefore = evidence.count();
        List<Path> filesBefore = evidenceFiles();
        Path har = temporary.create("report-creation", ".har");
        Files.copy(Corpus.har("user-masteralan360-asaas-chrome143-404-body.har"), har,
                StandardCopyOption.REPLACE_EXISTING);
        // longer than its column: validation refuses it at the API; here the database does, late
        ReportAnswers answers = new ReportAnswers(Product.CHATGPT_WEB, "x".repeat(5000), "Something went wrong", 500,
                null, null, null, null, null, null, null, null, null, null);
        try {
            assertThatThrownBy(() -> reports.create(answers,
                    List.of(new Upload(har, "capture.har", Files.size(har), EvidenceKind.HAR)), null))
                    .isInstanceOf(RuntimeException.class);
        } finally {
            Files.deleteIfExists(har);
        }
        assertThat(tickets.count()).isEqualTo(ticketsBefore);
        assertThat(evidence.count()).isEqualTo(evidenceBefore);
        assertThat(evidenceFiles()).isEqualTo(filesBefore);
    }

    @Test
    void aReportIsStoredWholeWithItsReference() throws IOException {
        Path har = temporary.create("report-creation", ".har");
        Files.copy(Corpus.har("user-masteralan360-asaas-chrome143-404-body.har"), har,
                StandardCopyOption.REPLACE_EXISTING);
        ReportAnswers answers = new ReportAnswers(Product.CHATGPT_WEB, null, "Something went wrong", 500, null, null,
                null, null, null, null, null, null, null, null);
        ReportService.Created created;
        try {
            created = reports.create(answers, List.of(new Upload(har, "capture.har", Files.size(har),
                    EvidenceKind.HAR)), null);
        } finally {
            Files.deleteIfExists(har);
        }
        assertThat(created.ticket().getReference()).matches("TD-\\d{4}-\\d{6}");
        assertThat(created.ticket().getSummaryText()).isNotBlank();
        assertThat(created.evidence()).singleElement().satisfies(e -> {
            assertThat(e.isAnalyzed()).isTrue();
            assertThat(storage.exists(e.getStoredLocation())).isTrue();
        });
    }

    private List<Path> evidenceFiles() throws IOException {
        if (!Files.isDirectory(storage.root())) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(storage.root())) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
