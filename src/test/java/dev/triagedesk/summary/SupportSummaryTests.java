package dev.triagedesk.summary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triagedesk.ticket.Ticket;
import dev.triagedesk.ticket.TicketDetails;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When it failed, as the summary says it: the reporter's local time and zone, and UTC beside it. */
class SupportSummaryTests {

    @Test
    void theTimeOfFailureCarriesItsZoneAndUtc() {
        assertThat(when("Europe/Istanbul")).isEqualTo("2026-01-07 15:23 Europe/Istanbul (UTC+03:00, 2026-01-07 12:23 UTC)");
        assertThat(when("+02:00")).isEqualTo("2026-01-07 15:23 +02:00 (UTC+02:00, 2026-01-07 13:23 UTC)");
        // London in winter is at UTC, but it is still the zone the reporter named
        assertThat(when("Europe/London")).isEqualTo("2026-01-07 15:23 Europe/London (UTC+00:00, 2026-01-07 15:23 UTC)");
    }

    @Test
    void aTimeGivenInUtcIsNotSaidTwice() {
        assertThat(when("UTC")).isEqualTo("2026-01-07 15:23 UTC");
        assertThat(when(null)).isEqualTo("2026-01-07 15:23 UTC");
        assertThat(when("Z")).isEqualTo("2026-01-07 15:23 UTC");
    }

    @Test
    void countsOfOneAreSingular() {
        assertThat(SupportSummary.count(1, "stream error")).isEqualTo("1 stream error");
        assertThat(SupportSummary.count(0, "secret")).isEqualTo("0 secrets");
        assertThat(SupportSummary.count(2, "request")).isEqualTo("2 requests");
    }

    private static String when(String zone) {
        Ticket t = new Ticket("hash", Instant.parse("2026-01-07T12:00:00Z"));
        t.setOccurredAt(LocalDateTime.of(2026, 1, 7, 15, 23));
        t.setTimeZone(zone);
        return SupportSummary.when(t, new TicketDetails(t, List.of(), List.of(), List.of(), List.of(), List.of()));
    }
}
