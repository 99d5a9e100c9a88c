package dev.triagedesk.evidence.redact;

import java.util.HashMap;
import java.util.Map;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;

/**
 * JSON property names encoded once for a generator: a HAR and its bodies repeat the same few dozen names in every
 * entry, and encoding each again was a measurable part of writing the sanitized copy. Bounded; not thread-safe.
 */
public final class EncodedNames {

    private static final int MAX = 2048;
    private final Map<String, SerializableString> names = new HashMap<>();

    public SerializableString of(String name) {
        SerializableString encoded = names.get(name);
        if (encoded == null) {
            encoded = new SerializedString(name);
            if (names.size() < MAX) {
                names.put(name, encoded);
            }
        }
        return encoded;
    }
}
