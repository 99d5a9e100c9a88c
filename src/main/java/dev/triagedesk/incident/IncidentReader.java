package dev.triagedesk.incident;

import dev.triagedesk.ticket.CheckResult;
import dev.triagedesk.ticket.RequestIdentifier;
import dev.triagedesk.ticket.WebChecks;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads incidents for the pages and the API: the list, and one incident with its members and spread. */
@Service
public class IncidentReader {

    /** Request IDs shown on the page and in the API's answer; the exports hold every one. */
    static final int REQUEST_ID_SAMPLE = 20;

    private final IncidentRepository incidents;
    private final IncidentTicketRepository members;
    private final IncidentService service;
    private final EntityManager entities;

    IncidentReader(IncidentRepository incidents, IncidentTicketRepository members, IncidentService service,
                   EntityManager entities) {
        this.members = members;
        this.incidents = incidents;
        this.service = service;
        this.entities = entities;
    }

    /** Incidents not merged into another, the latest failure first; {@code status} null for every status. */
    @Transactional(readOnly = true)
    public Page<Incident> list(dev.triagedesk.ticket.TicketStatus status, int page, int size) {
        Page<Incident> result = incidents.findListed(status, PageRequest.of(Math.max(0, page),
                Math.max(1, Math.min(200, size)), Sort.by(Sort.Order.desc("lastFailureAt"), Sort.Order.desc("id"))));
        result.forEach(i -> {
            if (i.getAssignee() != null) {
                i.getAssignee().getUsername();
            }
        });
        return result;
    }

    /**
     * The incidents the queue's incident view lists, the latest failure first: each filter null for any;
     * {@code assignee} -1 for nobody; failures from {@code from} (inclusive) to {@code to} (exclusive).
     */
    @Transactional(readOnly = true)
    public Page<Incident> filtered(dev.triagedesk.ticket.TicketStatus status, dev.triagedesk.evidence.TriagePath verdict,
                                   dev.triagedesk.ticket.Product product, Long assignee, java.time.Instant from,
                                   java.time.Instant to, int page, int size) {
        Page<Incident> result = incidents.findFiltered(status, verdict, product, assignee, from, to,
                PageRequest.of(Math.max(0, page), Math.max(1, Math.min(200, size)),
                        Sort.by(Sort.Order.desc("lastFailureAt"), Sort.Order.desc("id"))));
        result.forEach(i -> {
            if (i.getAssignee() != null) {
                i.getAssignee().getUsername();
            }
        });
        return result;
    }

    /** Tickets on one page of the incident page's table. */
    public static final int MEMBERS_PER_PAGE = 50;

    /** The incident (following merges) with everything about it, and the first page of its tickets. */
    @Transactional(readOnly = true)
    public Optional<IncidentOverview> overview(String reference) {
        return overview(reference, 0);
    }

    /** As {@link #overview(String)}, with page {@code page} (0-based) of its tickets. */
    @Transactional(readOnly = true)
    public Optional<IncidentOverview> overview(String reference, int page) {
        return service.find(reference).map(i -> overview(i, page));
    }

