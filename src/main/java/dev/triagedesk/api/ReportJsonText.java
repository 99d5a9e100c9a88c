package dev.triagedesk.api;

import dev.triagedesk.system.StorableText;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Text of the report part as the API takes it and says it back. A JSON string may hold what no text can: a lone
 * surrogate ({@code "\ud800"}) or a NUL, which would be stored, shown and sent back in answers; each becomes U+FFFD
 * as it is read. And what the reader of a 400 is told about JSON that cannot be read is said in the API's words,
 * never in the parser's (its messages name its own classes and settings).
 */
final class ReportJsonText {

    /** Reads every string of the report part through {@link #clean}. */
    static final SimpleModule MODULE = new SimpleModule("report-text").addDeserializer(String.class, new Cleaning());

    private ReportJsonText() {
    }

    /** The text with each lone surrogate and each NUL replaced by U+FFFD. */
    static String clean(String s) {
        return StorableText.clean(s);
    }

    /** Why JSON could not be read, without the parser's class names: null when there is nothing more to say. */
    static String why(JacksonException e) {
        if (e instanceof StreamConstraintsException) {
            String m = String.valueOf(e.getOriginalMessage());
            StreamReadConstraints limits = StreamReadConstraints.defaults();
            if (m.startsWith("Document nesting depth")) {
                return "it is nested more than " + limits.getMaxNestingDepth() + " levels deep";
            }
            if (m.startsWith("Number value length")) {
                return "a number has more than " + limits.getMaxNumberLength() + " digits";
            }
            if (m.startsWith("String value length") || m.startsWith("Name length")) {
                return "a value is far too long";
            }
            return "it is larger than the API reads";
        }
        if (!(e instanceof StreamReadException)) {
            return null; // a mapping problem: what the field must be is said by the caller
        }
        String m = e.getOriginalMessage();
        if (m == null) {
            return null;
        }
        int nl = m.indexOf('\n');
        String line = clean(nl < 0 ? m : m.substring(0, nl)).replace("`", "");
        return line.length() > 300 ? line.substring(0, 299) + "…" : line;
    }

    private static final class Cleaning extends StringDeserializer {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) {
            return clean(super.deserialize(p, ctxt));
        }
    }
}
