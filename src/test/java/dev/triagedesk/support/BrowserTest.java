package dev.triagedesk.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A browser test: one headless Chromium for the whole class ({@link BrowserExtension}), handed to a test, a
 * {@code @BeforeEach} method or the constructor as a {@link org.openqa.selenium.WebDriver} parameter. Every test
 * starts in a fresh tab with no cookies, so what one test signed in or stored does not reach the next.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(BrowserExtension.class)
public @interface BrowserTest {
}
