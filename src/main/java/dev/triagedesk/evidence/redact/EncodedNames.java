package dev.triagedesk.evidence.redact;

import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;

/**
 * JSON property names encoded once for a generator: a HAR and its bodies repeat the same few dozen names in every
 * entry, and encoding each again was a measurable part of writing the sanitized copy. Direct-mapped by the name's
 * hash (which a parsed name carries already): the parser hands over the same String for a name each time, so a
 * lookup is mostly one array read and an identity check. Bounded; not thread-safe.
 */
public final class EncodedNames {

    private static final int SLOTS = 1 << 10;
    private final String[] names = new String[SLOTS];
    private final SerializableString[] encoded = new SerializableString[SLOTS];

    public SerializableString of(String name) {
        int h = name.hashCode();
        int slot = (h ^ h >>> 16) & (SLOTS - 1);
        String known = names[slot];
        if (known == name || known != null && known.equals(name)) {
            return encoded[slot];
        }
        SerializableString e = new SerializedString(name);
        names[slot] = name;
        encoded[slot] = e;
        return e;
    }
}
