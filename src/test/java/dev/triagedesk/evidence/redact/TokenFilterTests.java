package dev.triagedesk.evidence.redact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TokenFilterTests {

    @Test
    void everyAddedTokenIsFoundAndOthersAlmostNever() {
        TokenFilter filter = TokenFilter.forDocument(1L << 30);
        SplittableRandom random = new SplittableRandom(7);
        long[] added = new long[2_000_000];
        for (int i = 0; i < added.length; i++) {
            added[i] = random.nextLong();
            filter.add(added[i]);
        }
        for (long h : added) {
            assertThat(filter.mayContain(h)).isTrue();
        }
        int falsePositives = 0;
        for (int i = 0; i < 1_000_000; i++) {
            if (filter.mayContain(random.nextLong())) {
                falsePositives++;
            }
        }
        // a million secrets learned after two million tokens went out: a second pass only when one really echoed
        assertThat(falsePositives).isLessThanOrEqualTo(5);
    }

    @Test
    void sizedFromTheDocumentWithinBounds() {
        assertThat(TokenFilter.forDocument(1_000).bitCount()).isEqualTo(1 << 23);
        assertThat(TokenFilter.forDocument(232_000_000L).bitCount()).isEqualTo(1 << 25);
        assertThat(TokenFilter.forDocument(10L << 30).bitCount()).isEqualTo(1 << 27);
        assertThat(TokenFilter.forDocument(-1).bitCount()).isEqualTo(1 << 25);
    }

    @Test
    void aLargeCaptureLearningManySecretsIsNotTakenForOneThatEchoed() {
        Redactor redactor = new Redactor(RedactionKey.of("unit-test-key-0123456789"));
        redactor.trackEchoes(1L << 30);
        SplittableRandom random = new SplittableRandom(11);
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < 400_000; i++) {
            line.append("id ").append(token(random)).append(' ');
            if (i % 40 == 39) {
                redactor.text(line.toString());
                line.setLength(0);
            }
        }
        for (int i = 0; i < 60_000 && redactor.knownCount() < 19_000; i++) {
            redactor.cookieHeader("sid=" + token(random));
        }
        assertThat(redactor.echoedBeforeLearned()).as("learning new secrets after many tokens went out").isFalse();

        String echoed = token(random);
        redactor.text("https://tracker.example/p?c=" + echoed);
        redactor.cookieHeader("sid=" + echoed);
        assertThat(redactor.echoedBeforeLearned()).as("a cookie value that went out before in a URL").isTrue();
    }

    private static String token(SplittableRandom random) {
        return Long.toString(random.nextLong() & Long.MAX_VALUE, 36) + "x" + random.nextInt(1000, 9999);
    }
}
