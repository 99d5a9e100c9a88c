package dev.triagedesk.conversation;

import static org.assertj.core.api.Assertions.assertThat;

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
        List<MissingItems.Suggestion> offered = MissingItems.suggest(new ApiEvidenceRows(t).details());
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
        List<String> offered = MissingItems.suggest(rows.details()).stream().map(MissingItems.Suggestion::label).toList();
        assertThat(offered).doesNotContain(MissingItems.API_REQUEST_IDS, MissingItems.API_TIME, MissingItems.API_ORG,
                MissingItems.API_LOGS).contains(MissingItems.API_CALL, MissingItems.API_SCOPE);
    }

    private static Ticket ticket() {
        Ticket t = new Ticket("hash", Instant.parse("2026-03-01T12:00:00Z"));
        t.setProduct(Product.OPENAI_API);
        return t;
    }
}
