package dev.triagedesk.evidence.har;

import dev.triagedesk.evidence.redact.Redactor;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;

/**
 * What the parts of one HAR read share: the parser, the input file when it is read unchanged, the output, the
 * redactor, the analysis and the notes. Each half of a split read has its own.
 */
final class ReadState {

    final Redactor redactor;
    final HarReadOptions options;
    final HarOutput out;
    final EntryAnalysis analysis;
    final List<String> notes = new ArrayList<>();
    JsonParser p;
    /** The input file, when the parser reads it unchanged from its byte 0: bodies are then located and copied as bytes. */
    RawBytes raw;

    ReadState(Redactor redactor, HarFindings findings, HarReadOptions options, HarOutput out) {
        this.redactor = redactor;
        this.options = options;
        this.out = out;
        this.analysis = new EntryAnalysis(redactor, findings);
    }

    /** The current scalar as text, or null; a structure where a scalar belongs is consumed and read as null. */
    String scalar() {
        JsonToken t = p.currentToken();
        if (t == null || t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t.isStructStart()) {
            p.skipChildren();
            return null;
        }
        return p.getString();
    }

    String scalarText(JsonToken t) {
        return t == JsonToken.VALUE_NULL ? null : p.getString();
    }

    /** The current value as a tree; null for JSON null. */
    JsonNode tree() {
        return p.currentToken() == JsonToken.VALUE_NULL ? null : HarJson.TREES.readTree(p);
    }

    /** An object of scalars, read whole (cookies, parameters, WebSocket messages); nested values as trees. */
    List<FlatField> readFlat() {
        List<FlatField> fields = new ArrayList<>(6);
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            fields.add(t.isStructStart() ? new FlatField(name, null, t, tree()) : new FlatField(name, scalarText(t), t, null));
        }
        return fields;
    }

    /** The current value copied to the output, or skipped. */
    void copyOrSkip(String name) {
        out.copyOrSkip(p, name);
    }

    static String text(JsonNode node, String field) {
        if (node == null) {
            return null;
        }
        JsonNode v = node.get(field);
        return v == null || v.isNull() || v.isContainer() ? null : v.asString();
    }

    /** The note on bodies too large to parse, written when such a body was redacted as text. */
    void noteLargeBody() {
        notes.add("Bodies larger than " + (options.maxBodyInMemory() >> 20) + " M characters were redacted"
                + " as text, not parsed as JSON.");
    }
}
