package dev.triagedesk.evidence.batch;

import dev.triagedesk.evidence.EvidenceException;
import java.util.Locale;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;

/**
 * The Jackson set-up and the bounds of the Batch reader. The bounds are the HAR reader's (Jackson's defaults,
 * written out), plus the longest line read: a result line holds one response, a few KB for a completion and a few
 * MB for an image's base64; a longer line is reported as broken and skipped without being held.
 */
final class BatchJson {

    static final int MAX_DEPTH = 500;
    static final int MAX_NUMBER_DIGITS = 1000;
    static final int MAX_STRING_CHARS = 100_000_000;
    static final int MAX_NAME_CHARS = 50_000;
    static final int MAX_LINE_BYTES = 32 << 20;

    static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .maxNumberLength(MAX_NUMBER_DIGITS)
                    .maxStringLength(MAX_STRING_CHARS)
                    .maxNameLength(MAX_NAME_CHARS)
                    .build())
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .disable(StreamWriteFeature.AUTO_CLOSE_CONTENT)
            .build();

    private BatchJson() {
    }

    /** Why a value went past a bound, in the words of a broken line's reason. */
    static String pastLimit(StreamConstraintsException e) {
        String m = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (m.startsWith("Document nesting depth")) {
            return "nested more than " + MAX_DEPTH + " levels deep";
        }
        if (m.startsWith("Number value length")) {
            return "holds a number of more than " + count(MAX_NUMBER_DIGITS) + " digits";
        }
        if (m.startsWith("String value length")) {
            return "holds a text value of more than " + count(MAX_STRING_CHARS) + " characters";
        }
        if (m.startsWith("Name length")) {
            return "holds a field name of more than " + count(MAX_NAME_CHARS) + " characters";
        }
        return "holds a value larger than the reader takes";
    }

    /** The refusal of a Batch object (one JSON value, not lines) that went past a bound. */
    static EvidenceException refused(StreamConstraintsException e, long line, long column) {
        String where = line > 0 ? " at line " + line + ", column " + column : "";
        return new EvidenceException("not read: it " + pastLimit(e) + where + ", more than the Batch reader takes",
                line, column, e);
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
