package dev.triagedesk.evidence.har;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A body handed over as one string is kept as it is; whatever comes after it, or past the limit, as before. */
class BodyCaptureTests {

    private static final String ERROR_EVENT = "event: error\ndata: {\"error\":{\"code\":\"server_error\","
            + "\"message\":\"The server had an error\"}}\n\n";

    @Test
    void aWholeBodyWithinTheLimitIsKeptAsTheSameString() {
        BodyCapture capture = new BodyCapture(64, false);
        String body = "{\"error\":{\"code\":\"rate_limit_exceeded\"}}";
        capture.write(body);
        capture.close();
        assertThat(capture.text()).isSameAs(body);
        assertThat(capture.truncated()).isFalse();
        assertThat(capture.length()).isEqualTo(body.length());
    }

    @Test
    void whatFollowsAWholeStringIsKeptAfterItUpToTheLimit() {
        BodyCapture capture = new BodyCapture(10, false);
        capture.write("abcdef");
        capture.write("ghijkl".toCharArray(), 0, 6);
        capture.close();
        assertThat(capture.text()).isEqualTo("abcdefghij");
        assertThat(capture.truncated()).isTrue();
        assertThat(capture.length()).isEqualTo(12);
    }

    @Test
    void aStringLongerThanTheLimitIsCut() {
        BodyCapture capture = new BodyCapture(4, false);
        capture.write("abcdef");
        capture.close();
        assertThat(capture.text()).isEqualTo("abcd");
        assertThat(capture.truncated()).isTrue();
    }

    @Test
    void anEventStreamHandedOverWholeIsScannedForItsErrorEvent() {
        BodyCapture capture = new BodyCapture(1024, true);
        capture.write("data: {\"delta\":\"hi\"}\n\n" + ERROR_EVENT);
        capture.close();
        assertThat(capture.stream()).isNotNull();
        assertThat(capture.stream().firstError()).isNotNull();
        assertThat(capture.stream().firstError().code()).isEqualTo("server_error");
    }

    @Test
    void anEventStreamWithoutErrorsIsNotParsed() {
        BodyCapture capture = new BodyCapture(1024, true);
        capture.write("data: {\"delta\":\"hi\"}\n\ndata: [DONE]\n\n");
        capture.close();
        assertThat(capture.stream()).isNull();
    }
}
