package dev.triagedesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triagedesk.cluster.ClusterLock;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Failed sign-ins counted in the database: two instances see one count, forgotten after the throttle's memory. */
class JdbcSignInFailuresTests {

    private final String url = "jdbc:h2:mem:failures-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    private final JdbcTemplate jdbc = migrated();
    private final Instant start = Instant.parse("2026-12-07T00:00:00Z");

    private JdbcTemplate migrated() {
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load().migrate();
        return new JdbcTemplate(new DriverManagerDataSource(url, "sa", ""));
    }

    private JdbcSignInFailures instanceAt(Instant now) {
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        return new JdbcSignInFailures(jdbc, clock, new ClusterLock(jdbc, clock));
    }

    @Test
    void failuresOnTwoInstancesAddUpUnderOneKey() {
        SignInFailures a = instanceAt(start);
        SignInFailures b = instanceAt(start);
        a.add("name:dana", start.minusSeconds(3));
        b.add("name:dana", start.minusSeconds(2));
        a.add("name:dana", start.minusSeconds(1));
        b.add("address:10.0.0.7", start);
        assertThat(b.get("name:dana")).isEqualTo(new SignInFailures.Count(3, start.minusSeconds(1)));
        assertThat(a.get("address:10.0.0.7").failures()).isEqualTo(1);
        assertThat(a.get("name:nobody")).isNull();
        // no account name or address is stored, only the key's hash
        assertThat(jdbc.queryForList("SELECT key_hash FROM sign_in_failure", String.class))
                .allSatisfy(h -> assertThat(h).hasSize(64).doesNotContain("dana"));
        b.clear("name:dana");
        assertThat(a.get("name:dana")).isNull();
        assertThat(a.get("address:10.0.0.7")).isNotNull();
    }

    @Test
    void aCountIsForgottenAfterTheThrottlesMemoryAndStartsAgain() {
        instanceAt(start).add("name:dana", start);
        instanceAt(start).add("name:dana", start);
        Instant later = start.plus(SignInThrottle.MEMORY).plusSeconds(1);
        SignInFailures afterwards = instanceAt(later);
        assertThat(afterwards.get("name:dana")).isNull();
        afterwards.add("name:dana", later);
        assertThat(afterwards.get("name:dana")).isEqualTo(new SignInFailures.Count(1, later));
    }
}
