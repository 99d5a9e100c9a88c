package dev.triagedesk.webhook;

import dev.triagedesk.conversation.ReporterReplied;
import dev.triagedesk.incident.IncidentOpened;
import dev.triagedesk.notification.Outbox;
import dev.triagedesk.notification.OutboxMessage;
import dev.triagedesk.ticket.Ticket;
import dev.triagedesk.ticket.TicketRepository;
import dev.triagedesk.ticket.TicketStatusChanged;
import dev.triagedesk.ticket.TicketSubmitted;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The endpoints and what they are sent. A delivery is queued in the outbox in the transaction of what happened,
 * one per endpoint that wants the event; its body names the ticket by reference and says what changed, nothing
 * the reporter wrote or the evidence holds.
 */
@Service
public class Webhooks {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** An address that is not an absolute https URL (or http, where allowed), or no event chosen. */
    public static final class InvalidEndpointException extends IllegalArgumentException {
        InvalidEndpointException(String why) {
            super(why);
        }
    }

    /** A new endpoint and its secret, shown this once. */
    public record Registered(WebhookEndpoint endpoint, String secret) {
    }

    private final WebhookEndpointRepository endpoints;
    private final WebhookSecrets secrets;
    private final Outbox outbox;
    private final TicketRepository tickets;
    private final Clock clock;
    private final boolean allowHttp;

    Webhooks(WebhookEndpointRepository endpoints, WebhookSecrets secrets, Outbox outbox, TicketRepository tickets,
             Clock clock, @Value("${triage.webhooks.allow-http:false}") boolean allowHttp) {
        this.endpoints = endpoints;
        this.secrets = secrets;
        this.outbox = outbox;
        this.tickets = tickets;
        this.clock = clock;
        this.allowHttp = allowHttp;
    }

    @Transactional(readOnly = true)
    public List<WebhookEndpoint> all() {
        return endpoints.findAllByOrderByIdAsc();
    }

    @Transactional
    public Registered register(String url, Set<WebhookEvent> events) {
        String address = url == null ? "" : url.strip();
        try {
            URI uri = new URI(address);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("https") || allowHttp && scheme.equals("http")) || uri.getHost() == null
                    || uri.getRawUserInfo() != null || address.length() > 2000) {
                throw new InvalidEndpointException("an https address");
            }
        } catch (URISyntaxException e) {
            throw new InvalidEndpointException("an https address");
        }
        if (events.isEmpty()) {
            throw new InvalidEndpointException("at least one event");
        }
        String secret = secrets.newSecret();
        WebhookEndpoint e = endpoints.save(new WebhookEndpoint(address, events, secrets.seal(secret),
                clock.instant()));
        return new Registered(e, secret);
    }

    @Transactional
    public boolean remove(long id) {
        if (!endpoints.existsById(id)) {
            return false;
        }
        endpoints.deleteById(id);
        return true;
    }

    @EventListener
    void created(TicketSubmitted submitted) {
        send(WebhookEvent.TICKET_CREATED, submitted.ticketId(), Map.of());
    }

    @EventListener
    void statusChanged(TicketStatusChanged changed) {
        send(WebhookEvent.TICKET_STATUS_CHANGED, changed.ticketId(), Map.of(
                "from", changed.from().name().toLowerCase(Locale.ROOT),
                "to", changed.to().name().toLowerCase(Locale.ROOT)));
    }

    @EventListener
    void reporterReplied(ReporterReplied replied) {
        send(WebhookEvent.TICKET_REPORTER_REPLIED, replied.ticketId(), Map.of());
    }

    /** The incident's reference and title (made from the fingerprint), and the reference of the first ticket. */
    @EventListener
    void incidentOpened(IncidentOpened opened) {
        List<WebhookEndpoint> wanting = wanting(WebhookEvent.INCIDENT_OPENED);
        if (wanting.isEmpty()) {
            return;
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("reference", opened.reference());
        data.put("title", opened.title());
        data.put("ticket", tickets.findById(opened.ticketId()).orElseThrow().getReference());
        queue(WebhookEvent.INCIDENT_OPENED, opened.ticketId(), data, wanting);
    }

    private List<WebhookEndpoint> wanting(WebhookEvent event) {
        return endpoints.findByEnabledTrue().stream().filter(e -> e.wants(event)).toList();
    }

    private void send(WebhookEvent event, long ticketId, Map<String, String> extra) {
        List<WebhookEndpoint> wanting = wanting(event);
        if (wanting.isEmpty()) {
            return;
        }
        Ticket t = tickets.findById(ticketId).orElseThrow();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("reference", t.getReference());
        data.put("status", t.getStatus() == null ? null : t.getStatus().name().toLowerCase(Locale.ROOT));
        data.putAll(extra);
        queue(event, ticketId, data, wanting);
    }

    private void queue(WebhookEvent event, long ticketId, Map<String, Object> data, List<WebhookEndpoint> wanting) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", UUID.randomUUID().toString());
        body.put("type", event.type());
        body.put("timestamp", clock.instant().toString());
        body.put("data", data);
        String json = JSON.writeValueAsString(body);
        for (WebhookEndpoint e : wanting) {
            outbox.queue(OutboxMessage.Channel.WEBHOOK, event.type(), ticketId, Long.toString(e.getId()), json);
        }
    }
}
