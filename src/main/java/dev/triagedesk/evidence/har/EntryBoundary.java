package dev.triagedesk.evidence.har;

import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Guesses where an entry of {@code log.entries} starts, from the raw bytes alone, so a second thread can take the
 * second half of a large HAR. JSON cannot be read from the middle, but {@code },{"startedDateTime"} (with any
 * white space) cannot occur inside a string, where the quote would be escaped: it is the start of an object whose
 * first member is one an entry has. A guess can still land in another array (pages written after the entries, a
 * browser's own nested fields); the processor that reads from the start confirms it by reaching an entry at
 * exactly that byte, and ignores the second thread's work otherwise.
 */
final class EntryBoundary {

    /** Members HAR writers put first in an entry (Chrome starts with its {@code _} fields, Firefox with pageref). */
    private static final Set<String> FIRST_MEMBERS = Set.of("startedDateTime", "pageref", "time", "request",
            "response", "cache", "timings", "serverIPAddress", "connection");
    private static final int CHUNK = 64 * 1024;
    /** Looked at past a candidate '}' at the most: white space, ',', '{', white space and a member name. */
    private static final int LOOKAHEAD = 256;

    private EntryBoundary() {
    }

    /**
     * The offset of the first likely entry start at or after {@code from} and before {@code limit}, or -1.
     */
    static long find(RawBytes raw, long from, long limit) {
        long pos = from;
        while (pos < limit) {
            long end = Math.min(limit, pos + CHUNK + LOOKAHEAD);
            byte[] bytes = raw.read(pos, end);
            int scanTo = (int) Math.min(bytes.length, CHUNK);
            for (int i = 0; i < scanTo; i++) {
                if (bytes[i] == '}') {
                    int start = entryAfter(bytes, i + 1);
                    if (start >= 0) {
                        return pos + start;
                    }
                }
            }
            if (end == limit) {
                return -1;
            }
            pos += CHUNK;
        }
        return -1;
    }

    /** After a '}': the index of the '{' of a following entry, or -1. */
    private static int entryAfter(byte[] b, int i) {
        i = skipSpace(b, i);
        if (i >= b.length || b[i] != ',') {
            return -1;
        }
        i = skipSpace(b, i + 1);
        if (i >= b.length || b[i] != '{') {
            return -1;
        }
        int open = i;
        i = skipSpace(b, i + 1);
        if (i >= b.length || b[i] != '"') {
            return -1;
        }
        int nameStart = i + 1;
        int nameEnd = nameStart;
        while (nameEnd < b.length && nameEnd - nameStart < 40 && b[nameEnd] != '"' && b[nameEnd] != '\\') {
            nameEnd++;
        }
        if (nameEnd >= b.length || b[nameEnd] != '"' || nameEnd == nameStart) {
            return -1;
        }
        String name = new String(b, nameStart, nameEnd - nameStart, StandardCharsets.ISO_8859_1);
        return FIRST_MEMBERS.contains(name) || name.charAt(0) == '_' ? open : -1;
    }

    private static int skipSpace(byte[] b, int i) {
        while (i < b.length && (b[i] == ' ' || b[i] == '\n' || b[i] == '\r' || b[i] == '\t')) {
            i++;
        }
        return i;
    }
}
