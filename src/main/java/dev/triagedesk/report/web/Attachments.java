package dev.triagedesk.report.web;

import dev.triagedesk.ticket.ConsoleFinding;
import dev.triagedesk.ticket.Evidence;
import dev.triagedesk.ticket.FailingRequest;
import dev.triagedesk.ticket.FailureGroup;
import dev.triagedesk.ticket.FailureGroupRow;
import dev.triagedesk.ticket.FindingSignal;
import dev.triagedesk.ticket.NormalizedPath;
import dev.triagedesk.ticket.RequestIdentifier;
import dev.triagedesk.ticket.TicketDetails;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the pages show of each attachment: its status, its failing requests with their request IDs, its console
 * errors, the IDs and signals found. A console error the service linked to a failing request is shown under that
 * request (one finding), not again among the console errors.
 */
final class Attachments {

    /** Findings listed per attachment on a page; the counts stay exact beyond it. */
    static final int LISTED = 30;

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT);
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

    /** Characters of an address shown in the list; a longer one is shortened in the middle, whole when opened. */
    static final int URL_SHOWN = 90;

    /**
     * One attachment and what was found in it. {@code ids} are the IDs not already shown with a listed failing
     * request; identical failures are one row with their count, identical signals one line with a count.
     */
    record Attachment(Evidence evidence, List<FailureRow> failures, int failuresNotListed, List<ConsoleFinding> consoleErrors,
                      int consoleNotListed, int consoleShownWithRequests, List<String> ids, List<SignalGroup> signals) {

        public boolean hasFindings() {
            return !failures.isEmpty() || !consoleErrors.isEmpty() || consoleShownWithRequests > 0 || !ids.isEmpty()
                    || !signals.isEmpty();
        }
    }

    /** A failing request, its request IDs and the console errors that are about it. */
    record Failure(FailingRequest request, String time, List<String> ids, List<ConsoleFinding> console) {
    }

    /**
     * A row of the list: one failing request, or identical ones repeated ({@link FailureGroup}: same method, address,
     * status and error code), with each request (time, IDs, console lines) in a list that opens.
     */
    record FailureRow(FailureGroup group, String shortUrl, List<Failure> requests, int requestsNotListed,
                      String lastTime) implements FailureGroupRow {

        public Failure first() {
            return requests.get(0);
        }

        public String time() {
            return first().time();
        }

        public List<String> ids() {
            return first().ids();
        }

        public List<ConsoleFinding> console() {
            return first().console();
        }
    }

    /** A signal as the page says it ("Connection refused: …") and how many times the file shows it. */
    record SignalGroup(String text, int count) {
    }

    private Attachments() {
    }

    static List<Attachment> of(TicketDetails d) {
        ZoneId zone = zone(d.ticket().getTimeZone());
        Map<Long, List<FailingRequest>> failuresByEvidence = new LinkedHashMap<>();
        for (FailingRequest f : d.failures()) {
            failuresByEvidence.computeIfAbsent(f.getEvidence().getId(), k -> new ArrayList<>()).add(f);
        }
        // per attachment, the first LISTED rows and, in each, the first LISTED requests are listed
        Map<Long, List<FailureGroup>> groupsByEvidence = new HashMap<>();
        Set<Long> listed = new HashSet<>();
        failuresByEvidence.forEach((evidenceId, failing) -> {
            List<FailureGroup> groups = FailureGroup.of(failing).stream().limit(LISTED).toList();
            groupsByEvidence.put(evidenceId, groups);
            groups.forEach(g -> g.requests().stream().limit(LISTED).forEach(f -> listed.add(f.getId())));
        });
        Map<Long, List<String>> idsByRequest = new LinkedHashMap<>();
        Map<Long, Set<String>> idsByEvidence = new LinkedHashMap<>();
        for (RequestIdentifier id : d.identifiers()) {
            String shown = (RequestIdentifier.CONVERSATION.equals(id.getName()) ? "conversation" : id.getName())
                    + ": " + id.getValue();
            boolean withRequest = id.getFailingRequest() != null;
            if (withRequest) {
                idsByRequest.computeIfAbsent(id.getFailingRequest().getId(), k -> new ArrayList<>()).add(shown);
            }
            // an ID shown with its failing request is not listed a second time
            if (id.getEvidence() != null && !(withRequest && listed.contains(id.getFailingRequest().getId()))) {
                idsByEvidence.computeIfAbsent(id.getEvidence().getId(), k -> new LinkedHashSet<>()).add(shown);
            }
        }
        Map<Long, List<ConsoleFinding>> consoleByRequest = new LinkedHashMap<>();
        Map<Long, List<ConsoleFinding>> unlinkedByEvidence = new LinkedHashMap<>();
        Map<Long, Integer> linkedByEvidence = new LinkedHashMap<>();
        for (ConsoleFinding c : d.consoleFindings()) {
            Long evidenceId = c.getEvidence().getId();
            if (c.getFailingRequest() != null) {
                consoleByRequest.computeIfAbsent(c.getFailingRequest().getId(), k -> new ArrayList<>()).add(c);
                linkedByEvidence.merge(evidenceId, 1, Integer::sum);
            } else {
                unlinkedByEvidence.computeIfAbsent(evidenceId, k -> new ArrayList<>()).add(c);
            }
        }
        Map<Long, Map<String, Integer>> signalsByEvidence = new LinkedHashMap<>();
        for (FindingSignal s : d.signals()) {
            String text = s.getType().label() + (s.getDetail() == null ? "" : ": " + s.getDetail());
            signalsByEvidence.computeIfAbsent(s.getEvidence().getId(), k -> new LinkedHashMap<>()).merge(text, 1, Integer::sum);
        }

        List<Attachment> attachments = new ArrayList<>();
        for (Evidence e : d.evidence()) {
            Long id = e.getId();
            List<FailingRequest> failing = failuresByEvidence.getOrDefault(id, List.of());
            List<FailureRow> failures = new ArrayList<>();
            int rowsHold = 0;
            for (FailureGroup g : groupsByEvidence.getOrDefault(id, List.of())) {
                List<Failure> requests = g.requests().stream().limit(LISTED)
                        .map(f -> new Failure(f, time(f.getStartedAt(), zone),
                                idsByRequest.getOrDefault(f.getId(), List.of()),
                                consoleByRequest.getOrDefault(f.getId(), List.of())))
                        .toList();
                failures.add(new FailureRow(g, NormalizedPath.middle(g.first().getUrl(), URL_SHOWN), requests,
                        g.count() - requests.size(), time(g.last().getStartedAt(), zone)));
                rowsHold += g.count();
            }
            List<ConsoleFinding> console = unlinkedByEvidence.getOrDefault(id, List.of());
            List<SignalGroup> signals = signalsByEvidence.getOrDefault(id, Map.of()).entrySet().stream()
                    .map(g -> new SignalGroup(g.getKey(), g.getValue())).limit(LISTED).toList();
            attachments.add(new Attachment(e, failures, failing.size() - rowsHold,
                    console.stream().limit(LISTED).toList(), Math.max(0, console.size() - LISTED),
                    linkedByEvidence.getOrDefault(id, 0),
                    List.copyOf(idsByEvidence.getOrDefault(id, Set.of())).stream().limit(LISTED).toList(),
                    signals));
        }
        return attachments;
    }

    /**
     * A HAR time as the reporter knows it: in their time zone with UTC beside it ("2026-01-07 15:23:59
     * Europe/Istanbul (12:23:59 UTC)"), or in UTC alone when no zone was given.
     */
    static String time(String iso, ZoneId zone) {
        if (zone == null || iso == null) {
            return utc(iso);
        }
        try {
            OffsetDateTime at = OffsetDateTime.parse(iso);
            return LOCAL.format(at.atZoneSameInstant(zone)) + " " + zone.getId() + " ("
                    + CLOCK.format(at.atZoneSameInstant(ZoneOffset.UTC)) + " UTC)";
        } catch (DateTimeException e) {
            return iso;
        }
    }

    private static ZoneId zone(String timeZone) {
        if (timeZone == null || timeZone.isBlank()) {
            return null;
        }
        try {
            ZoneId zone = ZoneId.of(timeZone.trim());
            return zone.normalized().equals(ZoneOffset.UTC) ? null : zone;
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** An ISO time from a HAR, in UTC; as written when it is not ISO. */
    static String utc(String iso) {
        if (iso == null) {
            return "";
        }
        try {
            return UTC.format(OffsetDateTime.parse(iso).atZoneSameInstant(ZoneOffset.UTC));
        } catch (DateTimeException e) {
            return iso;
        }
    }
}
