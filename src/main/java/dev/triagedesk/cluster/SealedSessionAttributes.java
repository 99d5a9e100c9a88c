package dev.triagedesk.cluster;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;

/**
 * How a session attribute is written to the database: serialized as Spring Session does, then sealed with
 * AES-256-GCM under a key every instance derives from the shared redaction key. A session may hold what must not
 * lie readable in a table: answers a reporter typed (a pasted API key among them, kept with its error), a new API
 * token or webhook secret on its way to the page that shows it once. A value that cannot be opened (tampered, or
 * sealed under another key after the key changed) reads as absent: the visitor is signed out or the message is
 * gone, rather than a failed page.
 */
final class SealedSessionAttributes {

    private static final Logger log = LoggerFactory.getLogger(SealedSessionAttributes.class);
    /** First byte of every sealed value: the format, so another can follow. */
    private static final byte VERSION = 1;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;
    private final SerializingConverter serializer = new SerializingConverter();
    private final DeserializingConverter deserializer;

    SealedSessionAttributes(byte[] key, ClassLoader classLoader) {
        this.key = new SecretKeySpec(key, "AES");
        this.deserializer = new DeserializingConverter(classLoader);
    }

    /** The conversion service Spring Session JDBC writes and reads attributes with. */
    GenericConversionService conversionService() {
        GenericConversionService conversions = new GenericConversionService();
        conversions.addConverter(Object.class, byte[].class, value -> seal(serializer.convert(value)));
        conversions.addConverter(byte[].class, Object.class, this::open);
        return conversions;
    }

    byte[] seal(byte[] plain) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(1 + IV_BYTES + sealed.length).put(VERSION).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The attribute, or null when the bytes cannot be opened with this key. */
    Object open(byte[] sealed) {
        if (sealed.length < 1 + IV_BYTES || sealed[0] != VERSION) {
            log.warn("A session attribute in an unknown format was ignored (a session from before sealing?)");
            return null;
        }
        byte[] plain;
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 1, IV_BYTES));
            plain = cipher.doFinal(sealed, 1 + IV_BYTES, sealed.length - 1 - IV_BYTES);
        } catch (GeneralSecurityException e) {
            log.warn("A session attribute could not be opened (changed, or sealed under another redaction key):"
                    + " ignored");
            return null;
        }
        return deserializer.convert(plain);
    }
}
