package dev.triagedesk.evidence.redact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triagedesk.evidence.Secrets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The free-text scan skips the letters of a word after its first and looks only where a second character fits
 * (see {@code FreeTextScan.nextCandidate}): these pin that no secret it found before slips through a skip, at the
 * edges of a string, after multi-byte characters, glued to percent escapes, digits and joiners, in any case.
 */
class FreeTextScanTests {

    private final Redactor redactor = new Redactor(RedactionKey.of("unit-test-key-0123456789"));

    /** Each secret with the part that must be gone from the text afterwards. */
    private record Planted(String text, String secretPart) {
    }

    private static final String TOKEN = "Tok3nAbCdEf0123456789xyzQRS";

    private static List<Planted> planted() {
        String jwt = Secrets.jwt("edge");
        return List.of(
                new Planted(Secrets.openAiKey(1), Secrets.openAiKey(1).substring(8)),
                new Planted("sk-" + "AbCdEf0123456789GhIjKlMn", "AbCdEf0123456789GhIjKlMn"),
                new Planted(jwt, jwt.substring(0, 20)),
                new Planted("Bearer " + TOKEN, TOKEN),
                new Planted("bearer " + TOKEN, TOKEN),
                new Planted("BEARER " + TOKEN, TOKEN),
                new Planted("Basic dXNlcjpwYXNzd29yZDEyMw==", "dXNlcjpwYXNzd29yZDEyMw"),
                new Planted("AKIA" + "ABCDEFGHIJ234567", "ABCDEFGHIJ234567"),
                new Planted("ghp_" + "aB3dE6gH9jK2mN5pQ8sT1vW4yZ7bC0eF3hJ6", "aB3dE6gH9jK2mN5pQ8sT1vW4yZ7bC0eF3hJ6"),
                new Planted("github_pat_" + "11ABCDEFG0123456789_abcdefghij", "11ABCDEFG0123456789_abcdefghij"),
                new Planted("xoxb-" + "1234567890-abcdefABCDEF", "1234567890-abcdefABCDEF"),
                new Planted("AIza" + "SyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q", "SyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q"),
                new Planted("sk_live_" + "51AbCdEfGh12345678IjKl", "51AbCdEfGh12345678IjKl"),
                new Planted("-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----",
                        "MIIEvQIBADANBgkqhkiG9w0BAQEFAASC"),
                new Planted("api_key=" + "Zx81Qw73Er65Ty49", "Zx81Qw73Er65Ty49"),
                new Planted("'api_key': '" + "Zx81Qw73Er65Ty49" + "'", "Zx81Qw73Er65Ty49"),
                new Planted("https://user:Pa55w0rdXyz@example.com/x", "Pa55w0rdXyz"),
                new Planted("https://example.com/cb?access_token=" + TOKEN, TOKEN));
    }

    /** What may stand before a secret: a letter before a key prefix (also é or 日) makes it part of a word. */
    private static final List<String> BEFORE = List.of("", " ", "é ", "日本語 ", "日本語.", "(", "\"", "'",
            "\n", "prompt: ", "x=", "#", "\t", "Ünïcödé: ", "\u2028", "—");
    private static final List<String> AFTER = List.of("", " ", ".", "\"", "'", ")", "\n", " and more words", "é",
            "日本語", "; ");

    @Test
    void everySecretIsFoundWhereverItStandsInTheText() {
        for (Planted p : planted()) {
            for (String before : BEFORE) {
                for (String after : AFTER) {
                    String text = before + p.text() + after;
                    assertThat(redactor.text(text)).as(text).doesNotContain(p.secretPart()).contains("REDACTED");
                }
            }
        }
    }

    @Test
    void aJwtGluedToAPercentEscapeThatEndsInALetterIsFound() {
        String jwt = Secrets.jwt("escaped");
        for (String escape : List.of("%3D", "%2F", "%3d", "%2f", "%22", "%3A")) {
            for (String word : List.of("", "state", "x")) {
                String text = "redirect" + " " + word + escape + jwt + " done";
                assertThat(redactor.text(text)).as(text).doesNotContain(jwt.substring(0, 20));
            }
        }
    }

    @Test
    void keysGluedToANameByAJoinerAreFoundWhenTheyLookGenerated() {
        String key = "sk-proj-" + "Xy12Ab34Cd56Ef78Gh90Ij12";
        for (String glue : List.of("user-", "OPENAI_KEY_", "a_", "b-")) {
            assertThat(redactor.text("value " + glue + key + " end")).doesNotContain("Xy12Ab34Cd56Ef78Gh90Ij12");
        }
    }

    @Test
    void prefixesInsideWordsAndProseStayAsTheyWere() {
        for (String prose : List.of("task-sk-learn-with-pipelines is a slug", "unbearable bearer authentication",
                "the eyes see skies; Basically ghosts, AKIAs and xoxo", "desksk-AbCdEf0123456789GhIjKlMn",
                "an AKIAABCDEFGHIJ2345678 too long", "summarise the weather report please", "httpbin and wss are words",
                "-- a dash, [a bracket] and [REDACTED not a marker", "é日本語 sess", "")) {
            assertThat(redactor.text(prose)).isSameAs(prose);
        }
    }

    /**
     * Random text of words, joiners, non-ASCII characters, escapes, separators and secrets glued together: the
     * scan with its skips gives exactly what the same scan gives checking at every character something starts with
     * (each separator, marker, URL and shape start), which is how it worked before the skips.
     */
    @Test
    void theSkipsChangeNothingAgainstACheckAtEveryStart() {
        Random random = new Random(11);
        List<String> pieces = new ArrayList<>(List.of("summarise", "the", "report", "sky", "eye", "eyJ", "Bearer",
                "basic", "BASIC", "ghost", "gh", "xox", "AIza", "session", "sid", "http", "https://", "www", "wss://",
                "sess", "weather", "key", "Best", "AKIA", "ASIA", "rk_", "-", "_", "--", "-----", " ", " ", " ", ".",
                ",", ":", "=", "%", "%2", "%3D", "%22", "é", "日", "ß", "Ω", "7", "42", "\"", "'", "[", "]", "[REDACTED:",
                "/", "?", "&", "@", "\n", "\u00A0", "—", "\uD83D\uDE00", "api_key", "token", "Authorization",
                "password", "Cookie"));
        for (Planted p : planted()) {
            pieces.add(p.text());
            pieces.add(p.secretPart());
        }
        int redacted = 0;
        for (int round = 0; round < 5000; round++) {
            StringBuilder sb = new StringBuilder();
            int count = 1 + random.nextInt(16);
            for (int k = 0; k < count; k++) {
                String piece = pieces.get(random.nextInt(pieces.size()));
                sb.append(random.nextInt(6) == 0 ? piece.toUpperCase(java.util.Locale.ROOT) : piece);
            }
            String text = sb.toString();
            String skipping = new Redactor(RedactionKey.of("unit-test-key-0123456789")).text(text, "text");
            Redactor reference = new Redactor(RedactionKey.of("unit-test-key-0123456789"));
            String everyStart = new FreeTextScan(reference, new KnownSecrets(new EchoTracker())).checkingEveryStart()
                    .redact(text, "text");
            assertThat(skipping).as(text).isEqualTo(everyStart);
            if (skipping != text) {
                redacted++;
            }
        }
        assertThat(redacted).isGreaterThan(2000);
    }
}
