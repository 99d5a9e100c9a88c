package dev.triagedesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triagedesk.report.ReportService;
import dev.triagedesk.storage.TemporaryFiles;
import dev.triagedesk.support.ManyFailuresHar;
import dev.triagedesk.support.TicketFixtures;
import dev.triagedesk.support.TriageDeskTest;
import jakarta.persistence.EntityManagerFactory;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The findings of an upload go to the database in JDBC batches: a HAR with hundreds of failing requests, each with
 * its request IDs, is stored with a handful of statements, not one (and a look-up of its id) per row, which took a
 * third of a large upload's time. Counted with Hibernate's statistics, switched on for this test only.
 */
@TriageDeskTest
class FindingBatchesTests {

    private static final int FAILURES = 300;

    @Autowired
    ReportService reports;
    @Autowired
    TicketService tickets;
    @Autowired
    TicketFixtures fixtures;
    @Autowired
    TemporaryFiles temporary;
    @Autowired
    EntityManagerFactory entityManagers;

    @Test
    void theFindingsOfAnUploadAreInsertedInBatches() throws Exception {
        long ticketId = fixtures.draft().ticket().getId();
        ManyFailuresHar.Counted counted = ManyFailuresHar.uploadCounted(reports, entityManagers, ticketId, FAILURES,
                temporary.create("finding-batches", ".har"));

        TicketDetails details = tickets.details(ticketId);
        assertThat(details.failures()).hasSize(FAILURES);
        List<RequestIdentifier> linked = details.identifiers().stream()
                .filter(id -> id.getFailingRequest() != null).toList();
        assertThat(linked).hasSize(2 * FAILURES);
        // each ID belongs to the request it came with
        for (RequestIdentifier id : linked) {
            if (id.getName().equals("x-request-id")) {
                assertThat(id.getValue()).isEqualTo(ManyFailuresHar.requestId(id.getFailingRequest().getEntryIndex()));
            }
        }
        Set<Long> ids = new HashSet<>();
        details.failures().forEach(f -> ids.add(f.getId()));
        assertThat(ids).hasSize(FAILURES);

        // one row a statement would be at least as many statements as rows; a batch holds up to 50 rows
        assertThat(counted.inserted()).isGreaterThanOrEqualTo(3L * FAILURES);
        assertThat(counted.statements()).as("statements prepared for %d inserted rows", counted.inserted())
                .isLessThan(counted.inserted() / 10);
    }
}
