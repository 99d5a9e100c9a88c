package dev.triagedesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A generated summary over its column's size is shortened at a line, with a line saying so, never refused. */
class SummaryFitTests {

    @Test
    void aSummaryOverTheColumnIsCutAtALineAndSaysSo() {
        String line = "| 2026-12-06 10:00:00 | POST https://chatgpt.com/backend-api/conversation | 500 | req_0123456789abcdef |\n";
        String summary = line.repeat(TicketService.SUMMARY_COLUMN / line.length() + 100);

        String fitted = TicketService.fitSummary(summary);

        assertThat(fitted.length()).isLessThanOrEqualTo(TicketService.SUMMARY_COLUMN);
        assertThat(fitted).endsWith(TicketService.SUMMARY_SHORTENED);
        assertThat(fitted.substring(0, fitted.length() - TicketService.SUMMARY_SHORTENED.length())).endsWith("|");
    }

    @Test
    void aSummaryThatFitsIsKeptAsItIs() {
        assertThat(TicketService.fitSummary("# Report\n")).isEqualTo("# Report\n");
        assertThat(TicketService.fitSummary(null)).isNull();
    }
}
