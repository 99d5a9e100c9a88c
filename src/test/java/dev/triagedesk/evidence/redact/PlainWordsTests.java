package dev.triagedesk.evidence.redact;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link PlainWords#endOfPlainWords} (a string's closing quote and its plain-words check in one read) against the
 * two reads it replaces: the first quote with no escape, control character or byte beyond ASCII before it, then
 * {@link PlainWords#nothingToCheck} of the characters up to it. On every string of the Batch samples and on random
 * strings made of plain words, secret shapes, quotes, escapes, bytes beyond ASCII and lines that end inside them.
 */
class PlainWordsTests {

    /** The reference: the two reads {@link CleanJsonLine} made before. */
    private static int twoReads(byte[] b, int from, int end) {
        for (int i = from; i < end; i++) {
            byte c = b[i];
            if (c == '"') {
                return PlainWords.nothingToCheck(b, from, i) ? i : -1;
            }
            if (c == '\\' || c < 0x20) {
                return -1;
            }
        }
        return -1;
    }

    /** Compares both at every quote of the line (a string's start) and at a few other places; how many vouched. */
    private static int compareAcross(byte[] line, int end, int[] starts) {
        int vouched = 0;
        for (int from = 0; from <= end; from++) {
            if (from > 0 && line[from - 1] != '"' && from % 7 != 0) {
                continue;
            }
            int expected = twoReads(line, from, end);
            int actual = PlainWords.endOfPlainWords(line, from, end, starts);
            String what = new String(line, from, end - from, StandardCharsets.ISO_8859_1);
            if (starts.length >= 32) {
                assertThat(actual).as(what).isEqualTo(expected);
            } else {
                // with less scratch it may decline more, never vouch where the reads would not
                assertThat(actual).as(what).isIn(expected, -1);
            }
            if (actual >= 0) {
                vouched++;
            }
        }
        return vouched;
    }

    @Test
    void theBatchSamplesStringsEndWhereTheTwoReadsSay() throws Exception {
        int vouched = 0;
        for (String name : List.of("guide-output.jsonl", "guide-expired-errors.jsonl", "error-file-400.jsonl",
                "reference-batch-completed.json", "kaapi-batch-all-failed.json")) {
            byte[] file = Files.readAllBytes(sample(name));
            byte[] padded = new byte[file.length + 8]; // garbage after the end, as a line buffer holds
            System.arraycopy(file, 0, padded, 0, file.length);
            java.util.Arrays.fill(padded, file.length, padded.length, (byte) '"');
            vouched += compareAcross(padded, file.length, new int[32]);
        }
        assertThat(vouched).isGreaterThan(20);
    }

    /** Plain words, words that start like a secret shape, and what ends the fast answer. */
    private static final String[] PIECES = {"obsidian", "basalt", "be", "Basic", "bearer", "Bearer", "sky", "sk", "eye",
        "ey", "https", "www", "ok", "tundra", "longerthansixteenletters", "aaaaaaaaaaaaaaa", "a.b.c.d.e.f.g.h.i",
        "bearer AbCdEfGhIjKlM", "Basic dXNlcjpw", "Bearer abc.def.ghi", " ", " ", " ", ", ", ". ", ".", ",", "\"",
        "\\\"", "\\n", "\t", "\u00e9", "9", "-", ":", "=", "[", "%"};

    @Test
    void randomStringsEndWhereTheTwoReadsSay() {
        Random random = new Random(11);
        int vouched = 0;
        int shapesRefused = 0;
        for (int round = 0; round < 40_000; round++) {
            StringBuilder sb = new StringBuilder();
            int pieces = random.nextInt(40);
            for (int k = 0; k < pieces; k++) {
                // mostly plain pieces, so that long plain strings with late surprises are common
                String piece = PIECES[random.nextInt(random.nextInt(8) == 0 ? PIECES.length : 27)];
                sb.append(piece);
                if (random.nextBoolean()) {
                    sb.append(' ');
                }
            }
            if (random.nextInt(3) > 0) {
                sb.append('"').append(random.nextBoolean() ? ", \"next\": 1}" : "");
            }
            byte[] text = sb.toString().getBytes(StandardCharsets.UTF_8);
            int end = text.length - (text.length > 0 && random.nextInt(10) == 0 ? random.nextInt(text.length) : 0);
            byte[] line = new byte[text.length + 8];
            System.arraycopy(text, 0, line, 0, text.length);
            int[] starts = new int[random.nextInt(4) == 0 ? 1 + random.nextInt(2) : 32];
            int expected = twoReads(line, 0, end);
            int actual = PlainWords.endOfPlainWords(line, 0, end, starts);
            if (starts.length >= 32) {
                assertThat(actual).as(sb.toString()).isEqualTo(expected);
            } else {
                assertThat(actual).as(sb.toString()).isIn(expected, -1);
            }
            if (actual >= 0) {
                vouched++;
            }
            int close = sb.indexOf("\"");
            if (expected < 0 && close >= 0 && close <= end && sb.indexOf("\\") < 0
                    && (sb.indexOf("Basic d") >= 0 || sb.indexOf("earer ") >= 0)) {
                shapesRefused++;
            }
            compareAcross(line, end, starts); // also from inside the string
        }
        assertThat(vouched).isGreaterThan(2_000);
        assertThat(shapesRefused).isGreaterThan(100);
    }

    /**
     * A word that starts like a shape at every place in the eight bytes read at a time, its second letter in the
     * same eight or the next, the string ending right after its first letter, its second, or later: each word start
     * is judged by its byte pair, and the pair that straddles two reads or the string's end must be the right one.
     */
    @Test
    void wordsThatStartLikeAShapeAreJudgedAtEveryPlaceOfTheEightBytes() {
        String[] words = {"basalt", "Basic dXNlcjpw", "Bearer abc.def.ghi", "bearer AbCdEfGhIjKlM", "be", "sky", "se",
            "rk", "eye", "https", "www", "ghost", "xo", "AKIA", "b", "s"};
        String[] tails = {"", " ", ".", " ok", "x"};
        int refused = 0;
        for (String word : words) {
            for (int lead = 0; lead < 18; lead++) {
                for (String tail : tails) {
                    // a lead of short words (no long run), then the word, the tail and the closing quote
                    String text = "ok ok ok ok ok ok ok ok ".substring(0, lead) + word + tail;
                    byte[] line = (text + "\", \"x\": 1}").getBytes(StandardCharsets.US_ASCII);
                    for (int end : new int[] {lead + 1, lead + 2, text.length(), text.length() + 1, line.length}) {
                        int expected = twoReads(line, 0, end);
                        assertThat(PlainWords.endOfPlainWords(line, 0, end, new int[32])).as(text + " / " + end)
                                .isEqualTo(expected);
                        if (expected < 0 && end > text.length()) {
                            refused++;
                        }
                    }
                }
            }
        }
        assertThat(refused).isGreaterThan(150); // the shapes were found, not just passed over
    }

    private static Path sample(String name) throws URISyntaxException {
        return Path.of(PlainWordsTests.class.getResource("/batch/" + name).toURI());
    }
}
