package dev.triagedesk.incident;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything the incident page and the API show of an incident: one page of its tickets (the entities the table
 * shows), every ticket as a light row (reference and failure time, for the API and the exports), how they spread
 * (products, reporters' time zones, networks and isolation results), the verdict paths of its tickets, and a
 * sample of request IDs with their times and statuses (what the vendor's support looks calls up by).
 *
 * @param members        the tickets of page {@code page} (0-based) of {@code pages}, in the order their failures
 *                       happened
 * @param tickets        every ticket of the incident, in the same order
 * @param openTickets    tickets not resolved or closed
 * @param reporters      distinct reporters by e-mail (those who gave none count one each)
 * @param reportTimes    when the tickets were submitted, for the chart
 * @param isolation      for each isolation step: how many reporters said it works, still fails
 * @param requestIdCount request IDs of all its tickets (conversation IDs left out)
 */
public record IncidentOverview(Incident incident, List<IncidentTicket> members, int page, int pages,
                               List<Member> tickets, long openTickets, long reporters, List<Instant> reportTimes,
                               Map<String, Long> verdicts, Map<String, Long> products, Map<String, Long> timeZones,
                               Map<String, Long> networks, Map<String, Isolation> isolation,
                               List<RequestSample> requestIds, long requestIdCount) {

    /** A ticket of the incident as the lists of every ticket need it. */
    public record Member(long ticketId, String reference, Instant failureAt) {
    }

    /** How many reporters found an isolation step works, and how many found it still fails. */
    public record Isolation(long works, long stillFails) {
    }

    /** A request ID of a member ticket, with the time and status of the call it names when known. */
    public record RequestSample(String ticketReference, String name, String value, Instant at, Integer status) {
    }

    /** Failure times of every ticket, for the chart. */
    public List<Instant> failureTimes() {
        return tickets.stream().map(Member::failureAt).toList();
    }

    public List<Long> ticketIds() {
        return tickets.stream().map(Member::ticketId).toList();
    }

    public List<String> ticketReferences() {
        return tickets.stream().map(Member::reference).toList();
    }

    /** The page numbers people see (1-based) before and after this one; 0 when there is none. */
    public int previousPage() {
        return page > 0 ? page : 0;
    }

    public int nextPage() {
        return page + 1 < pages ? page + 2 : 0;
    }
}
