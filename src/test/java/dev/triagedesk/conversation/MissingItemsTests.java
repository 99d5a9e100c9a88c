package dev.triagedesk.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triagedesk.statuspage.OfficialIncident;
import dev.triagedesk.statuspage.OfficialIncidents;
import dev.triagedesk.ticket.ApiEvidenceRows;
import dev.triagedesk.ticket.CheckResult;
import dev.triagedesk.ticket.Product;
import dev.triagedesk.ticket.Ticket;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What an agent is offered to ask a reporter for follows the report's own labels: an API report is asked for what
 * support needs for API calls, never for a private window or a HAR of the browser.
 */
class MissingItemsTests {

    @Test
    void anApiReportIsAskedForWhatSupportNeedsForApiCalls() {
        Ticket t = ticket();
        t.getChecks().setPrivateWindow(CheckResult.NOT_TRIED);
        List<MissingItems.Suggestion> offered = MissingItems.suggest(new ApiEvidenceRows(t).details(), null);
        assertThat(offered).extracting(MissingItems.Suggestion::label).startsWith(MissingItems.API_REQUEST_IDS,
                MissingItems.API_TIME, MissingItems.API_ORG, MissingItems.API_CALL, MissingItems.API_SCOPE,
                MissingItems.API_LOGS).doesNotContain(MissingItems.PRIVATE_WINDOW, MissingItems.HAR, MissingItems.CONSOLE);
        assertThat(offered.get(0).kind()).isEqualTo(RequestedItem.Kind.IDENTIFIER);
        // the client's log is filled by the attachment it asks for (ticked when one is added)
        assertThat(offered.get(5).kind()).isEqualTo(RequestedItem.Kind.CONSOLE);
    }

    @Test
    void whatTheReportHasIsNotAskedForAgain() {
        Ticket t = ticket();
        t.setOccurredAt(LocalDateTime.of(2026, 3, 1, 11, 0));
        t.setTimeZone("Europe/Berlin");
        t.getApi().setOrgId("org-abc");
        ApiEvidenceRows rows = new ApiEvidenceRows(t);
        rows.call(rows.log("openai.log"), 3, "2026-03-01T10:00:00Z", "POST",
                "https://api.openai.com/v1/chat/completions", 500, null, null, "req_a");
        List<String> offered = MissingItems.suggest(rows.details(), null).stream().map(MissingItems.Suggestion::label).toList();
        assertThat(offered).doesNotContain(MissingItems.API_REQUEST_IDS, MissingItems.API_TIME, MissingItems.API_ORG,
                MissingItems.API_LOGS).contains(MissingItems.API_CALL, MissingItems.API_SCOPE);
    }

    /**
     * The next step offered is the verdict's with the vendor's official incident counted, as the ticket page shows
     * it: an outage the status page confirmed is waited out, not answered with isolation checks.
     */
    @Test
    void theNextStepCountsTheOfficialIncidentTheCallerFound() {
        Ticket t = new Ticket("hash", Instant.parse("2026-03-01T12:00:00Z"));
        t.setProduct(Product.CHATGPT_WEB);
        t.setSeenStatus(500);
        OfficialIncidents.Coverage official = new OfficialIncidents.Coverage(new OfficialIncident("inc1",
                "Elevated error rates in ChatGPT", "investigating", "major", Instant.parse("2026-03-01T11:00:00Z"),
                null, List.of("ChatGPT"), "https://status.example.com/incidents/inc1"), "ChatGPT");

        List<String> without = MissingItems.suggest(new ApiEvidenceRows(t).details(), null).stream()
                .map(MissingItems.Suggestion::label).toList();
        List<String> with = MissingItems.suggest(new ApiEvidenceRows(t).details(), official).stream()
                .map(MissingItems.Suggestion::label).toList();

        assertThat(without).noneMatch(s -> s.startsWith("Wait 10-30 minutes"));
        assertThat(with).anyMatch(s -> s.startsWith("Wait 10-30 minutes") && s.contains("status page"));
    }

    private static Ticket ticket() {
        Ticket t = new Ticket("hash", Instant.parse("2026-03-01T12:00:00Z"));
        t.setProduct(Product.OPENAI_API);
        return t;
    }
}
