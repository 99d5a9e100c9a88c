package dev.triagedesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triagedesk.staff.Role;
import dev.triagedesk.staff.StaffService;
import dev.triagedesk.support.EdgeSettings;
import dev.triagedesk.support.TriageDeskTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * TRIAGE_ADMIN_USERNAME / TRIAGE_ADMIN_PASSWORD create the first administrator at start-up: "boss", "from the
 * environment" in {@link EdgeSettings}.
 */
@TriageDeskTest
@EdgeSettings
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
