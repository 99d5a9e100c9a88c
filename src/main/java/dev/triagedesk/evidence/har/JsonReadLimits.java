package dev.triagedesk.evidence.har;

import dev.triagedesk.evidence.EvidenceException;
import java.util.Locale;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;

/**
 * The bounds the HAR reader keeps to, whatever a file holds: they stop a crafted file from taking the server's
 * memory or stack (a string of gigabytes, nesting thousands of levels deep). They are Jackson's defaults, written
 * out so they are ours to name in a refusal. A real capture stays far inside them: a HAR nests about ten levels, its
 * largest values are bodies (a 100 million character body is a base64 file of some 75 MB).
 *
 * <p>A file that goes past one is refused with what and where, strict or lenient: what follows the place cannot
 * be read, and unlike a file that breaks off the reader was not stopped by the end of the file.
 */
final class JsonReadLimits {

    static final int MAX_DEPTH = 500;
    static final int MAX_NUMBER_DIGITS = 1000;
    static final int MAX_STRING_CHARS = 100_000_000;
    static final int MAX_NAME_CHARS = 50_000;
    /** Levels above the entries (the root object, "log", the "entries" array), which the second half of a split read does not see. */
    private static final int ABOVE_ENTRIES = 2;

    static final StreamReadConstraints WHOLE = StreamReadConstraints.builder()
            .maxNestingDepth(MAX_DEPTH)
            .maxNumberLength(MAX_NUMBER_DIGITS)
            .maxStringLength(MAX_STRING_CHARS)
            .maxNameLength(MAX_NAME_CHARS)
            .build();

    /**
     * For the second half of a split read, whose parser starts inside the entries array: the same depth in the
     * file, so a split read refuses exactly what a whole one does.
     */
    static final StreamReadConstraints SECOND_HALF = WHOLE.rebuild().maxNestingDepth(MAX_DEPTH - ABOVE_ENTRIES).build();

    private JsonReadLimits() {
    }

    /** The refusal of a file that went past a limit at {@code at} (the parser's place when it stopped). */
    static EvidenceException refused(StreamConstraintsException e, TokenStreamLocation at) {
        long line = at == null ? 0 : at.getLineNr();
        long column = at == null ? 0 : at.getColumnNr();
        String where = line > 0 ? " at line " + line + ", column " + column : "";
        String m = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        String what;
        String hint = "";
        if (m.startsWith("Document nesting depth")) {
            what = "it is nested more than " + MAX_DEPTH + " levels deep";
            hint = " (a HAR nests about ten)";
        } else if (m.startsWith("Number value length")) {
            what = "it holds a number of more than " + count(MAX_NUMBER_DIGITS) + " digits";
        } else if (m.startsWith("String value length")) {
            what = "it holds a text value of more than " + count(MAX_STRING_CHARS) + " characters";
            hint = " (a body of some 75 MB or more: capture again without that download)";
        } else if (m.startsWith("Name length")) {
            what = "it holds a field name of more than " + count(MAX_NAME_CHARS) + " characters";
        } else {
            what = "it holds a value larger than the reader takes";
        }
        return new EvidenceException("not read: " + what + where + ", more than the HAR reader takes" + hint,
                line, column, e);
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
