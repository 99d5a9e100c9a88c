package dev.triagedesk.evidence.har;

import java.util.List;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;

/**
 * Where the reader writes what it reads: the sanitized copy ({@link SanitizedCopy}), or nowhere when it only
 * analyzes ({@link #NONE}). The reader calls both alike, so its code reads as one walk of the HAR.
 */
interface HarOutput {

    /** Analysis alone: writes nothing, and skips what it is asked to copy. */
    HarOutput NONE = new Nowhere();

    /** Whether anything is written: the reader then reads values it would otherwise skip undecoded. */
    boolean writing();

    void startObject();

    void endObject();

    void startArray();

    void endArray();

    void name(String name);

    /** A string as it is (null as JSON null). */
    void string(String s);

    /** A scalar read with {@link ReadState#scalar()} written back exactly as it was ({@code t} is its token). */
    void keep(JsonToken t, String raw);

    /** Free text (statusText, _error) after redaction; other scalars as they were. */
    void text(JsonToken t, String raw);

    /** The parser's current value, with the redaction any JSON gets (names and text); skipped when not writing. */
    void copyOrSkip(JsonParser p, String name);

    /** A structure read ahead as a tree, with the redaction any JSON gets. */
    void tree(JsonNode node, String name);

    /** A field read ahead with {@link ReadState#readFlat()}: free text redacted, mimeType and encoding as they are. */
    void flatValue(FlatField ff);

    /** A flat object read ahead (a cookie, a parameter, a WebSocket message), its {@code secretField} redacted. */
    default void flatObject(List<FlatField> fields, String secretField, FlatField.Redaction redaction) {
        startObject();
        for (FlatField ff : fields) {
            name(ff.name());
            if (ff.name().equals(secretField) && ff.type() == JsonToken.VALUE_STRING) {
                string(redaction.redact(fields, ff.text()));
            } else {
                flatValue(ff);
            }
        }
        endObject();
    }

    /** Starts a unit (an entry, a member of the log) that a lenient read drops whole if the file breaks inside it. */
    void beginUnit();

    void commitUnit();

    /** The no-op output of analysis. */
    final class Nowhere implements HarOutput {
        private Nowhere() {
        }

        @Override
        public boolean writing() {
            return false;
        }

        @Override
        public void startObject() {
        }

        @Override
        public void endObject() {
        }

        @Override
        public void startArray() {
        }

        @Override
        public void endArray() {
        }

        @Override
        public void name(String name) {
        }

        @Override
        public void string(String s) {
        }

        @Override
        public void keep(JsonToken t, String raw) {
        }

        @Override
        public void text(JsonToken t, String raw) {
        }

        @Override
        public void copyOrSkip(JsonParser p, String name) {
            if (p.currentToken().isStructStart()) {
                p.skipChildren();
            }
        }

        @Override
        public void tree(JsonNode node, String name) {
        }

        @Override
        public void flatValue(FlatField ff) {
        }

        @Override
        public void flatObject(List<FlatField> fields, String secretField, FlatField.Redaction redaction) {
        }

        @Override
        public void beginUnit() {
        }

        @Override
        public void commitUnit() {
        }
    }
}
