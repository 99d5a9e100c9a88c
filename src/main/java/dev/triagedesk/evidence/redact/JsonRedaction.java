package dev.triagedesk.evidence.redact;

import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.function.Supplier;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * A JSON document redacted in two passes. The first reads it and asks the {@link Redactor} about each value once,
 * noting the replacements; only when something was replaced does the second pass write the copy, putting them in.
 * Most bodies hold nothing secret, and writing a copy only to throw it away was most of the work of redacting them.
 * The copy is written as a single pass wrote it: same generator, same values. Not thread-safe (one per redactor).
 */
final class JsonRedaction {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private final Redactor redactor;
    private final EncodedNames names;
    /** The first pass's replacements: {@code replacements[i]} for the {@code positions[i]}-th scalar value. */
    private int[] positions = new int[8];
    private String[] replacements = new String[8];
    private int replaced;
    /** Scalar values (strings, numbers, literals) met so far in the current pass. */
    private int scalars;
    /** Whether a document is being redacted: a value may hold another (GraphQL variables in a URL in a string). */
    private boolean busy;

    JsonRedaction(Redactor redactor, EncodedNames names) {
        this.redactor = redactor;
        this.names = names;
    }

    /**
     * {@code text} redacted: the same string when nothing was secret, null when it is not one JSON value (then the
     * ledger is as before; what was learned stays learned, as a secret is a secret whatever the body turns out to be).
     */
    String redact(String text, Scope scope) {
        if (busy) {
            return new JsonRedaction(redactor, names).redact(text, scope);
        }
        return redact(() -> JSON.createParser(ObjectReadContext.empty(), text), scope, text, () -> write(text));
    }

    /** As {@link #redact(String, Scope)} for UTF-8 bytes: {@code b} itself when nothing was secret. */
    byte[] redact(byte[] b, int off, int len, Scope scope) {
        if (busy) {
            return new JsonRedaction(redactor, names).redact(b, off, len, scope);
        }
        return redact(() -> JSON.createParser(ObjectReadContext.empty(), b, off, len), scope, b,
                () -> write(b, off, len));
    }

    private <T> T redact(Supplier<JsonParser> parsers, Scope scope, T unchanged, Supplier<T> copy) {
        busy = true;
        RedactionLedger ledger = redactor.ledger();
        long before = ledger.total();
        replaced = 0;
        scalars = 0;
        ledger.begin(); // tentative: a body that turns out not to be JSON is redacted as text instead
        try {
            try (JsonParser p = parsers.get()) {
                if (p.nextToken() == null) {
                    ledger.rollback();
                    return null;
                }
                judge(p, null, null, scope);
                if (p.nextToken() != null) {
                    ledger.rollback();
                    return null; // several values (NDJSON and the like)
                }
            }
            T result = ledger.total() == before ? unchanged : copy.get();
            ledger.commit();
            return result;
        } catch (tools.jackson.core.JacksonException notJson) {
            ledger.rollback();
            return null;
        } finally {
            Arrays.fill(replacements, 0, replaced, null);
            busy = false;
        }
    }

    /** The first pass over the current value: what the redactor says of each scalar, replacements noted. */
    private void judge(JsonParser p, SecretKind kind, String name, Scope scope) {
        switch (p.currentToken()) {
            case START_OBJECT -> {
                while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                    String field = p.currentName();
                    p.nextToken();
                    SecretKind fieldKind = kind != null ? kind : SensitiveNames.classify(field, scope);
                    judge(p, fieldKind, kind != null ? name : field, scope);
                }
            }
            case START_ARRAY -> {
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    judge(p, kind, name, scope);
                }
            }
            case VALUE_STRING -> {
                String value = p.getString();
                String out = redactor.jsonString(kind, name, value, scope);
                note(out == value ? null : out);
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                if (kind != null && Redactor.secretEvenAsNumber(kind, scope)) {
                    note(redactor.replace("json-field", kind, name, p.getString()));
                } else {
                    note(null);
                }
            }
            default -> note(null);
        }
    }

    private void note(String replacement) {
        if (replacement != null) {
            if (replaced == positions.length) {
                positions = Arrays.copyOf(positions, replaced * 2);
                replacements = Arrays.copyOf(replacements, replaced * 2);
            }
            positions[replaced] = scalars;
            replacements[replaced++] = replacement;
        }
        scalars++;
    }

    /** The second pass: the copy with the noted replacements. */
    private String write(String text) {
        StringWriter sw = new StringWriter(text.length() + 64);
        scalars = 0;
        try (JsonParser p = JSON.createParser(ObjectReadContext.empty(), text);
             JsonGenerator g = JSON.createGenerator(ObjectWriteContext.empty(), sw)) {
            p.nextToken();
            copy(p, g, 0);
        }
        return sw.toString();
    }

    /** The second pass over UTF-8 bytes: the copy, compact, with the noted replacements. */
    private byte[] write(byte[] b, int off, int len) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(len + 64);
        scalars = 0;
        try (JsonParser p = JSON.createParser(ObjectReadContext.empty(), b, off, len);
             JsonGenerator g = JSON.createGenerator(ObjectWriteContext.empty(), out)) {
            p.nextToken();
            copy(p, g, 0);
        }
        return out.toByteArray();
    }

    /** Copies the current value; {@code next} is the index of the next replacement to put in. */
    private int copy(JsonParser p, JsonGenerator g, int next) {
        switch (p.currentToken()) {
            case START_OBJECT -> {
                g.writeStartObject();
                while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                    g.writeName(names.of(p.currentName()));
                    p.nextToken();
                    next = copy(p, g, next);
                }
                g.writeEndObject();
            }
            case START_ARRAY -> {
                g.writeStartArray();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    next = copy(p, g, next);
                }
                g.writeEndArray();
            }
            default -> {
                if (next < replaced && positions[next] == scalars) {
                    g.writeString(replacements[next++]);
                } else if (p.currentToken() == JsonToken.VALUE_STRING) {
                    g.writeString(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
                } else if (p.currentToken().isNumeric()) {
                    ExactNumbers.copy(p, g);
                } else {
                    g.copyCurrentEvent(p);
                }
                scalars++;
            }
        }
        return next;
    }
}
