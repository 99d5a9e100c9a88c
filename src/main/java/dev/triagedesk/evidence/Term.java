package dev.triagedesk.evidence;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A constant of the engine's vocabulary ({@link Category}, {@link SignalType}, {@link TriagePath}): a stable id,
 * which JSON, the database and addresses hold, and a label for people. The enums keep only their constants.
 */
public interface Term {

    /** What one constant is called. */
    record IdAndLabel(String id, String label) {
    }

    IdAndLabel idAndLabel();

    @JsonValue
    default String id() {
        return idAndLabel().id();
    }

    default String label() {
        return idAndLabel().label();
    }

    /** The constant of {@code type} with this id; {@code what} names the vocabulary in the error. */
    static <E extends Enum<E> & Term> E fromId(Class<E> type, String id, String what) {
        for (E e : type.getEnumConstants()) {
            if (e.id().equals(id)) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown " + what + ": " + id);
    }
}
