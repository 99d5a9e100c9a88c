package dev.triagedesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triagedesk.security.SignInThrottle.Attempt;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * What the throttle counts an attempt against: the user name (from one address, and from everywhere) always, the
 * address only for names that are no account, so a client trying made-up names behind the same proxy as everyone
 * cannot lock the staff out.
 */
class SignInThrottleTests {

    private static final String PROXY = "10.0.0.5";

    private final Clock clock = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);
    private final SignInThrottle throttle = new SignInThrottle(new InMemorySignInFailures(), clock);

    @Test
    void madeUpNamesFromOneAddressNeverHoldBackAnAccountFromThere() {
        for (int i = 0; i < 200; i++) {
            throttle.failed(new Attempt("nobody-" + i, false, PROXY));
        }
        // the next made-up name from there waits the longest wait...
        assertThat(throttle.waitFor(new Attempt("nobody-else", false, PROXY))).isEqualTo(SignInThrottle.MAX_WAIT);
        // ...while every account is checked at once, from the same address
        assertThat(throttle.waitFor(new Attempt("dana", true, PROXY))).isZero();
        assertThat(throttle.waitFor(new Attempt("sam", true, PROXY))).isZero();
        // and a made-up name from elsewhere is not held back by that address either
        assertThat(throttle.waitFor(new Attempt("nobody-else", false, "192.0.2.1"))).isZero();
    }

    @Test
    void failuresOnOneAccountDoNotHoldBackAnother() {
        for (int i = 0; i < 100; i++) {
            throttle.failed(new Attempt("sam", true, PROXY));
        }
        assertThat(throttle.waitFor(new Attempt("sam", true, PROXY))).isEqualTo(SignInThrottle.MAX_WAIT);
        assertThat(throttle.waitFor(new Attempt("dana", true, PROXY))).isZero();
        assertThat(throttle.unknownNameFailuresFrom(PROXY)).isZero();
    }

    @Test
    void anAccountIsThrottledByItsNameFromOneAddressAndFromEverywhere() {
        for (int i = 0; i < SignInThrottle.FREE_FAILURES - 1; i++) {
            throttle.failed(new Attempt("Dana", true, PROXY));
        }
        assertThat(throttle.waitFor(new Attempt("dana", true, PROXY))).isZero();
        throttle.failed(new Attempt("dana ", true, PROXY));
        assertThat(throttle.waitFor(new Attempt("DANA", true, PROXY))).isEqualTo(Duration.ofSeconds(2));
        // from another address the name still has its wider allowance
        assertThat(throttle.waitFor(new Attempt("dana", true, "192.0.2.1"))).isZero();

        // guesses spread over many addresses hit the name's own limit
        for (int i = 0; i < SignInThrottle.FREE_FAILURES_WIDE; i++) {
            throttle.failed(new Attempt("dana", true, "198.51.100." + i));
        }
        assertThat(throttle.waitFor(new Attempt("dana", true, "192.0.2.1"))).isPositive();

        // a success clears the name
        throttle.succeeded(new Attempt("dana", true, "192.0.2.1"));
        assertThat(throttle.waitFor(new Attempt("dana", true, "192.0.2.1"))).isZero();
    }

    @Test
    void aMadeUpNameIsThrottledLikeAnAccountSoTheThrottleDoesNotTellThemApart() {
        for (int i = 0; i < SignInThrottle.FREE_FAILURES; i++) {
            throttle.failed(new Attempt("ghost", false, "192.0.2.1"));
            throttle.failed(new Attempt("dana", true, "192.0.2.1"));
        }
        assertThat(throttle.waitFor(new Attempt("ghost", false, "192.0.2.1")))
                .isEqualTo(throttle.waitFor(new Attempt("dana", true, "192.0.2.1")))
                .isEqualTo(Duration.ofSeconds(2));
        assertThat(throttle.unknownNameFailuresFrom("192.0.2.1")).isEqualTo(SignInThrottle.FREE_FAILURES);
    }

    @Test
    void theWaitDoublesUpToItsLongest() {
        for (int i = 0; i < SignInThrottle.FREE_FAILURES + 3; i++) {
            throttle.failed(new Attempt("dana", true, PROXY));
        }
        assertThat(throttle.waitFor(new Attempt("dana", true, PROXY))).isEqualTo(Duration.ofSeconds(16));
        for (int i = 0; i < 20; i++) {
            throttle.failed(new Attempt("dana", true, PROXY));
        }
        assertThat(throttle.waitFor(new Attempt("dana", true, PROXY))).isEqualTo(SignInThrottle.MAX_WAIT);
    }
}
