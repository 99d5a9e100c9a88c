package dev.triagedesk.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** An address told about events, and its secret (sealed: see {@link WebhookSecrets}). */
@Entity
@Table(name = "webhook_endpoint")
public class WebhookEndpoint {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(length = 2000, nullable = false)
    private String url;
    /** Event types, separated by commas. */
    @Column(length = 500, nullable = false)
    private String events;
    @Column(name = "sealed_secret", length = 500, nullable = false)
    private String sealedSecret;
    @Column(nullable = false)
    private boolean enabled;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected WebhookEndpoint() {
    }

    WebhookEndpoint(String url, Set<WebhookEvent> events, String sealedSecret, Instant now) {
        this.url = url;
        this.events = events.stream().map(WebhookEvent::type).sorted().collect(Collectors.joining(","));
        this.sealedSecret = sealedSecret;
        this.enabled = true;
        this.createdAt = now;
    }

    public boolean wants(WebhookEvent event) {
        return enabled && Arrays.asList(events.split(",")).contains(event.type());
    }

    public Long getId() {
        return id;
    }

    public String getUrl() {
        return url;
    }

    public String getEvents() {
        return events;
    }

    String getSealedSecret() {
        return sealedSecret;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
