package dev.triagedesk.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.TestPropertySource;

/**
 * With {@link TriageDeskTest}: one application, apart from the shared one, for the few classes that each need a
 * setting at the application's edge, so that they start one application instead of one each. Each class relies on
 * its own setting only, and the others do not reach what it checks:
 * <ul>
 * <li>{@code TRIAGE_TRUSTED_PROXIES} names the loopback address as a proxy ({@code TrustedProxyTests});</li>
 * <li>{@code TRIAGE_ADMIN_USERNAME} / {@code TRIAGE_ADMIN_PASSWORD} make the first administrator at start-up (its own
 * test, {@code AdminFromEnvironmentTests}, keeps an application of its own to watch readiness; here the setting
 * only closes the setup page);</li>
 * <li>a request over 1 MB is refused while Tomcat parses it ({@code PageErrorsTests}).</li>
 * </ul>
 * Its own database and data folder (the first administrator needs an empty one at start-up).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@TestPropertySource(properties = {
        // a lone address, a range and IPv6, separated by a comma and a space
        "TRIAGE_TRUSTED_PROXIES=192.0.2.10, 127.0.0.0/8 ::1",
        "TRIAGE_ADMIN_USERNAME=boss", "TRIAGE_ADMIN_PASSWORD=from the environment",
        "spring.servlet.multipart.max-request-size=1MB", "spring.servlet.multipart.max-file-size=-1",
        "spring.datasource.url=jdbc:h2:mem:edge-settings;DB_CLOSE_DELAY=-1",
        "triage.data-dir=target/test-data/edge-settings"})
public @interface EdgeSettings {
}
