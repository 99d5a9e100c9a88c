package dev.triagedesk.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Slows down repeated failed sign-ins so a password cannot be guessed at machine speed, without letting one
 * client lock its colleagues out.
 * <ul>
 * <li>Every user name, known or not, is counted from each address ({@value #FREE_FAILURES} failures free) and
 * from everywhere ({@value #FREE_FAILURES_WIDE} free): guessing one account's password from many addresses still
 * hits a limit.</li>
 * <li>Failures on names that belong to no account are also counted per address ({@value #FREE_FAILURES_WIDE}
 * free), so one client cannot try made-up names at machine speed. That count never holds back a name that is an
 * account: behind a reverse proxy every staff member shares the proxy's address, and a client trying names there
 * must not keep the right password of anyone else from working.</li>
 * </ul>
 * Beyond the free failures each further one doubles the wait before the next attempt is even checked (2 s, 4 s, 8
 * s ... up to {@link #MAX_WAIT}). A success clears that user name's counts. The counts live in a
 * {@link SignInFailures}; the address is the client's as Tomcat sees it, which is the forwarded one only from a
 * trusted proxy ({@link TrustedProxies}).
 */
@Component
public class SignInThrottle {

    static final int FREE_FAILURES = 5;
    static final int FREE_FAILURES_WIDE = 30;
    static final Duration MAX_WAIT = Duration.ofMinutes(15);
    static final Duration MEMORY = Duration.ofMinutes(30);

    /**
     * One sign-in attempt.
     *
     * @param username the name given
     * @param account whether the name is a staff account's (disabled or not)
     * @param address the client's address
     */
    public record Attempt(String username, boolean account, String address) {
    }

    private final SignInFailures failures;
    private final Clock clock;

    SignInThrottle(SignInFailures failures, Clock clock) {
        this.failures = failures;
        this.clock = clock;
    }

    /** How long the caller must still wait before this attempt is checked; zero when it may go ahead. */
    public Duration waitFor(Attempt attempt) {
        Duration wait = waitFor(pairKey(attempt), FREE_FAILURES);
        for (String key : wideKeys(attempt)) {
            Duration w = waitFor(key, FREE_FAILURES_WIDE);
            if (w.compareTo(wait) > 0) {
                wait = w;
            }
        }
        return wait;
    }

    public void failed(Attempt attempt) {
        Instant now = clock.instant();
        failures.add(pairKey(attempt), now);
        for (String key : wideKeys(attempt)) {
            failures.add(key, now);
        }
    }

    public void succeeded(Attempt attempt) {
        failures.clear(pairKey(attempt));
        failures.clear(userKey(attempt.username()));
    }

    /** Failures on names of no account counted from this address; for tests. */
    int unknownNameFailuresFrom(String address) {
        SignInFailures.Count c = failures.get(addressKey(address));
        return c == null ? 0 : c.failures();
    }

    /** Forgets every failure; for tests, which all sign in from one address. */
    void forgetAll() {
        failures.clearAll();
    }

    private static List<String> wideKeys(Attempt attempt) {
        List<String> keys = new ArrayList<>(2);
        keys.add(userKey(attempt.username()));
        if (!attempt.account()) {
            keys.add(addressKey(attempt.address()));
        }
        return keys;
    }

    private Duration waitFor(String key, int free) {
        SignInFailures.Count f = failures.get(key);
        if (f == null || f.failures() < free) {
            return Duration.ZERO;
        }
        int excess = Math.min(f.failures() - free, 20);
        Duration wait = Duration.ofSeconds(2L << excess);
        if (wait.compareTo(MAX_WAIT) > 0) {
            wait = MAX_WAIT;
        }
        Duration left = Duration.between(clock.instant(), f.last().plus(wait));
        return left.isNegative() ? Duration.ZERO : left;
    }

    private static String userKey(String username) {
        return "u:" + (username == null ? "" : username.trim().toLowerCase(Locale.ROOT));
    }

    private static String pairKey(Attempt attempt) {
        return "p:" + addressKey(attempt.address()) + " " + userKey(attempt.username());
    }

    private static String addressKey(String address) {
        return "a:" + (address == null ? "" : address);
    }
}
