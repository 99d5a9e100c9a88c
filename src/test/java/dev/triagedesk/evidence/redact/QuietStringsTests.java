package dev.triagedesk.evidence.redact;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link QuietStrings#endOfQuietString} against the reads it replaces in {@link CleanJsonLine}: the closing quote
 * ({@link CleanJsonLine#plainStringEnd}), then the free-text scan's look at the text up to it as
 * {@link FreeTextScan#leavesAsItIs} takes it: no '%', and at every place {@link TextStarts#nextCandidateInPlainText}
 * stops, a character a secret shape starts with and no shape ('=', ':', a URL's or a marker's start: not quiet).
 * Where it says quiet, {@link FreeTextScan#leavesAsItIs} itself must agree. On every string of the Batch samples,
 * and on random strings of IDs, words, digits, the characters something starts with, shapes, escapes, control
 * characters, bytes beyond ASCII and lines that end inside them, in buffers that end with the line or go on past it.
 */
class QuietStringsTests {

    private static final FreeTextScan SCAN = new FreeTextScan(new Redactor(RedactionKey.of("quiet-strings-key-0123456")),
            new KnownSecrets(new EchoTracker()));

    /** The reference: the closing quote when the scan's look finds nothing to hand on or redact, else -1. */
    private static int twoReads(byte[] b, int from, int end) {
        int close = CleanJsonLine.plainStringEnd(b, from, end);
        if (close < 0) {
            return -1;
        }
        for (int i = from; i < close; i++) {
            if (b[i] == '%') {
                return -1;
            }
        }
        String text = new String(b, from, close - from, StandardCharsets.ISO_8859_1);
        int n = text.length();
        for (int i = TextStarts.nextCandidateInPlainText(b, from, close, 0); i < close;
                i = TextStarts.nextCandidateInPlainText(b, i + 1, close)) {
            char c = text.charAt(i - from);
            if (!SecretShapes.isTrigger(c)
                    || SecretShapes.plausible(text, i - from, n) && SecretShapes.at(text, i - from, n) != null) {
                return -1;
            }
        }
        return close;
    }

    /** Asks both; where quiet, the scan itself must leave the text as it is. */
    private static int compare(byte[] line, int from, int end, int[] starts) {
        int expected = twoReads(line, from, end);
        int actual = QuietStrings.endOfQuietString(line, from, end, starts);
        String what = new String(line, from, end - from, StandardCharsets.ISO_8859_1);
        if (starts.length >= 32) {
            assertThat(actual).as(what).isEqualTo(expected);
        } else {
            // with less scratch it may decline more, never vouch where the reads would not
            assertThat(actual).as(what).isIn(expected, -1);
        }
        if (actual >= 0) {
            assertThat(SCAN.leavesAsItIs(line, from, actual)).as(what).isTrue();
        }
        return actual;
    }

    /** Compares both from every quote of the line and from every fifth byte; how many were quiet. */
    private static int compareAcross(byte[] line, int end, int[] starts) {
        int quiet = 0;
        for (int from = 0; from <= end; from++) {
            if (from > 0 && line[from - 1] != '"' && from % 5 != 0) {
                continue;
            }
            if (compare(line, from, end, starts) >= 0) {
                quiet++;
            }
        }
        return quiet;
    }

    @Test
    void theBatchSamplesStringsAreQuietWhereTheTwoReadsSay() throws Exception {
        int quiet = 0;
        for (String name : List.of("guide-output.jsonl", "guide-expired-errors.jsonl", "error-file-400.jsonl",
                "reference-batch-completed.json", "kaapi-batch-all-failed.json", "failed-validation.json")) {
            byte[] file = Files.readAllBytes(sample(name));
            quiet += compareAcross(file, file.length, new int[32]); // the buffer ends with the file
            byte[] padded = Arrays.copyOf(file, file.length + 8);
            Arrays.fill(padded, file.length, padded.length, (byte) '"'); // garbage after the end, as a line buffer holds
            compareAcross(padded, file.length, new int[32]);
        }
        assertThat(quiet).isGreaterThan(50);
    }

    /** Secret shapes, IDs and words, the characters the scan stops at or looks at, and what makes a string not plain. */
    private static final String[] PIECES = {"sk-proj-AbCdEf012345GhIjKl6789MnOp", "Bearer abcDEF123456ghiJKL",
        "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJlMTIz", "AKIAIOSFODNN7EXAMPLE", "batch_req_", "c93b5dda1f74891e91b06cdd", "chatcmpl-", "NLyb32onbgFgwc3Uny",
        "gpt-4o-mini-2024-07-18", "fp_fd7064673a", "task-", "42", "req_", "obsidian", "basalt", "Bearer", "be", "sk",
        "sk-", "ey", "AK", "AI", "gh", "xo", "ht", "http", "ws", "Ws", "HT", "rk", "--", "-", "[R", "[", "x", "9", "_",
        ".", " ", "/", "=", ":", "%", "%22", "\"", "\\\"", "\\n", "\t", "\u00e9", "\u0001"};

    @Test
    void randomStringsAreQuietWhereTheTwoReadsSay() {
        Random random = new Random(23);
        int quiet = 0;
        int stopped = 0;
        int passedOver = 0; // quiet with a place where a shape may start, asked and found empty
        for (int round = 0; round < 40_000; round++) {
            StringBuilder sb = new StringBuilder();
            int pieces = random.nextInt(12);
            for (int k = 0; k < pieces; k++) {
                // mostly pieces that keep the string plain, so that late surprises are common
                sb.append(PIECES[random.nextInt(random.nextInt(6) == 0 ? PIECES.length : 40)]);
            }
            if (random.nextInt(4) > 0) {
                sb.append('"').append(random.nextBoolean() ? ", \"next\": 1}" : "");
            }
            byte[] text = sb.toString().getBytes(StandardCharsets.UTF_8);
            int end = text.length - (text.length > 0 && random.nextInt(10) == 0 ? random.nextInt(text.length) : 0);
            // a buffer that ends with the line, or one with room (and garbage) after it
            byte[] line = random.nextBoolean() ? text : Arrays.copyOf(text, text.length + random.nextInt(9));
            int[] starts = new int[random.nextInt(4) == 0 ? 1 + random.nextInt(2) : 32];
            int actual = compare(line, 0, end, starts);
            if (actual >= 0) {
                quiet++;
                if (line[0] == 'b' || sb.indexOf("be") >= 0 || sb.indexOf("sk") >= 0) {
                    passedOver++;
                }
            } else if (CleanJsonLine.plainStringEnd(line, 0, end) >= 0) {
                stopped++;
            }
            compareAcross(line, end, starts); // also from inside the string
        }
        assertThat(quiet).isGreaterThan(5_000);
        assertThat(stopped).isGreaterThan(5_000); // plain strings where the scan finds something to look at
        assertThat(passedOver).isGreaterThan(500);
    }

    private static Path sample(String name) throws URISyntaxException {
        return Path.of(QuietStringsTests.class.getResource("/batch/" + name).toURI());
    }
}
