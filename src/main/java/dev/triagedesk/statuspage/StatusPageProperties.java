package dev.triagedesk.statuspage;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the vendor's status page import ({@code triage.status-page.*}).
 *
 * @param url        the status page's base address (e.g. {@code https://status.example.com}); blank: no import
 * @param interval   how long to wait between two polls
 * @param timeout    connect and read timeout of one request
 * @param components per product (its enum name), the component names that stand for it, matched case-insensitively
 *                   as a substring of the vendor's component name; products not listed use the defaults
 */
@ConfigurationProperties("triage.status-page")
public record StatusPageProperties(String url, @DefaultValue("5m") Duration interval,
                                   @DefaultValue("10s") Duration timeout, Map<String, List<String>> components) {

    /** Component names per product when the settings do not say. */
    static final Map<String, List<String>> DEFAULT_COMPONENTS = Map.of(
            "CHATGPT_WEB", List.of("ChatGPT"),
            "DESKTOP_APP", List.of("ChatGPT"),
            "MOBILE_APP", List.of("ChatGPT"),
            "OPENAI_API", List.of("API", "Chat Completions", "Responses"));

    public StatusPageProperties {
        url = url == null || url.isBlank() ? null : url.strip().replaceAll("/+$", "");
        if (interval == null || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("triage.status-page.interval must be a positive duration, e.g. 5m");
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("triage.status-page.timeout must be a positive duration, e.g. 10s");
        }
        components = components == null || components.isEmpty() ? DEFAULT_COMPONENTS : Map.copyOf(components);
    }

    public boolean enabled() {
        return url != null;
    }

    /** The component names that stand for a product (by its enum name); empty for one with none. */
    public List<String> componentsOf(String product) {
        return components.getOrDefault(product, DEFAULT_COMPONENTS.getOrDefault(product, List.of()));
    }
}
