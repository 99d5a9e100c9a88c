package dev.triagedesk.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * The whole application as most tests use it, started once for all of them: Spring caches a test context by its
 * configuration, so every class carrying exactly this annotation (and nothing that changes the configuration: no
 * properties, {@code @Import}, {@code @MockitoBean}, {@code @TestBean}) shares one application.
 * <ul>
 * <li>a real server on a random port ({@code @LocalServerPort}), for browser tests and requests through Tomcat;</li>
 * <li>{@link org.springframework.test.web.servlet.MockMvc} against the same application;</li>
 * <li>the fixtures {@link TicketFixtures} and {@link MadeTickets} as beans;</li>
 * <li>the test settings of {@code config/application.properties}: the in-memory database {@code triage} and the
 * data folder under {@code target/}, both shared by these classes: a test finds its own tickets and accounts by a
 * value of its own (a marker, a token, a reference), never by how many rows there are in all.</li>
 * </ul>
 * A class that needs other settings or an empty database adds them ({@code @TestPropertySource}) and so gets an
 * application of its own; say why in its javadoc. Each such application costs seconds of every build: join one
 * that already exists where the difference does not matter ({@link EdgeSettings}; the database of the report
 * form's tests, which others' lookups must not meet; {@link InterposingClock#FACTORY} for staged races), copying
 * its settings to the letter.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import({TicketFixtures.class, MadeTickets.class})
public @interface TriageDeskTest {
}
