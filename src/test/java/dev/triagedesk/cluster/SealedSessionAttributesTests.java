package dev.triagedesk.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.TypeDescriptor;

/** Session attributes as they are written to and read from the database by several instances. */
class SealedSessionAttributesTests {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    private static final TypeDescriptor OBJECT = TypeDescriptor.valueOf(Object.class);
    private static final TypeDescriptor BYTES = TypeDescriptor.valueOf(byte[].class);

    private final ConversionService sessions = new SealedSessionAttributes(KEY, getClass().getClassLoader())
            .conversionService();

    @Test
    void anAttributeComesBackAsItWasAndIsNotReadableOnTheWay() {
        List<String> typed = List.of("sk-proj-typed-into-a-field-0123456789", "req_0123456789abcdef");
        byte[] stored = (byte[]) sessions.convert(typed, OBJECT, BYTES);
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("sk-proj", "req_0123");
        assertThat(sessions.convert(stored, BYTES, OBJECT)).isEqualTo(typed);
        // sealed afresh each time: the same value never gives the same bytes
        assertThat(stored).isNotEqualTo(sessions.convert(typed, OBJECT, BYTES));
    }

    @Test
    void aChangedValueOrAnotherKeyReadsAsAbsent() {
        byte[] stored = (byte[]) sessions.convert("signed in", OBJECT, BYTES);
        byte[] changed = Arrays.copyOf(stored, stored.length);
        changed[changed.length - 1] ^= 1;
        assertThat(sessions.convert(changed, BYTES, OBJECT)).isNull();

        byte[] otherKey = "another key of 32 bytes, exactly".getBytes(StandardCharsets.UTF_8);
        ConversionService other = new SealedSessionAttributes(otherKey, getClass().getClassLoader()).conversionService();
        assertThat(other.convert(stored, BYTES, OBJECT)).isNull();
        // a session written before sealing (plain Java serialization) is not read either
        assertThat(sessions.convert(new byte[] {(byte) 0xAC, (byte) 0xED, 0, 5, 't', 0, 1, 'x'}, BYTES, OBJECT))
                .isNull();
    }
}
