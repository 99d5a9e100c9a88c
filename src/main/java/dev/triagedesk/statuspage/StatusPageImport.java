package dev.triagedesk.statuspage;

import java.net.http.HttpClient;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Polls the vendor's status page politely: once per interval, each document asked for with the ETag of the last
 * answer ({@code If-None-Match}), so an unchanged page costs a 304 and changes nothing. A failure (unreachable,
 * timeout, an error status, a body that is not the format) logs one WARN line and keeps what was imported before.
 * An incident imported for the first time is announced ({@link OfficialIncidentAppeared}). Does nothing while
 * {@code triage.status-page.url} is unset.
 */
@Component
@EnableScheduling
@EnableConfigurationProperties(StatusPageProperties.class)
public class StatusPageImport {

    private static final Logger log = LoggerFactory.getLogger(StatusPageImport.class);
    static final String INCIDENTS = "/api/v2/incidents.json";
    static final String COMPONENTS = "/api/v2/components.json";

    /** What one poll did with one document. */
    enum Outcome { IMPORTED, UNCHANGED, FAILED, OFF }

    private final StatusPageProperties settings;
    private final OfficialIncidents store;
    private final RestClient client;
    private final ApplicationEventPublisher events;
    /** The last ETag per document; kept in memory, so a restart fetches each once in full. */
    private final Map<String, String> etags = new ConcurrentHashMap<>();

    StatusPageImport(StatusPageProperties settings, OfficialIncidents store, ApplicationEventPublisher events) {
        this.settings = settings;
        this.store = store;
        this.events = events;
        HttpClient http = HttpClient.newBuilder().connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
        requests.setReadTimeout(settings.timeout());
        this.client = RestClient.builder().requestFactory(requests)
                .defaultHeader(HttpHeaders.USER_AGENT, "triage-desk status-page import").build();
    }

    @Scheduled(initialDelayString = "${triage.status-page.initial-delay:PT20S}",
            fixedDelayString = "${triage.status-page.interval:PT5M}")
    void scheduled() {
        poll();
    }

    /** One poll of both documents (components, then incidents); returns what happened to the incidents. */
    public synchronized Outcome poll() {
        if (!settings.enabled()) {
            return Outcome.OFF;
        }
        // One warning per poll: when the first document fails, the second is not asked for.
        Outcome components = fetch(COMPONENTS);
        return components == Outcome.FAILED ? Outcome.FAILED : fetch(INCIDENTS);
    }

    private Outcome fetch(String path) {
        String url = settings.url() + path;
        try {
            ResponseEntity<String> response = client.get().uri(url)
                    .accept(MediaType.APPLICATION_JSON)
                    .headers(h -> {
                        String etag = etags.get(path);
                        if (etag != null) {
                            h.setIfNoneMatch(etag);
                        }
                    })
                    .retrieve()
                    .onStatus(status -> status.value() == HttpStatus.NOT_MODIFIED.value(), (request, answer) -> { })
                    .toEntity(String.class);
            if (response.getStatusCode().value() == HttpStatus.NOT_MODIFIED.value()) {
                return Outcome.UNCHANGED;
            }
            String body = response.getBody() == null ? "" : response.getBody();
            if (path.equals(INCIDENTS)) {
                // told after the import committed, so what listens reads the incident from the store
                store.storeIncidents(StatusPageJson.incidents(body, settings.url()))
                        .forEach(added -> events.publishEvent(new OfficialIncidentAppeared(added)));
            } else {
                store.storeComponents(StatusPageJson.components(body));
            }
            String etag = response.getHeaders().getETag();
            if (etag != null) {
                etags.put(path, etag);
            } else {
                etags.remove(path);
            }
            return Outcome.IMPORTED;
        } catch (RuntimeException e) {
            log.warn("Status page import of {} failed, keeping the last data: {}", url, oneLine(e));
            return Outcome.FAILED;
        }
    }

    private static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        message = message.replaceAll("\\s+", " ");
        return message.length() > 200 ? message.substring(0, 200) + "..." : message;
    }
}
