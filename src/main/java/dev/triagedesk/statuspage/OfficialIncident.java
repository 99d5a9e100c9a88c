package dev.triagedesk.statuspage;

import java.time.Instant;
import java.util.List;

/**
 * An incident as the vendor's status page published it.
 *
 * @param id         the vendor's id
 * @param name       its title
 * @param status     investigating, identified, monitoring, resolved, postmortem...
 * @param impact     none, minor, major, critical, maintenance
 * @param createdAt  when it was opened
 * @param resolvedAt when it was resolved; null while it is not
 * @param components the names of the components it affected
 * @param link       its page on the status site
 */
public record OfficialIncident(String id, String name, String status, String impact, Instant createdAt,
                               Instant resolvedAt, List<String> components, String link) {

    public OfficialIncident {
        components = List.copyOf(components);
    }

    /** Whether it was open at some moment between from and to (inclusive); an unresolved one is open still. */
    public boolean overlaps(Instant from, Instant to) {
        return !createdAt.isAfter(to) && (resolvedAt == null || !resolvedAt.isBefore(from));
    }

    /** The first of its components whose name contains one of the given names (case-insensitive), or null. */
    public String componentMatching(List<String> names) {
        for (String component : components) {
            String lower = component.toLowerCase(java.util.Locale.ROOT);
            for (String name : names) {
                if (lower.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                    return component;
                }
            }
        }
        return null;
    }
}
