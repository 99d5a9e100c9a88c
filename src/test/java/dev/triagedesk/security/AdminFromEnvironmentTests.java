package dev.triagedesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triagedesk.staff.Role;
import dev.triagedesk.staff.StaffService;
import dev.triagedesk.support.TriageDeskTest;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.test.context.TestPropertySource;

/**
 * TRIAGE_ADMIN_USERNAME / TRIAGE_ADMIN_PASSWORD create the first administrator at start-up, before the instance
 * says it is ready for traffic (its own application: an empty database).
 */
@TriageDeskTest
@Import(AdminFromEnvironmentTests.ReadinessWitness.class)
@TestPropertySource(properties = {"spring.datasource.url=jdbc:h2:mem:admin-env;DB_CLOSE_DELAY=-1",
        "triage.data-dir=target/test-data/admin-env", "TRIAGE_ADMIN_USERNAME=boss",
        "TRIAGE_ADMIN_PASSWORD=from the environment"})
class AdminFromEnvironmentTests {

    @Autowired
    StaffService staff;
    @Autowired
    FirstRunSetup setup;
    @Autowired
    org.springframework.security.crypto.password.PasswordEncoder passwords;
    @Autowired
    ReadinessWitness witness;

    /** Notes whether the administrator existed when readiness turned to ACCEPTING_TRAFFIC. */
    @TestComponent
    static class ReadinessWitness {

        final AtomicReference<Boolean> adminWhenReady = new AtomicReference<>();
        private final StaffService staff;

        ReadinessWitness(StaffService staff) {
            this.staff = staff;
        }

        @EventListener
        void readiness(AvailabilityChangeEvent<ReadinessState> event) {
            if (event.getState() == ReadinessState.ACCEPTING_TRAFFIC) {
                adminWhenReady.compareAndSet(null, staff.byUsername("boss").isPresent());
            }
        }
    }

    @Test
    void theInstanceIsReadyOnlyOnceTheAdministratorIsMade() {
        assertThat(witness.adminWhenReady.get()).as("readiness announced, with the administrator made").isTrue();
    }

    @Test
    void theAdministratorExistsWithAHashedPasswordAndSetupIsClosed() {
        var boss = staff.byUsername("boss").orElseThrow();
        assertThat(boss.getRole()).isEqualTo(Role.ADMIN);
        assertThat(boss.getPasswordHash()).startsWith("{bcrypt}").doesNotContain("from the environment");
        assertThat(passwords.matches("from the environment", boss.getPasswordHash())).isTrue();
        assertThat(setup.open()).isFalse();
    }
}
