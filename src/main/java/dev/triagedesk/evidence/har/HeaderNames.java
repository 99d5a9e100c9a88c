package dev.triagedesk.evidence.har;

import java.util.Locale;
import tools.jackson.core.JsonParser;

/**
 * The header names of one document, each resolved once: its lower-case form and what the reader does with its
 * value. A capture repeats a few dozen names in every entry, so the name is matched in the parser's own buffer and
 * no String is made for it after its first time. Not thread-safe: one per reader.
 */
final class HeaderNames {

    /**
     * A header name as written, in lower case, and whether the analysis reads its value ({@code interesting}) or
     * learns a credential from it ({@code credential}).
     */
    record HeaderName(String name, String lower, boolean interesting, boolean credential) {

        static HeaderName of(String name) {
            String lower = name.toLowerCase(Locale.ROOT);
            return new HeaderName(name, lower, EntryFacts.interesting(lower), isCredential(lower));
        }

        /** The headers {@link dev.triagedesk.evidence.redact.Redactor#learnCredential} learns from. */
        private static boolean isCredential(String lower) {
            return switch (lower) {
                case "cookie", "set-cookie", "authorization", "proxy-authorization" -> true;
                default -> false;
            };
        }
    }

    private static final int SLOTS = 256;
    /** Longer names (never a real header's) are resolved every time rather than pushing real ones out. */
    private static final int MAX_CACHED_LENGTH = 64;
    private final HeaderName[] slots = new HeaderName[SLOTS];

    /** The name that is the parser's current string token. */
    HeaderName current(JsonParser p) {
        char[] buf = p.getStringCharacters();
        int off = p.getStringOffset();
        int len = p.getStringLength();
        if (len > MAX_CACHED_LENGTH) {
            return HeaderName.of(new String(buf, off, len));
        }
        int h = 0;
        for (int i = off; i < off + len; i++) {
            h = 31 * h + buf[i];
        }
        int slot = (h ^ h >>> 16) & (SLOTS - 1);
        HeaderName known = slots[slot];
        if (known != null && sameChars(known.name(), buf, off, len)) {
            return known;
        }
        HeaderName resolved = HeaderName.of(new String(buf, off, len));
        slots[slot] = resolved;
        return resolved;
    }

    private static boolean sameChars(String name, char[] buf, int off, int len) {
        if (name.length() != len) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            if (name.charAt(i) != buf[off + i]) {
                return false;
            }
        }
        return true;
    }
}
