package dev.triagedesk.ticket;

import dev.triagedesk.evidence.triage.Hosts;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Links console errors to the failing requests of a HAR: a "Failed to load resource … 404" line and the 404
 * the HAR recorded for the same URL are one finding. The URL (host and path) and the status or net error must
 * agree; among several candidates the one nearest in time wins.
 *
 * <p>Console times are usually the reporter's wall-clock time without a date (Chrome), while HAR times are
 * instants. They are compared in the reporter's time zone when it explains the pairs; when it does not (no zone
 * given, or a wrong one), in the UTC offset most pairs agree on, so a mistaken zone does not split one failure into
 * two findings.
 */
final class EvidenceLinker {

    /** Console lines and network records of the same request are a few seconds apart at most. */
    private static final long MAX_SECONDS_APART = 120;
    /** UTC offsets of time zones are whole quarter hours. */
    private static final int QUARTER_HOUR = 900;
    private static final int DAY = 86_400;
    /** The distance of a pair whose times cannot be compared: every such candidate is equally near. */
    static final long UNKNOWN = Long.MAX_VALUE - 1;

    private EvidenceLinker() {
    }

    static void link(List<ConsoleFinding> console, List<FailingRequest> failures, String timeZone) {
        Map<ConsoleFinding, List<FailingRequest>> candidates = new LinkedHashMap<>();
        for (ConsoleFinding c : console) {
            List<FailingRequest> same = new ArrayList<>();
            if (c.getUrl() != null) {
                for (FailingRequest f : failures) {
                    if (!f.isStreamError() && sameResource(c.getUrl(), f.getUrl()) && sameOutcome(c, f)) {
                        same.add(f);
                    }
                }
            }
            candidates.put(c, same);
        }
        ZoneId clock = consoleClock(candidates, zone(timeZone));
        for (Map.Entry<ConsoleFinding, List<FailingRequest>> e : candidates.entrySet()) {
            FailingRequest best = null;
            long bestDistance = Long.MAX_VALUE;
            for (FailingRequest f : e.getValue()) {
                long distance = secondsApart(e.getKey().getLoggedAt(), f.getStartedAt(), clock);
                if (distance > MAX_SECONDS_APART && distance != UNKNOWN) {
                    continue;
                }
                if (best == null || distance < bestDistance) {
                    best = f;
                    bestDistance = distance;
                }
            }
            e.getKey().linkTo(best);
        }
    }

    /**
     * The clock the console's times were written in: the reporter's zone when it explains at least as many console
     * lines as any single UTC offset does, else that offset.
     */
    static ZoneId consoleClock(Map<ConsoleFinding, List<FailingRequest>> candidates, ZoneId reporterZone) {
        int explainedByZone = 0;
        Map<Integer, Integer> explainedByOffset = new LinkedHashMap<>();
        for (Map.Entry<ConsoleFinding, List<FailingRequest>> e : candidates.entrySet()) {
            LocalTime local = localTime(e.getKey().getLoggedAt());
            if (local == null) {
                continue;
            }
            boolean byZone = false;
            Set<Integer> offsets = new HashSet<>();
            for (FailingRequest f : e.getValue()) {
                Instant har = instant(f.getStartedAt());
                if (har == null) {
                    continue;
                }
                byZone |= secondsApart(e.getKey().getLoggedAt(), f.getStartedAt(), reporterZone) <= MAX_SECONDS_APART;
                int diff = Math.floorMod(local.toSecondOfDay() - har.atOffset(ZoneOffset.UTC).toLocalTime().toSecondOfDay(), DAY);
                if (diff > DAY / 2) {
                    diff -= DAY;
                }
                int offset = Math.round((float) diff / QUARTER_HOUR) * QUARTER_HOUR;
                if (Math.abs(diff - offset) <= MAX_SECONDS_APART && Math.abs(offset) <= 14 * 3600) {
                    offsets.add(offset);
                }
            }
            if (byZone) {
                explainedByZone++;
            }
            offsets.forEach(o -> explainedByOffset.merge(o, 1, Integer::sum));
        }
        Map.Entry<Integer, Integer> best = null;
        for (Map.Entry<Integer, Integer> e : explainedByOffset.entrySet()) {
            if (best == null || e.getValue() > best.getValue()) {
                best = e;
            }
        }
        return best == null || explainedByZone >= best.getValue() ? reporterZone : ZoneOffset.ofTotalSeconds(best.getKey());
    }

    /** Same host and path. A console URL is often written without its scheme ("chatgpt.com/backend-api/me"). */
    static boolean sameResource(String consoleUrl, String harUrl) {
        if (harUrl == null) {
            return false;
        }
        String c = consoleUrl.trim();
        if (c.startsWith("/")) {
            return stripSlash(path(c)).equals(stripSlash(Hosts.path(harUrl)));
        }
        String absolute = c.contains("://") ? c : "https://" + c;
        return Hosts.host(absolute).equals(Hosts.host(harUrl))
                && stripSlash(Hosts.path(absolute)).equals(stripSlash(Hosts.path(harUrl)));
    }

    private static String path(String relative) {
        int end = relative.length();
        for (char stop : new char[] {'?', '#'}) {
            int at = relative.indexOf(stop);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        return relative.substring(0, end);
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
     * ({@link #UNKNOWN}, accepted); an unreadable HAR time likewise.
     */
    static long secondsApart(String consoleTime, String harTime, ZoneId zone) {
        Instant har = instant(harTime);
        if (consoleTime == null || har == null) {
            return UNKNOWN;
        }
        String t = consoleTime.trim();
        try {
            if (t.length() > 12 && t.charAt(4) == '-') {
                return Math.abs(OffsetDateTime.parse(t).toInstant().getEpochSecond() - har.getEpochSecond());
            }
        } catch (DateTimeParseException e) {
            return UNKNOWN;
        }
        LocalTime local = localTime(t);
        if (local == null) {
            return UNKNOWN;
        }
        LocalTime harLocal = har.atZone(zone).toLocalTime();
        long diff = Math.abs(local.toSecondOfDay() - harLocal.toSecondOfDay());
        return Math.min(diff, DAY - diff);
    }

    /** A console time of day ("13:24:05.120"); null for a full date-time or anything unreadable. */
    private static LocalTime localTime(String consoleTime) {
        if (consoleTime == null) {
            return null;
        }
        String t = consoleTime.trim();
        if (t.length() > 12 && t.charAt(4) == '-') {
            return null;
        }
        try {
            return LocalTime.parse(t);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Instant instant(String harTime) {
        if (harTime == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(harTime).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static ZoneId zone(String timeZone) {
        try {
            return timeZone == null || timeZone.isBlank() ? ZoneOffset.UTC : ZoneId.of(timeZone.trim());
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }
}
