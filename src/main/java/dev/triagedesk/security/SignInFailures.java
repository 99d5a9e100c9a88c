package dev.triagedesk.security;

import java.time.Instant;

/**
 * Where the {@link SignInThrottle} keeps its counts of failed sign-ins, each under a key the throttle makes (an
 * account name, an address, or both). Kept apart from the throttle's rules so the counts can move elsewhere (a
 * table shared by several instances) without touching them; {@link InMemorySignInFailures} keeps them in memory.
 * An implementation forgets a key some time after its last failure ({@link SignInThrottle#MEMORY} at least).
 */
public interface SignInFailures {

    /** How many failures a key has and when the last one was. */
    record Count(int failures, Instant last) {
    }

    /** The failures recorded under this key, or null when there are none. */
    Count get(String key);

    /** Records one more failure under this key. */
    void add(String key, Instant at);

    /** Forgets the failures recorded under this key. */
    void clear(String key);

    /** Forgets every failure. */
    void clearAll();
}
