package dev.triagedesk.security;

import dev.triagedesk.staff.StaffService;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.env.Environment;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How the first administrator comes to be; there is never a default password. At start-up, when no staff account
 * exists: with {@code TRIAGE_ADMIN_USERNAME} and {@code TRIAGE_ADMIN_PASSWORD} set, that account is created;
 * otherwise the first-run page {@code /setup} opens, guarded by a one-time setup code written to the server's log,
 * so that only whoever runs the server (not whoever finds it first on the network) can claim it.
 */
@Component
@EnableConfigurationProperties(AdminAccountProperties.class)
public class FirstRunSetup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstRunSetup.class);
    private static final String CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final StaffService staff;
    private final AdminAccountProperties admin;
    private final String setupCode;
    private final SharedSetupCode shared;

    FirstRunSetup(StaffService staff, AdminAccountProperties admin, JdbcTemplate jdbc, Environment environment) {
        this.staff = staff;
        this.admin = admin;
        // several instances on one database accept the code the first of them printed
        this.shared = environment.getProperty("triage.cluster", Boolean.class, false) ? new SharedSetupCode(jdbc) : null;
        SecureRandom random = new SecureRandom();
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            code.append(CODE_ALPHABET.charAt(random.nextInt(CODE_ALPHABET.length())));
            if (i % 4 == 3 && i < 11) {
                code.append('-');
            }
        }
        this.setupCode = code.toString();
    }

    @Override
    public void run(ApplicationArguments args) {
        if (staff.anyAccount()) {
            if (admin.given()) {
                log.info("TRIAGE_ADMIN_USERNAME is set but staff accounts exist already: it was not used.");
            }
            return;
        }
        if (admin.given()) {
            try {
                staff.createFirstAdmin(admin.username(), admin.password())
                        .ifPresent(u -> log.info("Created the first administrator, {}, from TRIAGE_ADMIN_USERNAME.",
                                u.getUsername()));
            } catch (IllegalArgumentException | DataIntegrityViolationException e) {
                // another instance on the same database created it first: not this instance's failure
                if (staff.anyAccount()) {
                    log.info("The first administrator was created meanwhile by another instance: {} was not used.",
                            "TRIAGE_ADMIN_USERNAME");
                    return;
                }
                throw new IllegalStateException("TRIAGE_ADMIN_USERNAME/TRIAGE_ADMIN_PASSWORD: " + e.getMessage(), e);
            }
            return;
        }
        if (shared != null && !shared.claim(setupCode, java.time.Instant.now())) {
            log.warn("No staff account exists yet. Open /setup in a browser and enter the setup code another instance"
                    + " on this database printed when it started (or start with TRIAGE_ADMIN_USERNAME and"
                    + " TRIAGE_ADMIN_PASSWORD set).");
            return;
        }
        log.warn("No staff account exists yet. Open /setup in a browser and enter the setup code {} to create the"
                + " first administrator (or start with TRIAGE_ADMIN_USERNAME and TRIAGE_ADMIN_PASSWORD set).", setupCode);
    }

    /** Whether the first-run page is open: only while there is no account. */
    public boolean open() {
        return !staff.anyAccount();
    }

    /** The code the first-run page asks for; for tests, which read it instead of the log. */
    public String setupCode() {
        return setupCode;
    }

    boolean codeMatches(String given) {
        String normalized = given == null ? "" : given.trim().toUpperCase(java.util.Locale.ROOT).replace(" ", "");
        return MessageDigest.isEqual(normalized.getBytes(StandardCharsets.UTF_8),
                setupCode.getBytes(StandardCharsets.UTF_8)) || shared != null && shared.matches(normalized);
    }
}
