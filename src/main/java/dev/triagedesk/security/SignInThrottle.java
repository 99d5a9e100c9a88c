package dev.triagedesk.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * Slows down repeated failed sign-ins so a password cannot be guessed at machine speed. Failures are counted per
 * user name from one address ({@value #FREE_FAILURES} free), and more loosely per address alone and per user name
 * alone ({@value #FREE_FAILURES_WIDE} free each): one guesser cannot lock out a whole office behind a proxy or a
 * colleague from everywhere, and spreading guesses over names or addresses still hits a limit. Beyond the free
 * failures each further one doubles the wait before the next attempt is even checked (2 s, 4 s, 8 s ... up to
 * {@link #MAX_WAIT}). A success clears that user name's counts; failures are forgotten after {@link #MEMORY}
 * without attempts. The memory is bounded, so a flood of made-up names cannot exhaust the heap.
 */
@Component
public class SignInThrottle {

    static final int FREE_FAILURES = 5;
    static final int FREE_FAILURES_WIDE = 30;
    static final Duration MAX_WAIT = Duration.ofMinutes(15);
    static final Duration MEMORY = Duration.ofMinutes(30);

    private static final class Failures {
        final AtomicInteger count = new AtomicInteger();
        volatile Instant last = Instant.EPOCH;
    }

    private final Cache<String, Failures> failures = Caffeine.newBuilder()
            .maximumSize(100_000).expireAfterAccess(MEMORY).build();
    private final Clock clock;

    SignInThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long the caller must still wait before an attempt for this user name from this address is checked. */
    public Duration waitFor(String username, String address) {
        Duration wait = waitFor(pairKey(username, address), FREE_FAILURES);
        Duration byUser = waitFor(userKey(username), FREE_FAILURES_WIDE);
        Duration byAddress = waitFor(addressKey(address), FREE_FAILURES_WIDE);
        if (byUser.compareTo(wait) > 0) {
            wait = byUser;
        }
        return byAddress.compareTo(wait) > 0 ? byAddress : wait;
    }

    public void failed(String username, String address) {
        Instant now = clock.instant();
        for (String key : new String[] {pairKey(username, address), userKey(username), addressKey(address)}) {
            Failures f = failures.get(key, k -> new Failures());
            f.count.incrementAndGet();
            f.last = now;
        }
    }

    public void succeeded(String username, String address) {
        failures.invalidate(pairKey(username, address));
        failures.invalidate(userKey(username));
    }

    /** Forgets every failure; for tests, which all sign in from one address. */
    void forgetAll() {
        failures.invalidateAll();
    }

    private Duration waitFor(String key, int free) {
        Failures f = failures.getIfPresent(key);
        if (f == null || f.count.get() < free) {
            return Duration.ZERO;
        }
        int excess = Math.min(f.count.get() - free, 20);
        Duration wait = Duration.ofSeconds(2L << excess);
        if (wait.compareTo(MAX_WAIT) > 0) {
            wait = MAX_WAIT;
        }
        Duration left = Duration.between(clock.instant(), f.last.plus(wait));
        return left.isNegative() ? Duration.ZERO : left;
    }

    private static String userKey(String username) {
        return "u:" + (username == null ? "" : username.trim().toLowerCase(Locale.ROOT));
    }

    private static String pairKey(String username, String address) {
        return "p:" + addressKey(address) + " " + userKey(username);
    }

    private static String addressKey(String address) {
        return "a:" + (address == null ? "" : address);
    }
}
