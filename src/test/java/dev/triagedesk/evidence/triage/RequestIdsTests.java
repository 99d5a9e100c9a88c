package dev.triagedesk.evidence.triage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triagedesk.evidence.RequestId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RequestIdsTests {

    /** The searches {@link RequestIds#wordsIn} replaces, as they were: the reference. */
    private static int wordsBySearches(String text) {
        return (text.contains("req_") ? RequestIds.REQ_PREFIX : 0)
                | (containsIgnoreCase(text, "requestid") || containsIgnoreCase(text, "request id")
                        || containsIgnoreCase(text, "request_id") || containsIgnoreCase(text, "request-id")
                        ? RequestIds.REQUEST : 0)
                | (containsIgnoreCase(text, "trace") ? RequestIds.TRACE : 0)
                | (containsIgnoreCase(text, "correlation") ? RequestIds.CORRELATION : 0)
                | (containsIgnoreCase(text, "ray") ? RequestIds.RAY_WORD : 0)
                | (text.indexOf('(') >= 0 ? RequestIds.PAREN : 0);
    }

    private static boolean containsIgnoreCase(String text, String lowerNeedle) {
        char first = lowerNeedle.charAt(0);
        for (int i = 0; i <= text.length() - lowerNeedle.length(); i++) {
            char c = text.charAt(i);
            if ((c == first || c == Character.toUpperCase(first))
                    && text.regionMatches(true, i, lowerNeedle, 0, lowerNeedle.length())) {
                return true;
            }
        }
        return false;
    }

    @Test
    void wordsInFindsWhatTheSearchesFound() {
        String[] samples = {"", "req_", "Req_abc", "REQUEST id", "x-request-id: abc", "Trace", "tRaCe-id",
            "CORRELATIONID", "correlatio", "Ray ID: 8f1e2d3c4b5a6978", "(", "rea", "requesT", "traceparent",
            "\u0131\u017f", "co\u0131relation", "re\u017fquest", "req", "ra", "rrrequest", "ccorrelation ttrace",
            "your request.", "requests", "request id", "Request-ID", "request_id", "requestId", "REQUESTID", "request  id",
            "request\u0131d", "request_"};
        for (String s : samples) {
            assertThat(RequestIds.wordsIn(s)).as(s).isEqualTo(wordsBySearches(s));
        }
        // random texts over an alphabet of the words' letters in both cases, separators and characters whose case
        // folds to a word's letter (dotless i, long s, Kelvin sign)
        String alphabet = "reqstuacolinydREQSTUACOLINYD_( -:\u0131\u017f\u212a\u00e9x";
        Random random = new Random(11);
        for (int t = 0; t < 50_000; t++) {
            StringBuilder b = new StringBuilder();
            int n = random.nextInt(40);
            for (int i = 0; i < n; i++) {
                if (random.nextInt(12) == 0) {
                    String[] words = {"request", "Trace", "correlation", "RAY", "req_", "rEqUeSt", "id", "ID", "_id", " Id",
                        "-iD", "request_id", "requestid"};
                    b.append(words[random.nextInt(words.length)]);
                } else {
                    b.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
            }
            String s = b.toString();
            assertThat(RequestIds.wordsIn(s)).as(s).isEqualTo(wordsBySearches(s));
        }
    }

    @Test
    void idsQuotedInABodyAreFoundByEachExpression() {
        List<RequestId> ids = new ArrayList<>();
        RequestIds.fromText("{\"error\":{\"message\":\"Internal error (request ID req_0123456789abcdef0123456789abcdef)"
                + " Ray ID: 8f1e2d3c4b5a6978\",\"traceId\":\"a1b2c3d4e5f60718\"}}", ids);
        assertThat(ids).extracting(RequestId::value)
                .contains("req_0123456789abcdef0123456789abcdef", "8f1e2d3c4b5a6978", "a1b2c3d4e5f60718");
        List<RequestId> none = new ArrayList<>();
        RequestIds.fromText("{\"detail\":\"Not found\"}", none);
        assertThat(none).isEmpty();
    }
}
