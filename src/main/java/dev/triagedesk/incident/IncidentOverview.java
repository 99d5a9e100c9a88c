package dev.triagedesk.incident;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything the incident page and the API show of an incident: its members, how they spread (products, reporters'
 * time zones, networks and isolation results), the verdict paths of its tickets, and a sample of request IDs with
 * their times and statuses (what the vendor's support looks calls up by).
 *
 * @param isolation for each isolation step: how many reporters said it works, still fails
 */
public record IncidentOverview(Incident incident, List<IncidentTicket> members, Map<String, Long> verdicts,
                               Map<String, Long> products, Map<String, Long> timeZones, Map<String, Long> networks,
                               Map<String, Isolation> isolation, List<RequestSample> requestIds, long requestIdCount) {

    /** How many reporters found an isolation step works, and how many found it still fails. */
    public record Isolation(long works, long stillFails) {
    }

    /** A request ID of a member ticket, with the time and status of the call it names when known. */
    public record RequestSample(String ticketReference, String name, String value, Instant at, Integer status) {
    }

    /** Failure times and submission times of the members, for the chart. */
    public List<Instant> failureTimes() {
        return members.stream().map(IncidentTicket::getFailureAt).toList();
    }

    public List<Instant> reportTimes() {
        return members.stream().map(m -> m.getTicket().getSubmittedAt()).filter(java.util.Objects::nonNull).toList();
    }

    /** Distinct reporters by e-mail (those who gave none count one each). */
    public long reporters() {
        return members.stream().map(m -> m.getTicket().getReporterEmail() == null ? "#" + m.getTicketId()
                : m.getTicket().getReporterEmail().trim().toLowerCase(java.util.Locale.ROOT)).distinct().count();
    }

    /** Members whose ticket is not resolved or closed. */
    public long openTickets() {
        return members.stream().filter(m -> !IncidentGrouping.SETTLED.contains(m.getTicket().getStatus())).count();
    }
}
