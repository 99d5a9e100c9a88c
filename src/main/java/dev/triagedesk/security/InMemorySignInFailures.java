package dev.triagedesk.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Instant;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Failed sign-ins counted in this instance's memory, forgotten {@link SignInThrottle#MEMORY} after a key's last
 * failure (one instance; with {@code triage.cluster=true}, {@link JdbcSignInFailures} counts in the database). The
 * memory is bounded, so a flood of made-up names cannot exhaust the heap.
 */
@Component
@ConditionalOnProperty(name = "triage.cluster", havingValue = "false", matchIfMissing = true)
class InMemorySignInFailures implements SignInFailures {

    private final Cache<String, Count> counts = Caffeine.newBuilder()
            .maximumSize(100_000).expireAfterWrite(SignInThrottle.MEMORY).build();

    @Override
    public Count get(String key) {
        return counts.getIfPresent(key);
    }

    @Override
    public void add(String key, Instant at) {
        counts.asMap().merge(key, new Count(1, at),
                (old, one) -> new Count(old.failures() + 1, old.last().isAfter(at) ? old.last() : at));
    }

    @Override
    public void clear(String key) {
        counts.invalidate(key);
    }

    @Override
    public void clearAll() {
        counts.invalidateAll();
    }
}
