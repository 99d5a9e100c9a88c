package dev.triagedesk.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium from Debian's packages (chromium, chromium-driver) for browser tests. Locally a test skips
 * with a clear message when they are not installed; in CI (where .ci/run installs them) it fails instead.
 */
public final class Browser {

    private static final Path CHROMIUM = Path.of(System.getProperty("triage.chromium", "/usr/bin/chromium"));
    private static final Path DRIVER = Path.of(System.getProperty("triage.chromedriver", "/usr/bin/chromedriver"));
    /** How long a lookup waits for an element to appear (a page still loading, a form just sent). */
    private static final Duration IMPLICIT_WAIT = Duration.ofSeconds(2);

    private Browser() {
    }

    /** A new headless browser; the caller quits it. */
    public static WebDriver start() {
        RequiredTool.require(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
                "headless Chromium is needed for browser tests: apt-get install chromium chromium-driver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // the machine has no route out: Chromium's background services would only fail noisily
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,1000", "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(IMPLICIT_WAIT);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return driver;
    }

    /**
     * What {@code by} finds in {@code where} as the page is now, without the implicit wait: for checking that
     * something is absent from a page that has loaded, where every lookup finding nothing would otherwise wait the
     * implicit wait out in full.
     */
    public static List<WebElement> foundNow(WebDriver browser, SearchContext where, By by) {
        browser.manage().timeouts().implicitlyWait(Duration.ZERO);
        try {
            return where.findElements(by);
        } finally {
            browser.manage().timeouts().implicitlyWait(IMPLICIT_WAIT);
        }
    }
}
