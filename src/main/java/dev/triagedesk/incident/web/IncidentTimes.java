package dev.triagedesk.incident.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Times on the incident pages: in UTC, as the queue shows them (staff.js adds the agent's own time). */
public final class IncidentTimes {

    static final IncidentTimes UTC = new IncidentTimes();
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    public String iso(Instant at) {
        return at == null ? "" : DateTimeFormatter.ISO_INSTANT.format(at);
    }

    public String utcMinute(Instant at) {
        return at == null ? "" : MINUTE.format(at.atOffset(ZoneOffset.UTC)) + " UTC";
    }

    public String utcSecond(Instant at) {
        return at == null ? "" : SECOND.format(at.atOffset(ZoneOffset.UTC)) + " UTC";
    }
}
