package dev.triagedesk.evidence.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link AsciiWords#at} answers as {@link String#regionMatches(boolean, int, String, int, int)} ignoring case. */
class AsciiWordsTests {

    private static final String[] WORDS = {"req", "ray", "trace", "correlation", "amz", "request", "status", "http",
        "hostname", "timed", "k", "is"};
    /** Letters of the words in both cases, and characters beyond ASCII that fold to ASCII letters or near them. */
    private static final String ALPHABET = "reqREQaymzAYMZtcTCoOlLnNiIsShHdDkK_-@[`{ \u017f\u212a\u0131\u0130\u00e9\u00c9\u0391";

    @Test
    void answersAsTheCaseInsensitiveRegionCompareOnRandomTexts() {
        Random random = new Random(7);
        int matches = 0;
        int beyondAscii = 0;
        for (int n = 0; n < 200_000; n++) {
            String word = WORDS[random.nextInt(WORDS.length)];
            StringBuilder b = new StringBuilder();
            int length = random.nextInt(16);
            for (int k = 0; k < length; k++) {
                // often the word itself, its letters in random case, sometimes one letter swapped for a fold
                if (random.nextInt(4) == 0) {
                    for (char c : word.toCharArray()) {
                        b.append(random.nextBoolean() ? Character.toUpperCase(c) : c);
                    }
                } else {
                    b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                }
            }
            String text = b.toString();
            for (int from = -1; from <= text.length() + 1; from++) {
                boolean expected = text.regionMatches(true, from, word, 0, word.length());
                assertThat(AsciiWords.at(text, from, word)).as("%s at %d in [%s]", word, from, text).isEqualTo(expected);
                if (expected) {
                    matches++;
                    if (!text.substring(from, from + word.length()).chars().allMatch(c -> c < 0x80)) {
                        beyondAscii++;
                    }
                }
            }
        }
        assertThat(matches).isGreaterThan(10_000);
        assertThat(beyondAscii).as("matches through a character beyond ASCII (the Kelvin sign, the long s)").isPositive();
    }
}
