package dev.triagedesk.webhook;

import java.util.Arrays;
import java.util.Optional;

/** What an endpoint can be told about. */
public enum WebhookEvent {
    TICKET_CREATED("ticket.created"),
    TICKET_STATUS_CHANGED("ticket.status_changed"),
    TICKET_REPORTER_REPLIED("ticket.reporter_replied"),
    INCIDENT_OPENED("incident.opened");

    private final String type;

    WebhookEvent(String type) {
        this.type = type;
    }

    public String type() {
        return type;
    }

    public static Optional<WebhookEvent> of(String type) {
        return Arrays.stream(values()).filter(e -> e.type.equals(type)).findFirst();
    }
}
