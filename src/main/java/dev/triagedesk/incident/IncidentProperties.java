package dev.triagedesk.incident;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of incidents ({@code triage.incidents.*}).
 *
 * @param window how near two reports' failure times must be to join one incident, and how long an incident stays
 *               open to new reports after the last one joined
 */
@ConfigurationProperties("triage.incidents")
public record IncidentProperties(@DefaultValue("30m") Duration window) {

    public IncidentProperties {
        if (window == null || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("triage.incidents.window must be a positive duration, e.g. 30m");
        }
    }
}
