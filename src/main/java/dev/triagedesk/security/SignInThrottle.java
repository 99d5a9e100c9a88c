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
 * Slows down repeated failed sign-ins, per user name and per client address, so a password cannot be guessed at
 * machine speed. The first {@value #FREE_FAILURES} failures cost nothing; each further one doubles the wait
 * before the next attempt is even checked (2 s, 4 s, 8 s ... up to {@link #MAX_WAIT}). A success clears the user
 * name; failures are forgotten after {@link #MEMORY} without attempts. The memory is bounded, so a flood of
 * made-up names cannot exhaust the heap.
 */
@Component
public class SignInThrottle {

    static final int FREE_FAILURES = 5;
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
        Duration byUser = waitFor(userKey(username));
        Duration byAddress = waitFor(addressKey(address));
        return byUser.compareTo(byAddress) >= 0 ? byUser : byAddress;
    }

    public void failed(String username, String address) {
        Instant now = clock.instant();
        for (String key : new String[] {userKey(username), addressKey(address)}) {
            Failures f = failures.get(key, k -> new Failures());
            f.count.incrementAndGet();
            f.last = now;
        }
    }

    public void succeeded(String username) {
        failures.invalidate(userKey(username));
    }

    private Duration waitFor(String key) {
        Failures f = failures.getIfPresent(key);
        if (f == null || f.count.get() < FREE_FAILURES) {
            return Duration.ZERO;
        }
        int excess = Math.min(f.count.get() - FREE_FAILURES, 20);
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

    private static String addressKey(String address) {
        return "a:" + (address == null ? "" : address);
    }
}
