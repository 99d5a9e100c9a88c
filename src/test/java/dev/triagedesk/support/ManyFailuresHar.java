package dev.triagedesk.support;

import dev.triagedesk.evidence.HarBuilder;
import dev.triagedesk.report.ReportService;
import dev.triagedesk.ticket.EvidenceKind;
import dev.triagedesk.ticket.Upload;
import jakarta.persistence.EntityManagerFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;

/**
 * A capture of many failing calls: each a 500 of the chat completions endpoint with its own x-request-id and
 * cf-ray, so each gives a failing request and two request IDs linked to it (for the finding batches' tests).
 */
public final class ManyFailuresHar {

    private ManyFailuresHar() {
    }

    public static String json(int failures) {
        HarBuilder har = new HarBuilder();
        for (int i = 0; i < failures; i++) {
            har.entry("POST", "https://api.openai.com/v1/chat/completions", 500)
                    .responseHeader("x-request-id", requestId(i))
                    .responseHeader("cf-ray", String.format("9ba36dc0cd%06x-FRA", i))
                    .body("application/json", "{\"error\":{\"message\":\"The server had an error\","
                            + "\"type\":\"server_error\",\"code\":null}}")
                    .add();
        }
        return har.json();
    }

    /** The x-request-id of the failure at {@code entry} (counted from 0). */
    public static String requestId(int entry) {
        return String.format("req_%032x", 0xba7c4000L + entry);
    }

    /** What an upload cost the database: entity rows inserted and JDBC statements prepared. */
    public record Counted(long inserted, long statements) {
    }

    /**
     * Adds a capture of {@code failures} failing calls to the draft {@code ticketId} as an upload, counting with
     * Hibernate's statistics, switched on for this upload only. The file is written to {@code har} and removed.
     */
    public static Counted uploadCounted(ReportService reports, EntityManagerFactory entityManagers, long ticketId,
                                        int failures, Path har) throws IOException {
        Files.writeString(har, json(failures), StandardCharsets.UTF_8);
        Statistics statistics = entityManagers.unwrap(SessionFactory.class).getStatistics();
        boolean enabled = statistics.isStatisticsEnabled();
        try {
            statistics.clear();
            statistics.setStatisticsEnabled(true);
            reports.addUpload(ticketId, new Upload(har, "many-failures.har", Files.size(har), EvidenceKind.HAR));
            return new Counted(statistics.getEntityInsertCount(), statistics.getPrepareStatementCount());
        } finally {
            statistics.setStatisticsEnabled(enabled);
            Files.deleteIfExists(har);
        }
    }
}
