package dev.triagedesk.summary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triagedesk.evidence.HarBuilder;
import dev.triagedesk.support.TicketFixtures;
import dev.triagedesk.support.TriageDeskTest;
import dev.triagedesk.ticket.Product;
import dev.triagedesk.ticket.Ticket;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A capture with thousands of failures of one request, each with its own request ID: the support summary of such a
 * report once outgrew its column (200,000 characters) and the whole report answered 500. The summary now lists
 * some IDs of a repeated failure and counts the rest, and any summary is shortened to fit rather than refused.
 */
@TriageDeskTest
class LongSummaryTests {

    @Autowired
    TicketFixtures fixtures;

    @Test
    void thousandsOfRequestIdsStillGiveAStoredTicketWithAShortSummary() {
        HarBuilder har = new HarBuilder().page("page_1", "ChatGPT");
        for (int i = 0; i < 3000; i++) {
            // long IDs, as some gateways chain theirs: 2,000 of them (the findings' cap) once made 280,000 characters
            String hex = UUID.randomUUID().toString().replace("-", "");
            har.entry("POST", "https://chatgpt.com/backend-api/conversation", 500)
                    .responseHeader("x-request-id", "req_" + hex + hex + hex)
                    .add();
        }
        String marker = "long summary " + UUID.randomUUID();
        Ticket ticket = fixtures.submitHar(TicketFixtures.answers(Product.CHATGPT_WEB, marker, null), "many.har",
                har.json().getBytes(StandardCharsets.UTF_8));

        assertThat(ticket.getReference()).startsWith("TD-");
        assertThat(ticket.getSummaryMarkdown()).contains("2000× ").contains("and 1980 more (every one in the JSON export)");
        assertThat(ticket.getSummaryMarkdown().length()).isLessThan(50_000);
        assertThat(ticket.getSummaryText().length()).isLessThan(50_000);
    }
}
