package dev.triagedesk.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Two instances (two locks on one database): one runs a job at a time, and a dead holder's lock ends. */
class ClusterLockTests {

    private final String url = "jdbc:h2:mem:lock-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    private final JdbcTemplate jdbc = migrated();

    private JdbcTemplate migrated() {
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load().migrate();
        return new JdbcTemplate(new DriverManagerDataSource(url, "sa", ""));
    }

    private ClusterLock instanceAt(Instant now) {
        return new ClusterLock(jdbc, Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void whileOneInstanceRunsAJobTheOtherSkipsIt() {
        Instant now = Instant.parse("2026-12-07T00:00:00Z");
        ClusterLock a = instanceAt(now);
        ClusterLock b = instanceAt(now);
        AtomicInteger runs = new AtomicInteger();
        boolean ranOnA = a.runExclusively("housekeeping", Duration.ofMinutes(10), () -> {
            runs.incrementAndGet();
            assertThat(b.runExclusively("housekeeping", Duration.ofMinutes(10), runs::incrementAndGet)).isFalse();
            // another job has a lock of its own
            assertThat(b.runExclusively("mail-outbox", Duration.ofMinutes(10), runs::incrementAndGet)).isTrue();
        });
        assertThat(ranOnA).isTrue();
        assertThat(runs).hasValue(2);
        // released: the next run may be anywhere
        assertThat(b.runExclusively("housekeeping", Duration.ofMinutes(10), runs::incrementAndGet)).isTrue();
        assertThat(runs).hasValue(3);
    }

    @Test
    void aLockWhoseHolderDiedEndsAtItsLongestTime() {
        Instant now = Instant.parse("2026-12-07T00:00:00Z");
        assertThat(instanceAt(now).acquire("retention", Duration.ofMinutes(10))).isTrue();
        // never released (the holder was killed)
        assertThat(instanceAt(now.plusSeconds(599)).acquire("retention", Duration.ofMinutes(10))).isFalse();
        assertThat(instanceAt(now.plusSeconds(600)).acquire("retention", Duration.ofMinutes(10))).isTrue();
    }
}
