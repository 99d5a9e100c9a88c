package dev.triagedesk.incident;

import dev.triagedesk.ticket.FailingRequest;
import dev.triagedesk.ticket.FailureGroup;
import dev.triagedesk.ticket.Ticket;
import dev.triagedesk.ticket.TicketDetails;
import dev.triagedesk.ticket.TicketFailure;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * When a report's failure happened, which is what incidents compare (a report sent an hour late is still about the
 * same minutes): the first request of the fingerprint's failure as the capture timed it; without a capture, the time
 * the reporter gave in their time zone; without that, the submission.
 */
public final class FailureTime {

    private FailureTime() {
    }

    public static Instant of(TicketDetails details) {
        return of(details.failure());
    }

    public static Instant of(TicketFailure details) {
        Optional<FailureGroup> main = Fingerprint.mainFailure(details.failures());
        if (main.isPresent()) {
            Instant earliest = null;
            for (FailingRequest f : main.get().requests()) {
                Instant at = parse(f.getStartedAt());
                if (at != null && (earliest == null || at.isBefore(earliest))) {
                    earliest = at;
                }
            }
            if (earliest != null) {
                return earliest;
            }
        }
        Ticket t = details.ticket();
        if (t.getOccurredAt() != null) {
            ZoneId zone = ZoneOffset.UTC;
            try {
                if (t.getTimeZone() != null && !t.getTimeZone().isBlank()) {
                    zone = ZoneId.of(t.getTimeZone().trim());
                }
            } catch (DateTimeException e) {
                // a zone the reporter typed wrong: their local time read as UTC is the best guess left
            }
            return t.getOccurredAt().atZone(zone).toInstant();
        }
        return t.getSubmittedAt() != null ? t.getSubmittedAt() : t.getCreatedAt();
    }

    /** A HAR's {@code startedDateTime} (ISO 8601 with an offset); null when it is missing or unreadable. */
    static Instant parse(String startedAt) {
        if (startedAt == null || startedAt.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(startedAt.trim()).toInstant();
        } catch (DateTimeException e) {
            try {
                return Instant.parse(startedAt.trim());
            } catch (DateTimeException again) {
                return null;
            }
        }
    }
}
