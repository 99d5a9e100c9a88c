package dev.triagedesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Console errors joined to the HAR's failing requests: the console lines are written as Chrome writes them (the
 * URL without its scheme, the time of day on the reporter's clock), the HAR as it records requests (UTC instants).
 */
class EvidenceLinkerTests {

    private final Ticket ticket = new Ticket("hash", Instant.parse("2026-01-07T12:00:00Z"));
    private final Evidence har = new Evidence(ticket, EvidenceKind.HAR, "capture.har", 1, Instant.EPOCH);
    private final Evidence log = new Evidence(ticket, EvidenceKind.CONSOLE, "console.log", 1, Instant.EPOCH);

    @Test
    void aFailedResourceLineWithoutSchemeIsTheSameFindingAsItsRequest() {
        FailingRequest first429 = request(3, "2026-01-07T12:23:59.120Z", "https://chatgpt.com/backend-api/conversation", 429, null);
        FailingRequest second429 = request(9, "2026-01-07T12:24:40.500Z", "https://chatgpt.com/backend-api/conversation", 429, null);
        FailingRequest cert = request(12, "2026-01-07T12:24:41.000Z", "https://cdn.oaistatic.com/assets/app.js", 0,
                "net::ERR_CERT_AUTHORITY_INVALID");
        ConsoleFinding a = line(1, "15:24:40.610", "chatgpt.com/backend-api/conversation", 429, null);
        ConsoleFinding b = line(2, "15:23:59.300", "chatgpt.com/backend-api/conversation/", 429, null);
        ConsoleFinding c = line(3, "15:24:41.050", "cdn.oaistatic.com/assets/app.js", null, "net::ERR_CERT_AUTHORITY_INVALID");
        ConsoleFinding other = line(4, "15:24:41.050", "chatgpt.com/backend-api/me", 401, null);

        EvidenceLinker.link(List.of(a, b, c, other), List.of(first429, second429, cert), "Europe/Istanbul");

        assertThat(a.getFailingRequest()).isSameAs(second429);
        assertThat(b.getFailingRequest()).isSameAs(first429);
        assertThat(c.getFailingRequest()).isSameAs(cert);
        assertThat(other.getFailingRequest()).isNull();
    }

    @Test
    void aLineAboutTheSameUrlButAnotherOutcomeOrFarAwayInTimeStaysApart() {
        FailingRequest f = request(3, "2026-01-07T12:23:59.120Z", "https://chatgpt.com/backend-api/conversation", 429, null);
        ConsoleFinding otherStatus = line(1, "15:23:59.300", "chatgpt.com/backend-api/conversation", 500, null);
        ConsoleFinding later = line(2, "15:31:00.000", "chatgpt.com/backend-api/conversation", 429, null);

        EvidenceLinker.link(List.of(otherStatus, later), List.of(f), "Europe/Istanbul");

        assertThat(otherStatus.getFailingRequest()).isNull();
        assertThat(later.getFailingRequest()).isNull();
    }

    @Test
    void whenTheGivenTimeZoneDoesNotFitTheOffsetTheLinesAgreeOnIsUsed() {
        // the console was written on a UTC+01:00 clock; the report says UTC (or nothing at all)
        FailingRequest f1 = request(11, "2026-01-01T00:00:03.713Z", "https://api.openai.com/v1/chat/completions", 404, null);
        FailingRequest f2 = request(25, "2026-01-01T00:00:09.280Z", "https://api.openai.com/v1/chat/completions", 429, null);
        FailingRequest f3 = request(46, "2026-01-01T00:00:18.152Z", "https://api.openai.com/v1/chat/completions", 429, null);
        ConsoleFinding l1 = line(1, "01:00:03.863", "api.openai.com/v1/chat/completions", 404, null);
        ConsoleFinding l2 = line(2, "01:00:09.430", "api.openai.com/v1/chat/completions", 429, null);
        ConsoleFinding l3 = line(3, "01:00:18.302", "api.openai.com/v1/chat/completions", 429, null);

        for (String zone : new String[] {"UTC", null, "America/New_York"}) {
            EvidenceLinker.link(List.of(l1, l2, l3), List.of(f1, f2, f3), zone);
            assertThat(List.of(l1.getFailingRequest(), l2.getFailingRequest(), l3.getFailingRequest()))
                    .as("time zone %s", zone).containsExactly(f1, f2, f3);
        }
    }

    @Test
    void theReportersZoneWinsWhenItExplainsTheLinesAndFollowsSummerTime() {
        FailingRequest winter = request(1, "2026-01-07T12:00:00Z", "https://chatgpt.com/backend-api/me", 401, null);
        FailingRequest summer = request(2, "2026-07-07T12:00:00Z", "https://chatgpt.com/backend-api/me", 401, null);
        ConsoleFinding inWinter = line(1, "13:00:01", "chatgpt.com/backend-api/me", 401, null);
        ConsoleFinding inSummer = line(2, "14:00:01", "chatgpt.com/backend-api/me", 401, null);

        EvidenceLinker.link(List.of(inWinter, inSummer), List.of(winter, summer), "Europe/Berlin");

        assertThat(inWinter.getFailingRequest()).isSameAs(winter);
        assertThat(inSummer.getFailingRequest()).isSameAs(summer);
    }

    @Test
    void aRelativeUrlIsComparedByItsPathAndALineWithoutTimeTakesTheFirstMatch() {
        FailingRequest f = request(5, "2026-01-07T12:00:00Z", "https://chatgpt.com/backend-api/models?x=1", 404, null);
        ConsoleFinding relative = line(1, null, "/backend-api/models", 404, null);

        EvidenceLinker.link(List.of(relative), List.of(f), "UTC");

        assertThat(relative.getFailingRequest()).isSameAs(f);
    }

    @Test
    void secondsApartReadsAbsoluteAndClockTimes() {
        ZoneId istanbul = ZoneId.of("Europe/Istanbul");
        assertThat(EvidenceLinker.secondsApart("15:24:00", "2026-01-07T12:23:58Z", istanbul)).isEqualTo(2);
        assertThat(EvidenceLinker.secondsApart("2026-01-07T12:24:00Z", "2026-01-07T12:23:50Z", istanbul)).isEqualTo(10);
        assertThat(EvidenceLinker.secondsApart("00:00:01", "2026-01-07T20:59:59Z", istanbul)).isEqualTo(2);
        assertThat(EvidenceLinker.secondsApart("soon", "2026-01-07T12:23:58Z", istanbul)).isEqualTo(EvidenceLinker.UNKNOWN);
    }

    private FailingRequest request(int entry, String startedAt, String url, int status, String netError) {
        FailingRequest f = new FailingRequest(ticket, har, entry, false);
        f.describe(startedAt, "POST", url, status, null, netError, 10.0, null);
        return f;
    }

    private ConsoleFinding line(int number, String time, String url, Integer status, String netError) {
        return new ConsoleFinding(ticket, log, number, time, "error", "Failed to load resource", url, status, netError,
                null);
    }
}
