package dev.triagedesk.evidence.har;

import java.util.List;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;

/**
 * A field read ahead of writing: a scalar ({@code text}, null for JSON null) or a small structure ({@code tree}). The
 * two constants mark where a body's held {@code text} and its {@code params} go in the field order (compared by
 * identity).
 */
record FlatField(String name, String text, JsonToken type, JsonNode tree) {

    static final FlatField TEXT = new FlatField("text", null, JsonToken.VALUE_STRING, null);
    static final FlatField PARAMS = new FlatField("params", null, JsonToken.START_ARRAY, null);

    /** How the secret field of a flat object is redacted, knowing the object's other fields. */
    @FunctionalInterface
    interface Redaction {
        String redact(List<FlatField> fields, String value);
    }

    /** The string value of the field {@code name}, or null. */
    static String valueOf(List<FlatField> fields, String name) {
        for (FlatField ff : fields) {
            if (ff.name().equals(name) && ff.type() == JsonToken.VALUE_STRING) {
                return ff.text();
            }
        }
        return null;
    }

    /** Whether this is a field of a body object whose value says how to read the body (kept as it is). */
    boolean describesBody() {
        return name.equals("mimeType") || name.equals("encoding");
    }
}
