package dev.triagedesk.evidence.redact;

import java.nio.charset.StandardCharsets;

/**
 * Bytes {@code b[from, to)} seen as the Latin-1 characters they are, without a copy: for the shape and credential
 * tests, which read a {@link CharSequence}, asked about bytes the leftover scan and the plain-words check hold.
 */
record Latin1Chars(byte[] b, int from, int to) implements CharSequence {

    @Override
    public int length() {
        return to - from;
    }

    @Override
    public char charAt(int index) {
        return (char) (b[from + index] & 0xff);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return new Latin1Chars(b, from + start, from + end);
    }

    @Override
    public String toString() {
        return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
    }
}
