package dev.triagedesk.evidence.redact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triagedesk.evidence.Secrets;
import java.io.IOException;
import java.lang.reflect.Field;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * {@link CleanJsonLine} (and {@link PlainWords} inside it) against the reference, a redactor that walks every line
 * ({@link Redactor#walkingEveryLine}): line after line of the same file, both must write the same bytes, record the
 * same redactions, learn the same secrets, note the same tokens as going out (their echo filters bit for bit) and
 * say alike whether a secret was echoed before it was learned. On the Batch samples, on generated completions and
 * failures with keys inside completions and echoes of keys learned later, and on random and broken JSON.
 */
class CleanJsonLineTests {

    private static final RedactionKey KEY = RedactionKey.of("clean-line-test-key-0123456789");

    /** One redactor with the fast path, one without, fed the same lines. */
    private static final class Pair {
        final Redactor fast = new Redactor(KEY);
        final Redactor reference = new Redactor(KEY).walkingEveryLine();
        int unchanged;
        int compacted;

        Pair(boolean trackEchoes) {
            if (trackEchoes) {
                fast.trackEchoes(1 << 20);
                reference.trackEchoes(1 << 20);
            }
            fast.inResponseTo(null, 400);
            reference.inResponseTo(null, 400);
        }

        void line(String text) {
            byte[] b = text.getBytes(StandardCharsets.UTF_8);
            byte[] padded = new byte[b.length + 7]; // the line sits inside a larger buffer, as ByteLines gives it
            System.arraycopy(b, 0, padded, 0, b.length);
            byte[] expected = reference.jsonBytes(padded, 0, b.length, false);
            byte[] actual = fast.jsonBytes(padded, 0, b.length, false);
            if (expected == padded) {
                unchanged++;
                assertThat(actual).as(text).isSameAs(padded);
                int compact = fast.jsonCompactLength();
                if (compact >= 0) {
                    compacted++;
                    assertThat(Arrays.copyOf(fast.jsonCompactBytes(), compact)).as(text).isEqualTo(writtenByTheWalk(b));
                }
            } else if (expected == null) {
                assertThat(actual).as(text).isNull();
            } else {
                assertThat(actual).as(text).isNotSameAs(padded).isEqualTo(expected);
            }
            assertThat(fast.ledger().total()).as(text).isEqualTo(reference.ledger().total());
            assertThat(fast.knownCount()).as(text).isEqualTo(reference.knownCount());
            assertThat(fast.echoedBeforeLearned()).as(text).isEqualTo(reference.echoedBeforeLearned());
        }

        void sameEnd() throws ReflectiveOperationException {
            assertThat(filterBits(fast)).isEqualTo(filterBits(reference));
            assertThat(fast.ledger().report(false)).isEqualTo(reference.ledger().report(false));
        }
    }

    /** What the walk's generator writes for a value with nothing secret (a redactor of its own: nothing is noted). */
    private static byte[] writtenByTheWalk(byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonParser p = JSON.createParser(ObjectReadContext.empty(), b);
             JsonGenerator g = JSON.createGenerator(ObjectWriteContext.empty(), out)) {
            p.nextToken();
            Redactor scratch = new Redactor(KEY);
            scratch.inResponseTo(null, 400); // as the pair's: error codes stay
            scratch.copyJson(p, g, null, null, Scope.JSON_RESPONSE);
        }
        return out.toByteArray();
    }

    private static final JsonFactory JSON = JsonFactory.builder().build();

    /** The echo filter's bits (empty when echoes are not tracked). */
    private static long[] filterBits(Redactor r) throws ReflectiveOperationException {
        Object known = field(Redactor.class, "known").get(r);
        Object echoes = field(KnownSecrets.class, "echoes").get(known);
        Object filter = field(EchoTracker.class, "emitted").get(echoes);
        return filter == null ? new long[0] : (long[]) field(TokenFilter.class, "bits").get(filter);
    }

    private static Field field(Class<?> type, String name) throws NoSuchFieldException {
        Field f = type.getDeclaredField(name);
        f.setAccessible(true);
        return f;
    }

    @Test
    void theBatchSamplesComeOutAsTheWalkWritesThem() throws Exception {
        for (boolean track : new boolean[] {true, false}) {
            Pair p = new Pair(track);
            for (String name : List.of("guide-output.jsonl", "guide-expired-errors.jsonl", "error-file-400.jsonl")) {
                for (String line : Files.readAllLines(sample(name))) {
                    p.line(line);
                }
            }
            p.sameEnd();
        }
    }

    @Test
    void generatedCompletionsAndFailuresComeOutAsTheWalkWritesThem() throws Exception {
        Random random = new Random(7);
        Pair p = new Pair(true);
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            String key = Secrets.openAiKey(i);
            keys.add(key);
            int kind = random.nextInt(20);
            if (kind == 0) {
                p.line(failure(i, "Incorrect API key provided: " + key + ". You can find your API key at"
                        + " https://platform.openai.com/account/api-keys."));
            } else if (kind == 1 && i > 10) {
                // a key learned earlier, or later (an echo before it was learned), inside a completion
                String echoed = keys.get(random.nextInt(keys.size()));
                p.line(completion(random, i, words(random, 20) + " " + echoed + " " + words(random, 5)));
            } else if (kind == 2) {
                p.line(completion(random, i, words(random, 10) + " api_key=" + key.substring(3) + " " + words(random, 3)));
            } else if (kind == 3) {
                p.line("{\"id\": \"batch_req_" + i + "\", \"custom_id\": \"task-" + i + "\", \"response\": {\"status_code\":"
                        + " 200, \"body\": {\"password\": \"Hunter2Hunter2\"}}, \"error\": null}");
            } else if (kind == 5) {
                p.line(failure(i, "max_tokens is too large: 50000. This model supports at most 16384 tokens.")
                        .replace("invalid_api_key", ERROR_CODES[random.nextInt(ERROR_CODES.length)]));
            } else if (kind == 6) {
                p.line("{\"id\": \"batch_req_" + i + "\", \"custom_id\": \"task-" + i + "\", \"response\": null,"
                        + " \"error\": {\"code\": \"" + ERROR_CODES[random.nextInt(ERROR_CODES.length)] + "\", \"message\":"
                        + " \"This request could not be executed before the completion window expired.\"}}");
            } else if (kind == 4) {
                p.line(completion(random, i, "See https://example.com/x?access_token=" + key.substring(8) + " now"));
            } else {
                p.line(completion(random, i, words(random, 5 + random.nextInt(120))));
            }
        }
        // a later line that shows a token of an earlier, clean line to be secret: both must call it an echo
        p.line("{\"custom_id\": \"late\", \"response\": {\"body\": {\"api_key\": \"" + chatId(3) + "\"}}}");
        p.sameEnd();
        assertThat(p.fast.echoedBeforeLearned()).isTrue();
        assertThat(p.unchanged).isGreaterThan(1_500);
        assertThat(p.compacted).isGreaterThan(1_000);
    }

    @Test
    void randomAndBrokenJsonComesOutAsTheWalkWritesIt() throws Exception {
        Random random = new Random(11);
        for (boolean track : new boolean[] {true, false}) {
            Pair p = new Pair(track);
            for (int i = 0; i < 20_000; i++) {
                String json = value(random, 0);
                int mutation = random.nextInt(12);
                if (mutation == 0 && !json.isEmpty()) {
                    int at = random.nextInt(json.length());
                    json = json.substring(0, at) + json.substring(at + 1); // a byte missing
                } else if (mutation == 1) {
                    json = json + " " + value(random, 0); // two values
                } else if (mutation == 2) {
                    json = "  \t" + json + "\r ";
                }
                p.line(json);
            }
            p.sameEnd();
            assertThat(p.unchanged).isGreaterThan(5_000);
            assertThat(p.compacted).isGreaterThan(2_000);
        }
    }

    @Test
    void plainWordsSaysNothingIsThereOnlyWhereTheScansFindNothing() {
        Random random = new Random(3);
        String alphabet = "abcdefghijklmnopqrstuvwxyzABEGHKSWX   ,,..-:=%[19";
        KnownSecrets known = new KnownSecrets(new EchoTracker());
        known.echoes().start(1 << 20);
        FreeTextScan scan = new FreeTextScan(new Redactor(KEY), known);
        int plain = 0;
        for (int i = 0; i < 50_000; i++) {
            StringBuilder sb = new StringBuilder();
            int n = random.nextInt(60);
            for (int k = 0; k < n; k++) {
                sb.append(random.nextInt(4) == 0 ? ' ' : alphabet.charAt(random.nextInt(random.nextBoolean() ? 26 : alphabet.length())));
            }
            if (random.nextInt(10) == 0) {
                sb.append(random.nextBoolean() ? " basic " : " sk").append("abcdefghijklmnopqrstuvw");
            } else if (random.nextInt(10) == 0) {
                sb.append(random.nextBoolean() ? " " : ", ").append(SHAPES[random.nextInt(SHAPES.length)]);
            }
            byte[] b = ("\"" + sb + "\"").getBytes(StandardCharsets.ISO_8859_1);
            if (PlainWords.nothingToCheck(b, 1, b.length - 1)) {
                plain++;
                CleanJsonLine.TokenNotes notes = new CleanJsonLine.TokenNotes();
                assertThat(known.holdsNoKnownValue(b, 1, b.length - 1, notes)).isTrue();
                assertThat(notes).as(sb.toString()).extracting("count").isEqualTo(0);
                assertThat(scan.leavesAsItIs(b, 1, b.length - 1)).as(sb.toString()).isTrue();
            }
        }
        assertThat(plain).isGreaterThan(5_000);
    }

    /**
     * The string's end found from the lowest of eight bytes' flags, against a byte-by-byte reading: random strings of
     * quotes, backslashes, control characters and bytes beyond ASCII at every place against the eight-byte steps.
     */
    @Test
    void aPlainStringEndsWhereAByteByByteReadingEndsIt() {
        Random random = new Random(17);
        byte[] alphabet = {'a', 'Z', ' ', '"', '\\', 0x1f, 0x20, 0x7f, (byte) 0x80, (byte) 0xc3, (byte) 0xff, 0, '\n'};
        int ended = 0;
        for (int round = 0; round < 100_000; round++) {
            byte[] b = new byte[1 + random.nextInt(40)];
            for (int i = 0; i < b.length; i++) {
                b[i] = random.nextInt(6) == 0 ? alphabet[random.nextInt(alphabet.length)] : (byte) ('a' + random.nextInt(26));
            }
            int from = random.nextInt(b.length);
            int end = from + random.nextInt(b.length - from + 1);
            int expected = -1;
            for (int i = from; i < end; i++) {
                if (b[i] == '"') {
                    expected = i;
                    break;
                }
                if (b[i] == '\\' || b[i] < 0x20) {
                    break;
                }
            }
            assertThat(CleanJsonLine.plainStringEnd(b, from, end)).as(Arrays.toString(b) + " " + from + " " + end)
                    .isEqualTo(expected);
            if (expected >= 0) {
                ended++;
            }
        }
        assertThat(ended).isGreaterThan(3_000);
    }

    // ---------------------------------------------------------------- generated lines

    /** Error codes that stay, and values under "code" that do not (a one-time code, a nested one, a placeholder). */
    private static final String[] ERROR_CODES = {"invalid_value", "batch_expired", "rate_limit_exceeded", "X7kq29Lm",
        "123456", "", "null", "\\\" nested: {}"};

    /** Secret shapes made of nothing but letters, spaces and dots, as plain words are. */
    private static final String[] SHAPES = {"bearer AbCdEfGhIjKlM", "Basic dXNlcjpw", "Bearer abc.def.ghi"};

    /** Words of completions, and rarer ones that start like a URL or a secret shape, or are long tokens. */
    private static final String[] WORDS = {"obsidian", "tundra", "basalt", "be", "sky", "eye", "hello", "when",
        "the", "skill", "ghost", "akin", "ok", "meadow", "Harbor", "Willow"};
    private static final String[] RARE_WORDS = {"Basic", "https", "Bearer", "xoxo", "AKIAlong", "aiza", "pkg", "rk",
        "sk", "ey", "longerthansixteenletters", "Authorization:", "www", SHAPES[0], SHAPES[1], SHAPES[2]};

    private static String words(Random random, int count) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                sb.append(random.nextInt(8) == 0 ? ", " : random.nextInt(8) == 0 ? ". " : " ");
            }
            sb.append(random.nextInt(50) == 0 ? RARE_WORDS[random.nextInt(RARE_WORDS.length)]
                    : WORDS[random.nextInt(WORDS.length)]);
        }
        return sb.toString();
    }

    private static String chatId(int i) {
        return "chatcmpl-" + Integer.toString(i * 7919 + 100_000, 36) + "Xy9Zq8Wv7Ut6Sr5";
    }

    private static String completion(Random random, int i, String content) {
        return "{\"id\": \"batch_req_" + Long.toHexString(random.nextLong()) + "\", \"custom_id\": \"task-" + i
                + "\", \"response\": {\"status_code\": 200, \"request_id\": \"req_" + Long.toHexString(random.nextLong())
                + "\", \"body\": {\"id\": \"" + chatId(i) + "\", \"object\": \"chat.completion\", \"created\": 1711723124,"
                + " \"model\": \"gpt-4o-mini-2024-07-18\", \"choices\": [{\"index\": 0, \"message\": {\"role\":"
                + " \"assistant\", \"content\": \"" + content + "\", \"refusal\": null}, \"logprobs\": null,"
                + " \"finish_reason\": \"stop\"}], \"usage\": {\"prompt_tokens\": 167, \"completion_tokens\": 65,"
                + " \"total_tokens\": 232" + (i % 5 == 0 ? ", \"temperature\": 0.7" : "") + "}, \"system_fingerprint\": \"fp_fd7064673a\"}}, \"error\": null}";
    }

    private static String failure(int i, String message) {
        return "{\"id\": \"batch_req_" + i + "\", \"custom_id\": \"task-" + i + "\", \"response\": {\"status_code\": 401,"
                + " \"request_id\": \"req_" + i + "\", \"body\": {\"error\": {\"message\": \"" + message + "\", \"type\":"
                + " \"invalid_request_error\", \"param\": null, \"code\": \"invalid_api_key\"}}}, \"error\": null}";
    }

    // ---------------------------------------------------------------- random JSON

    private static final String[] NAMES = {"id", "content", "message", "api_key", "token", "password", "code",
        "prompt_tokens", "secret", "session", "x", "", "na\\u006de", "naïve", "url", "otp", "content_type",
        "content_token", "content_tokex", "access_token", "access_counts", "content_token_count_and_more"};
    private static final String[] SCALARS = {"0", "-0", "1", "-12", "01", "1.5", "-0.0", "1e5", "1E+2", "2.", ".5",
        "1e", "-", "true", "false", "null", "nul", "truex", "tru", "123abc", "NaN"};
    private static final String TEXT = "abcdefgh ijklmnop qrstuvwxyz ABCDEFGH 0123456789 sk- ey Bearer Basic"
            + " https:// www. :=%[]{}-_.~+/\\\"\\n\\u0041 é 日 \u0001\t,";

    private static String value(Random random, int depth) {
        int kind = random.nextInt(depth > 4 ? 3 : 6);
        switch (kind) {
            case 0 -> {
                return SCALARS[random.nextInt(SCALARS.length)];
            }
            case 1, 2 -> {
                return '"' + text(random) + '"';
            }
            case 3, 4 -> {
                StringBuilder sb = new StringBuilder("{");
                int n = random.nextInt(5);
                for (int i = 0; i < n; i++) {
                    if (i > 0) {
                        sb.append(random.nextInt(20) == 0 ? "" : ",").append(random.nextBoolean() ? " " : "");
                    }
                    sb.append('"').append(NAMES[random.nextInt(NAMES.length)]).append('"')
                            .append(random.nextBoolean() ? ": " : ":").append(value(random, depth + 1));
                }
                return sb.append(random.nextInt(30) == 0 ? "" : "}").toString();
            }
            default -> {
                StringBuilder sb = new StringBuilder("[");
                int n = random.nextInt(5);
                for (int i = 0; i < n; i++) {
                    sb.append(i > 0 ? ", " : "").append(value(random, depth + 1));
                }
                return sb.append(random.nextInt(30) == 0 ? "," : "").append(']').toString();
            }
        }
    }

    private static String text(Random random) {
        StringBuilder sb = new StringBuilder();
        int n = random.nextInt(40);
        boolean escapes = random.nextInt(4) == 0;
        for (int i = 0; i < n; i++) {
            char c = TEXT.charAt(random.nextInt(escapes ? TEXT.length() : TEXT.indexOf('\\')));
            if (c == '\\' && (i + 1 == n || random.nextBoolean())) {
                sb.append("\\\\");
            } else if (c == '"') {
                sb.append("\\\"");
            } else {
                sb.append(c);
            }
        }
        if (random.nextInt(8) == 0) {
            sb.append(' ').append(Secrets.openAiKey(random.nextInt(50)));
        }
        return sb.toString();
    }

    private static Path sample(String name) throws URISyntaxException, IOException {
        return Path.of(CleanJsonLineTests.class.getResource("/batch/" + name).toURI());
    }
}
