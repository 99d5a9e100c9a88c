package dev.triagedesk.housekeeping;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triagedesk.storage.EvidenceStorage;
import dev.triagedesk.storage.LocalEvidenceStorage;
import dev.triagedesk.storage.TemporaryFiles;
import dev.triagedesk.support.TriageDeskTest;
import dev.triagedesk.ticket.Evidence;
import dev.triagedesk.ticket.EvidenceRepository;
import dev.triagedesk.ticket.TicketRepository;
import dev.triagedesk.ticket.TicketService;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a crash or an abandoned form leaves is removed: drafts untouched for a day (with their evidence), evidence
 * files no row names and the application's temporary files: all of them at start-up, only day-old ones later.
 */
@TriageDeskTest
class HousekeepingTests {

    private static final Duration MORE_THAN_A_DAY = Duration.ofHours(25);

    @Autowired
    Housekeeping housekeeping;
    @Autowired
    TicketService tickets;
    @Autowired
    TicketRepository ticketRows;
    @Autowired
    EvidenceRepository evidence;
    @Autowired
    LocalEvidenceStorage storage;
    @Autowired
    TemporaryFiles temporary;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aDraftUntouchedForADayGoesWithItsEvidenceWhileNewerDraftsAndTicketsStay() throws IOException {
        long abandoned = tickets.startDraft().ticket().getId();
        Evidence pasted = tickets.addPastedConsole(abandoned, "TypeError: Failed to fetch\n");
        long fresh = tickets.startDraft().ticket().getId();
        long submitted = tickets.startDraft().ticket().getId();
        tickets.submit(submitted);
        Instant dayOld = Instant.now().minus(MORE_THAN_A_DAY);
        for (long id : new long[] {abandoned, submitted}) {
            jdbc.update("UPDATE ticket SET updated_at = ? WHERE id = ?", Timestamp.from(dayOld), id);
        }
        Path file = storage.resolve(pasted.getStoredLocation());
        Files.setLastModifiedTime(file, FileTime.from(dayOld));
        Files.setLastModifiedTime(storage.resolve(pasted.getAnalysisLocation()), FileTime.from(dayOld));

        Housekeeping.Removed removed = housekeeping.run(false);

        assertThat(removed.drafts()).isEqualTo(1);
        assertThat(ticketRows.findById(abandoned)).isEmpty();
        assertThat(evidence.findById(pasted.getId())).isEmpty();
        assertThat(file).doesNotExist();
        assertThat(removed.evidenceFiles()).isGreaterThanOrEqualTo(2);
        assertThat(ticketRows.findById(fresh)).isPresent();
        assertThat(ticketRows.findById(submitted)).isPresent();
    }

    @Test
    void atStartUpEveryFileNoRowNamesGoesLaterOnlyDayOldOnes() throws IOException {
        long ticket = tickets.startDraft().ticket().getId();
        Evidence named = tickets.addPastedConsole(ticket, "GET https://chatgpt.com/backend-api/me 500\n");
        String unnamed = "999999/1-left-by-a-crash.har";
        try (OutputStream out = storage.create(unnamed)) {
            out.write("{\"log\":{}}".getBytes(StandardCharsets.UTF_8));
        }
        Path halfWritten = storage.resolve("999999/.2-capture.har.0000" + EvidenceStorage.TEMPORARY_SUFFIX);
        Files.writeString(halfWritten, "{\"log\":{\"entr");
        Path upload = temporary.create("triage-upload", ".part");

        Housekeeping.Removed later = housekeeping.run(false);
        assertThat(later.evidenceFiles()).isZero();
        assertThat(storage.exists(unnamed)).isTrue();
        assertThat(upload).exists();

        Housekeeping.Removed atStartUp = housekeeping.run(true);
        assertThat(atStartUp.evidenceFiles()).isGreaterThanOrEqualTo(2);
        assertThat(storage.exists(unnamed)).isFalse();
        assertThat(halfWritten).doesNotExist();
        assertThat(upload).doesNotExist();
        assertThat(atStartUp.temporaryFiles()).isGreaterThanOrEqualTo(1);
        assertThat(storage.exists(named.getStoredLocation())).isTrue();
        assertThat(storage.exists(named.getAnalysisLocation())).isTrue();
        assertThat(temporary.root().resolve("uploads")).as("the spool folder is made again").isDirectory();
    }
}
