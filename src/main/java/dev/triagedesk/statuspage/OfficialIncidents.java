package dev.triagedesk.statuspage;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The vendor's incidents as last imported, and which of them covered a failure. What other packages ask of the
 * status page goes through here.
 */
@Component
public class OfficialIncidents {

    /** An official incident that covered a failure, with the component of the product it named. */
    public record Coverage(OfficialIncident incident, String component) {
    }

    private static final String SELECT = "SELECT id, name, status, impact, created_at, resolved_at, components, link"
            + " FROM official_incident";
    private static final char SEPARATOR = '\n';

    private final JdbcTemplate jdbc;
    private final StatusPageProperties settings;
    private final Clock clock;

    OfficialIncidents(JdbcTemplate jdbc, StatusPageProperties settings, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * The official incident for the product's component (by its enum name) open at some moment between from and to,
     * the earliest first; empty when none did, when the times are unknown, or when no status page is set.
     */
    public Optional<Coverage> covering(String product, Instant from, Instant to) {
        if (product == null || from == null) {
            return Optional.empty();
        }
        Instant end = to == null ? from : to;
        List<String> names = settings.componentsOf(product);
        if (names.isEmpty()) {
            return Optional.empty();
        }
        List<OfficialIncident> candidates = jdbc.query(SELECT
                        + " WHERE created_at <= ? AND (resolved_at IS NULL OR resolved_at >= ?) ORDER BY created_at",
                (rs, i) -> row(rs), Timestamp.from(end), Timestamp.from(from));
        for (OfficialIncident incident : candidates) {
            String component = incident.componentMatching(names);
            if (component != null) {
                return Optional.of(new Coverage(incident, component));
            }
        }
        return Optional.empty();
    }

    /** The component of this incident that stands for the product (by its enum name), or null when none does. */
    public String componentFor(String product, OfficialIncident incident) {
        List<String> names = product == null ? List.of() : settings.componentsOf(product);
        return names.isEmpty() ? null : incident.componentMatching(names);
    }

    /** Every imported incident, the newest first. */
    public List<OfficialIncident> all() {
        return jdbc.query(SELECT + " ORDER BY created_at DESC, id", (rs, i) -> row(rs));
    }

    /** The imported components: id, name and status. */
    List<StatusPageJson.Component> components() {
        return jdbc.query("SELECT id, name, status FROM status_component ORDER BY name",
                (rs, i) -> new StatusPageJson.Component(rs.getString(1), rs.getString(2), rs.getString(3)));
    }

    /**
     * Replaces the incidents with what the status page lists now (it lists recent ones: older ones stay); returns
     * those imported for the first time.
     */
    @Transactional
    List<OfficialIncident> storeIncidents(List<OfficialIncident> incidents) {
        Timestamp now = Timestamp.from(clock.instant());
        List<OfficialIncident> added = new java.util.ArrayList<>();
        for (OfficialIncident incident : incidents) {
            if (jdbc.update("DELETE FROM official_incident WHERE id = ?", cut(incident.id(), 64)) == 0) {
                added.add(incident);
            }
            jdbc.update("INSERT INTO official_incident (id, name, status, impact, created_at, resolved_at, components,"
                            + " link, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    cut(incident.id(), 64), cut(incident.name(), 500), cut(incident.status(), 40), cut(incident.impact(), 40),
                    Timestamp.from(incident.createdAt()),
                    incident.resolvedAt() == null ? null : Timestamp.from(incident.resolvedAt()),
                    cut(String.join(String.valueOf(SEPARATOR), incident.components()), 2000),
                    cut(incident.link(), 1000), now);
        }
        return added;
    }

    /** Replaces the components with what the status page lists now. */
    @Transactional
    void storeComponents(List<StatusPageJson.Component> components) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("DELETE FROM status_component");
        for (StatusPageJson.Component component : components) {
            jdbc.update("INSERT INTO status_component (id, name, status, imported_at) VALUES (?, ?, ?, ?)",
                    cut(component.id(), 64), cut(component.name(), 500), cut(component.status(), 40), now);
        }
    }

    private static OfficialIncident row(java.sql.ResultSet rs) throws java.sql.SQLException {
        Timestamp resolved = rs.getTimestamp("resolved_at");
        String components = rs.getString("components");
        return new OfficialIncident(rs.getString("id"), rs.getString("name"), rs.getString("status"),
                rs.getString("impact"), rs.getTimestamp("created_at").toInstant(),
                resolved == null ? null : resolved.toInstant(),
                components.isEmpty() ? List.of() : Arrays.asList(components.split(String.valueOf(SEPARATOR))),
                rs.getString("link"));
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
