package dev.triagedesk.evidence.har;

import dev.triagedesk.evidence.redact.EncodedNames;
import dev.triagedesk.evidence.redact.LeftoverScan;
import dev.triagedesk.evidence.redact.Redactor;
import dev.triagedesk.evidence.redact.Scope;
import dev.triagedesk.evidence.redact.SensitiveNames;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.io.JsonStringEncoder;
import tools.jackson.databind.JsonNode;

/**
 * The sanitized copy being written: a JSON generator over a {@link UnitBuffer}, which holds each unit back in a
 * lenient read so a break drops the half-written entry. Values are written redacted where the reader cannot say
 * better what they are (free text, unknown structures); the reader redacts the rest before handing them over.
 */
final class SanitizedCopy implements HarOutput {

    private final Redactor redactor;
    private final UnitBuffer units;
    private final JsonGenerator g;
    private final boolean holdUnits;
    private final EncodedNames names = new EncodedNames();
    private boolean holding;

    SanitizedCopy(OutputStream out, Redactor redactor, boolean holdUnits) {
        this.redactor = redactor;
        this.units = new UnitBuffer(out);
        this.g = HarJson.JSON.createGenerator(ObjectWriteContext.empty(), units);
        this.holdUnits = holdUnits;
    }

    @Override
    public boolean writing() {
        return true;
    }

    @Override
    public void startObject() {
        g.writeStartObject();
    }

    @Override
    public void endObject() {
        g.writeEndObject();
    }

    @Override
    public void startArray() {
        g.writeStartArray();
    }

    @Override
    public void endArray() {
        g.writeEndArray();
    }

    @Override
    public void name(String name) {
        g.writeName(names.of(name));
    }

    @Override
    public void string(String s) {
        if (s == null) {
            g.writeNull();
        } else {
            g.writeString(s);
        }
    }

    @Override
    public void keep(JsonToken t, String raw) {
        if (raw == null) {
            g.writeNull();
            return;
        }
        switch (t) {
            case VALUE_STRING -> g.writeString(raw);
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> g.writeNumber(raw);
            case VALUE_TRUE, VALUE_FALSE -> g.writeBoolean(t == JsonToken.VALUE_TRUE);
            default -> g.writeNull();
        }
    }

    @Override
    public void text(JsonToken t, String raw) {
        keep(t, t == JsonToken.VALUE_STRING && raw != null ? redactor.text(raw) : raw);
    }

    @Override
    public void copyOrSkip(JsonParser p, String name) {
        redactor.copyJson(p, g, SensitiveNames.classify(name, Scope.JSON_RESPONSE), name, Scope.JSON_RESPONSE);
    }

    @Override
    public void tree(JsonNode node, String name) {
        if (node == null) {
            g.writeNull();
            return;
        }
        try (JsonParser tp = HarJson.TREES.treeAsTokens(node)) {
            tp.nextToken();
            copyOrSkip(tp, name);
        } catch (JacksonException e) {
            throw new IllegalStateException("cannot re-read a node just parsed", e);
        }
    }

    @Override
    public void flatValue(FlatField ff) {
        if (ff.tree() != null) {
            tree(ff.tree(), ff.name());
            return;
        }
        switch (ff.type()) {
            case VALUE_STRING -> string(ff.describesBody() ? ff.text() : redactor.text(ff.text()));
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> g.writeNumber(ff.text());
            case VALUE_TRUE -> g.writeBoolean(true);
            case VALUE_FALSE -> g.writeBoolean(false);
            default -> g.writeNull();
        }
    }

    @Override
    public void beginUnit() {
        if (holdUnits) {
            g.flush();
            units.begin();
            holding = true;
        }
    }

    @Override
    public void commitUnit() {
        if (holding) {
            g.flush();
            try {
                units.commit();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            holding = false;
        }
    }

    /** Whether what is written is scanned for leftover secrets on its way out. */
    boolean scanning() {
        return units.scanning();
    }

    /** A JSON string value of any length, redacted chunk by chunk as it is written (see {@link LargeStringOutput}). */
    LargeStringOutput largeString(String rule) {
        return new LargeStringOutput(g, redactor, rule);
    }

    /** Starts a string value given as its JSON literal ({@code "…"}) with the literal* methods: writes the separator. */
    void startLiteral() {
        g.writeRawValue("");
        g.flush();
    }

    /** The literal's bytes as they are. */
    void literalBytes(byte[] literal, int length) {
        try {
            units.write(literal, 0, length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The literal's bytes if it holds only base64 (the leftover scan then checks it the cheap way); false, and nothing
     * written, otherwise.
     */
    boolean base64Literal(byte[] literal, int length) {
        try {
            return units.writeBase64Literal(literal, length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code text} as the literal. */
    void literalText(String text) {
        try {
            units.write('"');
            units.write(JsonStringEncoder.getInstance().quoteAsUTF8(text));
            units.write('"');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Appends the entries the second half of a split read wrote (as an array, {@code closed} when it has its ']'),
     * as the elements that follow this copy's last one.
     */
    void appendEntries(HeldOutput held, LeftoverScan scannedBy, boolean closed) {
        long length = held.length() - 1 - (closed ? 1 : 0);
        if (length <= 0) {
            return;
        }
        g.flush();
        try (InputStream in = held.read()) {
            units.write(',');
            in.skipNBytes(1);
            units.writeScanned(in, length, scannedBy, 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * After a lenient break: drops the unit being written and closes the structures left open, so the copy is valid
     * JSON holding only complete entries.
     */
    void closeAfterBreak(boolean inEntries, boolean inLog) {
        g.flush();
        units.discard();
        String closers = (inEntries ? "]" : "") + (inLog ? "}" : "") + "}";
        try {
            units.write(closers.getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        units.finish();
    }

    /** After a lenient break in the second half of a split read: its complete entries stay, the one it was in goes. */
    void dropUnfinishedUnit() {
        g.flush();
        units.discard();
        units.finish();
    }

    /** Writes out what the generator still holds. */
    void flush() {
        g.flush();
    }

    /** Writes out everything, to the target too. */
    void finish() {
        g.flush();
        units.finish();
    }
}
