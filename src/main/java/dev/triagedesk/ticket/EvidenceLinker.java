package dev.triagedesk.ticket;

import dev.triagedesk.evidence.triage.Hosts;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * Links console errors to the failing requests of a HAR: a "Failed to load resource … 404" line and the 404
 * the HAR recorded for the same URL are one finding. The URL (host and path) and the status or net error must
 * agree; among several candidates the one nearest in time wins. Console times are the reporter's clock time
 * (Chrome prints no date), so they are compared with the HAR's instants in the reporter's time zone.
 */
final class EvidenceLinker {

    /** Console lines and network records of the same request are a few seconds apart at most. */
    private static final long MAX_SECONDS_APART = 120;

    private EvidenceLinker() {
    }

    static void link(List<ConsoleFinding> console, List<FailingRequest> failures, String timeZone) {
        ZoneId zone = zone(timeZone);
        for (ConsoleFinding c : console) {
            if (c.getUrl() == null) {
                c.linkTo(null);
                continue;
            }
            FailingRequest best = null;
            long bestDistance = Long.MAX_VALUE;
            for (FailingRequest f : failures) {
                if (f.isStreamError() || !sameResource(c.getUrl(), f.getUrl()) || !sameOutcome(c, f)) {
                    continue;
                }
                long distance = secondsApart(c.getLoggedAt(), f.getStartedAt(), zone);
                if (distance > MAX_SECONDS_APART && distance != Long.MAX_VALUE - 1) {
                    continue;
                }
                if (best == null || distance < bestDistance) {
                    best = f;
                    bestDistance = distance;
                }
            }
            c.linkTo(best);
        }
    }

    private static boolean sameResource(String a, String b) {
        if (b == null) {
            return false;
        }
        return Hosts.host(a).equals(Hosts.host(b)) && stripSlash(Hosts.path(a)).equals(stripSlash(Hosts.path(b)));
    }

    private static String stripSlash(String path) {
        return path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
    }

    private static boolean sameOutcome(ConsoleFinding c, FailingRequest f) {
        if (c.getStatus() != null && c.getStatus() > 0) {
            return c.getStatus() == f.getStatus();
        }
        if (c.getNetError() != null) {
            return f.getNetError() != null && f.getNetError().toUpperCase(Locale.ROOT).contains(
                    c.getNetError().toUpperCase(Locale.ROOT).replace("NET::", ""));
        }
        return f.getStatus() <= 0;
    }

    /**
     * Seconds between a console time and a HAR time. Without a console time every candidate is equally near
     * ({@code Long.MAX_VALUE - 1}, accepted); an unreadable HAR time likewise.
     */
    static long secondsApart(String consoleTime, String harTime, ZoneId zone) {
        if (consoleTime == null || harTime == null) {
            return Long.MAX_VALUE - 1;
        }
        Instant har;
        try {
            har = OffsetDateTime.parse(harTime).toInstant();
        } catch (DateTimeParseException e) {
            return Long.MAX_VALUE - 1;
        }
        String t = consoleTime.trim();
        try {
            if (t.length() > 12 && t.charAt(4) == '-') {
                return Math.abs(OffsetDateTime.parse(t).toInstant().getEpochSecond() - har.getEpochSecond());
            }
            LocalTime local = LocalTime.parse(t);
            LocalTime harLocal = har.atZone(zone).toLocalTime();
            long diff = Math.abs(local.toSecondOfDay() - harLocal.toSecondOfDay());
            return Math.min(diff, 86_400 - diff);
        } catch (DateTimeParseException e) {
            return Long.MAX_VALUE - 1;
        }
    }

    private static ZoneId zone(String timeZone) {
        try {
            return timeZone == null || timeZone.isBlank() ? ZoneId.of("UTC") : ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            return ZoneId.of("UTC");
        }
    }
}
