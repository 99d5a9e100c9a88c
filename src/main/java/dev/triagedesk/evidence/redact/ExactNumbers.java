package dev.triagedesk.evidence.redact;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Copies a number as {@link JsonGenerator#copyCurrentEventExact} does, but writes its text as it stands when that is
 * what the exact copy would write anyway. The exact copy reads every decimal into a {@code BigDecimal} and prints it
 * again, which was a noticeable part of copying a HAR's timings; it prints the same characters unless the number
 * has an exponent, is a negative zero, or is small enough for {@code BigDecimal.toString} to choose an exponent.
 * A number too large for the exact copy (its exponent beyond an int) is written as it stands instead of failing
 * the whole document.
 */
final class ExactNumbers {

    /** {@code BigDecimal.toString} writes plain digits down to an adjusted exponent of -6 ({@code 0.000001}). */
    private static final int PLAIN_LEADING_ZEROS = 5;

    private ExactNumbers() {
    }

    /** Copies the parser's current number token. */
    static void copy(JsonParser p, JsonGenerator g) {
        char[] text = p.getTextCharacters();
        int offset = p.getTextOffset();
        int length = p.getTextLength();
        if (printsAsWritten(p.currentToken(), text, offset, length)) {
            g.writeNumber(text, offset, length);
            return;
        }
        String written = new String(text, offset, length);
        try {
            g.copyCurrentEventExact(p);
        } catch (NumberFormatException beyondBigDecimal) {
            // an exponent like 1e9999999999: valid JSON that no BigDecimal holds; a number, so kept as it stands
            g.writeNumber(written);
        }
    }

    /** Whether the exact copy of this number token prints {@code text[offset, offset + length)} unchanged. */
    static boolean printsAsWritten(JsonToken t, char[] text, int offset, int length) {
        int end = offset + length;
        int i = offset;
        boolean negative = i < end && text[i] == '-';
        if (negative) {
            i++;
        }
        int intStart = i;
        while (i < end && text[i] >= '0' && text[i] <= '9') {
            i++;
        }
        int intDigits = i - intStart;
        if (intDigits == 0 || intDigits > 1 && text[intStart] == '0') {
            return false; // not the plain JSON form: leave it to the exact copy
        }
        boolean zeroInt = text[intStart] == '0';
        if (t == JsonToken.VALUE_NUMBER_INT) {
            return i == end && !(negative && zeroInt); // -0 prints as 0
        }
        if (t != JsonToken.VALUE_NUMBER_FLOAT || i == end || text[i] != '.') {
            return false;
        }
        i++;
        int fracStart = i;
        int leadingZeros = 0;
        boolean nonZeroSeen = false;
        while (i < end && text[i] >= '0' && text[i] <= '9') {
            if (text[i] != '0') {
                nonZeroSeen = true;
            } else if (!nonZeroSeen) {
                leadingZeros++;
            }
            i++;
        }
        int fracDigits = i - fracStart;
        if (i != end || fracDigits == 0) {
            return false; // an exponent, or not the plain form
        }
        if (!zeroInt) {
            return true;
        }
        if (!nonZeroSeen) {
            return !negative && fracDigits <= PLAIN_LEADING_ZEROS + 1; // 0.000000 plain, 0E-7 beyond, -0.0 as 0.0
        }
        return leadingZeros <= PLAIN_LEADING_ZEROS;
    }
}
