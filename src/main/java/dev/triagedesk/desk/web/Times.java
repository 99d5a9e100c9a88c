package dev.triagedesk.desk.web;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Times as the ticket page shows them: always in UTC (what support and server logs use), and also in the
 * reporter's zone when the report gave one, so "it failed at 13:20" can be matched to the capture.
 */
public final class Times {

    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter DAY_MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    private static final DateTimeFormatter OFFSET = DateTimeFormatter.ofPattern("xxx", Locale.ROOT);

    private final ZoneId reporterZone;

    /** Times in UTC only (the queue: many reporters, many zones). */
    static final Times UTC = new Times(null);

    Times(String reporterZone) {
        this.reporterZone = zone(reporterZone);
    }

    static ZoneId zone(String id) {
        if (id == null || id.isBlank()) {
            return null;
        }
        try {
            ZoneId z = ZoneId.of(id.trim());
            return z.normalized().equals(ZoneOffset.UTC) ? null : z;
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** {@code 2026-01-07 12:23 UTC}. */
    public String utcMinute(Instant at) {
        return at == null ? "" : DAY_MINUTE.format(at.atOffset(ZoneOffset.UTC)) + " UTC";
    }

    /** {@code 2026-01-07 12:23:59 UTC}. */
    public String utc(Instant at) {
        return at == null ? "" : DAY_TIME.format(at.atOffset(ZoneOffset.UTC)) + " UTC";
    }

    /** The same instant in the reporter's zone, {@code 15:23:59 Europe/Istanbul (+03:00)}; empty without a zone. */
    public String reporter(Instant at) {
        if (at == null || reporterZone == null) {
            return "";
        }
        var local = at.atZone(reporterZone);
        return DAY_TIME.format(local) + " " + reporterZone.getId() + " (" + OFFSET.format(local) + ")";
    }

    /** The reporter's zone, or null when the report named none (or UTC). */
    public String reporterZone() {
        return reporterZone == null ? null : reporterZone.getId();
    }

    /** A time as a HAR writes it (ISO 8601 with an offset); null when it is missing or not ISO. */
    public static Instant parse(String iso) {
        if (iso == null || iso.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(iso.trim()).toInstant();
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** A HAR time in UTC, or as written when it cannot be read. */
    public String harUtc(String iso) {
        Instant at = parse(iso);
        return at == null ? (iso == null ? "" : iso) : utc(at);
    }

    /** A HAR time as an instant for {@code <time datetime>}; empty when it cannot be read. */
    public String harIso(String iso) {
        return iso(parse(iso));
    }

    /** A HAR time in the reporter's zone; empty when there is none or the time cannot be read. */
    public String harReporter(String iso) {
        return reporter(parse(iso));
    }

    /** When the reporter says it happened, in their local time as they typed it. */
    public String local(LocalDateTime at) {
        return at == null ? "" : DAY_MINUTE.format(at);
    }

    /** The reporter's local time in UTC; empty when their zone is unknown. */
    public String localAsUtc(LocalDateTime at, String zoneId) {
        if (at == null || zoneId == null || zoneId.isBlank()) {
            return "";
        }
        try {
            return utcMinute(at.atZone(ZoneId.of(zoneId.trim())).toInstant());
        } catch (DateTimeException e) {
            return "";
        }
    }

    /** ISO form for {@code <time datetime>}. */
    public String iso(Instant at) {
        return at == null ? "" : at.toString();
    }
}