    /**
     * Counted from one query of plain columns for every ticket; only the page of tickets the table shows is read as
     * entities (a thousand tickets as entities took most of the page's time).
     */
    private IncidentOverview overview(Incident incident, int page) {
        List<MemberFacts> facts = members.facts(incident);
        Map<String, Long> verdicts = new TreeMap<>();
        Map<String, Long> products = new TreeMap<>();
        Map<String, Long> zones = new TreeMap<>();
        Map<String, Long> networks = new TreeMap<>();
        Map<String, long[]> isolation = new LinkedHashMap<>();
        List<IncidentOverview.Member> tickets = new ArrayList<>(facts.size());
        List<Instant> reported = new ArrayList<>(facts.size());
        Set<String> reporters = new HashSet<>();
        long open = 0;
        for (MemberFacts t : facts) {
            tickets.add(new IncidentOverview.Member(t.ticketId(), t.reference(), t.failureAt()));
            if (t.submittedAt() != null) {
                reported.add(t.submittedAt());
            }
            reporters.add(t.reporterEmail() == null || t.reporterEmail().isBlank() ? "#" + t.ticketId()
                    : t.reporterEmail().trim().toLowerCase(Locale.ROOT));
            if (!IncidentGrouping.SETTLED.contains(t.status())) {
                open++;
            }
            verdicts.merge(t.verdictPath() == null ? "not determined" : t.verdictPath().label(), 1L, Long::sum);
            products.merge(t.product() == null ? "not given" : t.product().label(), 1L, Long::sum);
            zones.merge(t.timeZone() == null || t.timeZone().isBlank() ? "not given" : t.timeZone(), 1L, Long::sum);
            WebChecks checks = t.checks() == null ? new WebChecks() : t.checks();
            CheckResult network = checks.getOtherNetwork();
            networks.merge(network == null || network == CheckResult.NOT_TRIED ? "not tried"
                    : "another network " + network.label(), 1L, Long::sum);
            checks.asMap().forEach((step, result) -> {
                long[] counts = isolation.computeIfAbsent(step, k -> new long[2]);
                if (result == CheckResult.WORKS) {
                    counts[0]++;
                } else if (result == CheckResult.STILL_FAILS) {
                    counts[1]++;
                }
            });
        }
        Map<String, IncidentOverview.Isolation> tried = new LinkedHashMap<>();
        isolation.forEach((step, c) -> {
            if (c[0] + c[1] > 0) {
                tried.put(step, new IncidentOverview.Isolation(c[0], c[1]));
            }
        });
        int pages = Math.max(1, (facts.size() + MEMBERS_PER_PAGE - 1) / MEMBERS_PER_PAGE);
        int shown = Math.min(Math.max(0, page), pages - 1);
        List<Long> pageIds = members.pageIds(incident, PageRequest.of(shown, MEMBERS_PER_PAGE));
        List<IncidentTicket> onPage = pageIds.isEmpty() ? List.of() : new ArrayList<>(members.withTickets(pageIds));
        onPage.sort(java.util.Comparator.comparing((IncidentTicket m) -> pageIds.indexOf(m.getTicketId())));
        List<IncidentOverview.RequestSample> sample = sample(tickets, REQUEST_ID_SAMPLE);
        long count = members.requestIdCount(incident, RequestIdentifier.CONVERSATION);
        return new IncidentOverview(incident, onPage, shown, pages, tickets, open, reporters.size(), reported,
                verdicts, products, zones, networks, tried, sample, count);
    }

    /**
     * Up to {@code max} request IDs of the tickets that failed first, in the order they were stored: read a few
     * tickets at a time, so a sample of an incident of thousands reads a handful of tickets' identifiers.
     */
    private List<IncidentOverview.RequestSample> sample(List<IncidentOverview.Member> tickets, int max) {
        List<Object[]> rows = new ArrayList<>();
        int step = Math.max(1, max);
        for (int from = 0; from < tickets.size() && rows.size() < max; from += step) {
            rows.addAll(identifierRows(tickets.subList(from, Math.min(tickets.size(), from + step)).stream()
                    .map(IncidentOverview.Member::ticketId).toList()));
        }
        return samples(rows, max);
    }

    /**
     * Request IDs of these tickets (conversation IDs left out: they name a chat, not a call), at most {@code max},
     * with the time and status of the call each names.
     */
    @Transactional(readOnly = true)
    public List<IncidentOverview.RequestSample> requestIds(List<Long> ticketIds, int max) {
        return samples(identifierRows(ticketIds), max);
    }

    /** Tickets' ids in one query at most: a list this long is still a plain index lookup for every database. */
    private static final int IDS_PER_QUERY = 500;

    /**
     * The request IDs of these tickets, in the order they were stored: each chunk of tickets is one lookup of the
     * identifiers' ticket index. (One query with {@code order by r.id} and a limit made H2 walk every identifier of
     * every ticket in id order, testing each against the list: seconds for an incident of 1,000 tickets.)
     */
    private List<Object[]> identifierRows(List<Long> ticketIds) {
        List<Object[]> rows = new ArrayList<>();
        for (int from = 0; from < ticketIds.size(); from += IDS_PER_QUERY) {
            List<Long> chunk = ticketIds.subList(from, Math.min(ticketIds.size(), from + IDS_PER_QUERY));
            rows.addAll(entities.createQuery("select r.id, t.reference, r.name, r.value, f.startedAt, f.status"
                            + " from RequestIdentifier r join r.ticket t left join r.failingRequest f"
                            + " where r.ticket.id in :ids and r.name <> :conversation", Object[].class)
                    .setParameter("ids", chunk).setParameter("conversation", RequestIdentifier.CONVERSATION)
                    .getResultList());
        }
        rows.sort(java.util.Comparator.comparingLong(r -> ((Number) r[0]).longValue()));
        return rows;
    }

    private static List<IncidentOverview.RequestSample> samples(List<Object[]> rows, int max) {
        List<IncidentOverview.RequestSample> out = new ArrayList<>(Math.min(rows.size(), max));
        for (Object[] r : rows.subList(0, Math.min(rows.size(), Math.max(0, max)))) {
            Instant at = FailureTime.parse((String) r[4]);
            out.add(new IncidentOverview.RequestSample((String) r[1], (String) r[2], (String) r[3], at,
                    (Integer) r[5]));
        }
        return out;
    }
}
