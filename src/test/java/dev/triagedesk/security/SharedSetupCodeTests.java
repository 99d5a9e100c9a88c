package dev.triagedesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** One setup code for instances on one database: the first to start claims it, every instance accepts it. */
class SharedSetupCodeTests {

    private final String url = "jdbc:h2:mem:setup-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    private final JdbcTemplate jdbc = migrated();
    private final Instant now = Instant.parse("2026-12-07T00:00:00Z");

    private JdbcTemplate migrated() {
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load().migrate();
        return new JdbcTemplate(new DriverManagerDataSource(url, "sa", ""));
    }

    @Test
    void theFirstInstancesCodeIsAcceptedByTheOthersAndStoredHashed() {
        SharedSetupCode a = new SharedSetupCode(jdbc);
        SharedSetupCode b = new SharedSetupCode(jdbc);
        assertThat(a.claim("AAAA-BBBB-CCCC", now)).isTrue();
        assertThat(b.claim("DDDD-EEEE-FFFF", now.plusSeconds(1))).isFalse();
        assertThat(b.matches("AAAA-BBBB-CCCC")).isTrue();
        assertThat(b.matches("DDDD-EEEE-FFFF")).isFalse();
        assertThat(jdbc.queryForObject("SELECT code_hash FROM setup_code", String.class))
                .hasSize(64).doesNotContain("AAAA");
    }

    @Test
    void aClaimLeftByAClusterStoppedLongAgoGivesWay() {
        SharedSetupCode a = new SharedSetupCode(jdbc);
        assertThat(a.claim("AAAA-BBBB-CCCC", now)).isTrue();
        assertThat(a.claim("DDDD-EEEE-FFFF", now.plus(SharedSetupCode.EXPIRES).plusSeconds(1))).isTrue();
        assertThat(a.matches("DDDD-EEEE-FFFF")).isTrue();
        assertThat(a.matches("AAAA-BBBB-CCCC")).isFalse();
    }
}
