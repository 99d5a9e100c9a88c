package dev.triagedesk.evidence.redact;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class FingerprinterTests {

    @Test
    void isHmacSha256UnderTheKeyForMessagesOfEveryLengthAndKeysLongerThanABlock() throws Exception {
        Random random = new Random(9);
        for (String keyText : new String[] {"unit-test-key-0123456789", "k".repeat(64), "a-long-key-".repeat(20)}) {
            RedactionKey key = RedactionKey.of(keyText);
            Fingerprinter fingerprinter = new Fingerprinter(key);
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.bytes(), "HmacSHA256"));
            for (int n = 0; n < 300; n++) {
                byte[] message = new byte[n];
                random.nextBytes(message);
                assertThat(fingerprinter.hmac(message)).isEqualTo(mac.doFinal(message));
            }
            String secret = "sk-proj-" + "x".repeat(40);
            String expected = HexFormat.of().formatHex(mac.doFinal(secret.getBytes(StandardCharsets.UTF_8)), 0, 4);
            assertThat(fingerprinter.of(secret)).isEqualTo(expected);
            assertThat(fingerprinter.of(secret)).as("remembered").isEqualTo(expected);
        }
    }

    @Test
    void aSecretGetsTheSameFingerprintAfterThousandsOfOthersTookItsRememberedPlace() throws Exception {
        RedactionKey key = RedactionKey.of("unit-test-key-0123456789");
        Fingerprinter fingerprinter = new Fingerprinter(key);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.bytes(), "HmacSHA256"));
        String session = "session-" + "Ab3".repeat(12);
        String first = fingerprinter.of(session);
        for (int i = 0; i < 20_000; i++) {
            fingerprinter.of("one-off-secret-" + i);
        }
        String again = fingerprinter.of(session);
        String expected = HexFormat.of().formatHex(mac.doFinal(session.getBytes(StandardCharsets.UTF_8)), 0, 4);
        assertThat(again).isEqualTo(first).isEqualTo(expected);
        assertThat(fingerprinter.of("one-off-secret-7")).isEqualTo(HexFormat.of().formatHex(
                mac.doFinal("one-off-secret-7".getBytes(StandardCharsets.UTF_8)), 0, 4));
    }
}
