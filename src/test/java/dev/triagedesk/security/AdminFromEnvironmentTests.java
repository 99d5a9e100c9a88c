package dev.triagedesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triagedesk.staff.Role;
import dev.triagedesk.staff.StaffService;
import dev.triagedesk.support.TriageDeskTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/** TRIAGE_ADMIN_USERNAME / TRIAGE_ADMIN_PASSWORD create the first administrator at start-up. */
@TriageDeskTest
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

    @Test
    void theAdministratorExistsWithAHashedPasswordAndSetupIsClosed() {
        var boss = staff.byUsername("boss").orElseThrow();
        assertThat(boss.getRole()).isEqualTo(Role.ADMIN);
        assertThat(boss.getPasswordHash()).startsWith("{bcrypt}").doesNotContain("from the environment");
        assertThat(passwords.matches("from the environment", boss.getPasswordHash())).isTrue();
        assertThat(setup.open()).isFalse();
    }
}
