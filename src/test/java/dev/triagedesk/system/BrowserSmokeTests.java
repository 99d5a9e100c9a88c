package dev.triagedesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triagedesk.support.BrowserTest;
import dev.triagedesk.support.TriageDeskTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The browser-test machinery works: headless Chromium reaches the app on a random port. */
@TriageDeskTest
@BrowserTest
class BrowserSmokeTests {

    @LocalServerPort
    int port;

    @Test
    void chromiumReachesTheApp(WebDriver browser) {
        browser.get("http://localhost:" + port + "/api/reports");
        assertThat(browser.getPageSource()).isNotEmpty();
    }
}
