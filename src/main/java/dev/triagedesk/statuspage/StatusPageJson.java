package dev.triagedesk.statuspage;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the Statuspage JSON format ({@code /api/v2/incidents.json}, {@code /api/v2/components.json}). Unknown
 * fields are ignored; an entry without an id, a name or a creation time is skipped rather than failing the whole
 * page.
 */
final class StatusPageJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Component(String id, String name, String status) {
    }

    private StatusPageJson() {
    }

    static List<OfficialIncident> incidents(String body, String baseUrl) {
        List<OfficialIncident> incidents = new ArrayList<>();
        for (JsonNode node : JSON.readTree(body).path("incidents")) {
            String id = text(node, "id");
            String name = text(node, "name");
            Instant created = time(node, "created_at");
            if (id == null || name == null || created == null) {
                continue;
            }
            List<String> components = new ArrayList<>();
            for (JsonNode component : node.path("components")) {
                String componentName = text(component, "name");
                if (componentName != null) {
                    components.add(componentName);
                }
            }
            String shortlink = text(node, "shortlink");
            String link = shortlink != null && shortlink.startsWith("https://") ? shortlink
                    : baseUrl + "/incidents/" + java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8);
            incidents.add(new OfficialIncident(id, name, orElse(text(node, "status"), "unknown"),
                    orElse(text(node, "impact"), "none"), created, time(node, "resolved_at"), components, link));
        }
        return incidents;
    }

    static List<Component> components(String body) {
        List<Component> components = new ArrayList<>();
        for (JsonNode node : JSON.readTree(body).path("components")) {
            String id = text(node, "id");
            String name = text(node, "name");
            if (id != null && name != null) {
                components.add(new Component(id, name, orElse(text(node, "status"), "unknown")));
            }
        }
        return components;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isString() && !value.asString().isBlank() ? value.asString() : null;
    }

    private static Instant time(JsonNode node, String field) {
        String text = text(node, field);
        try {
            return text == null ? null : OffsetDateTime.parse(text).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private static String orElse(String value, String fallback) {
        return value != null ? value : fallback;
    }
}
