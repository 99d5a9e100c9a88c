package dev.triagedesk.report.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triagedesk.staff.Role;
import dev.triagedesk.staff.StaffService;
import dev.triagedesk.support.BrowserTest;
import dev.triagedesk.support.Screenshots;
import dev.triagedesk.support.TriageDeskTest;
import dev.triagedesk.ticket.ApiCallMode;
import dev.triagedesk.ticket.EvidenceKind;
import dev.triagedesk.ticket.Ticket;
import dev.triagedesk.ticket.TicketService;
import dev.triagedesk.ticket.TicketDetails;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The API path of the guided form in headless Chromium, as an API developer walks it: no browser's user agent in
 * the environment, step 3 asks what the vendor's support asks for API calls, step 4 shows how to capture them (with
 * Copy buttons) and takes an SDK log, and the review shows the API's own labels and a verdict of the API's table.
 * The same database and data folder as {@link ReportFormBrowserTests}, so both share one application context.
 */
@TriageDeskTest
@TestPropertySource(properties = {
        "spring.datasource.url=jdbc:h2:mem:report-browser;DB_CLOSE_DELAY=-1",
        "triage.data-dir=target/test-data/report-browser"})
@BrowserTest
class ApiReportBrowserTests {

    static final String SDK_LOG = "openai-python-429.log";
    static final String REQUEST_ID = "req_5d8e0c1f2a3b4c5d6e7f8091a2b3c4d5";

    @LocalServerPort
    int port;
    @Autowired
    TicketService tickets;
    @Autowired
    StaffService staff;

    static final String PASSWORD = "a long agent passphrase";

    WebDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void start(WebDriver browser) {
        this.browser = browser;
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @Test
    void anApiDeveloperReportsARateLimitWithTheSdksLog() throws URISyntaxException {
        browser.get("http://localhost:" + port + "/");
        browser.findElement(By.cssSelector("form[action='/report'] button")).click();

        // step 1: the browser's user agent describes no API client: choosing the API takes it out again
        wait.until(ExpectedConditions.urlMatches("/report/[A-Za-z0-9_-]{43}/what$"));
        assertThat(value("environment")).contains("Mozilla");
        browser.findElement(By.id("product-OPENAI_API")).click();
        assertThat(value("environment")).isEmpty();
        assertThat(value("timeZone")).isNotBlank();
        type("seenMessage", "openai.RateLimitError: Error code: 429 - rate_limit_exceeded");
        type("seenStatus", "429");
        continueButton().click();

        wait.until(ExpectedConditions.urlMatches("/status$"));
        browser.findElement(By.id("statusPage-NO_INCIDENT")).click();
        continueButton().click();

        // step 3: what support asks for API calls, and no browser check
        wait.until(ExpectedConditions.urlMatches("/checks$"));
        assertThat(browser.findElements(By.id("privateWindow-WORKS"))).isEmpty();
        type("model", "gpt-4o-mini");
        type("endpoint", "/v1/chat/completions");
        type("sdk", "openai-python 1.54.0");
        assertThat(browser.findElements(By.cssSelector("datalist#sdk-options option")))
                .extracting(o -> o.getAttribute("value")).contains("openai-python", "openai-node", "curl");
        browser.findElement(By.id("callMode-STREAMING")).click();
        type("orgId", "org-EXAMPLE");
        type("projectId", "proj_example");
        type("failingPercent", "30");
        browser.findElement(By.id("retriedWithBackoff-true")).click();
        type("requestIds", REQUEST_ID);
        continueButton().click();

        // step 4: how to capture the calls, each command with a Copy button the script shows
        wait.until(ExpectedConditions.urlMatches("/evidence$"));
        WebElement help = browser.findElement(By.cssSelector("details.capture-api"));
        assertThat(help.getText()).contains("How to capture the failing API calls", "OPENAI_LOG=debug",
                "logging.getLogger(\"openai\").setLevel(logging.DEBUG)", "logLevel: 'debug'", "curl -v",
                "client.files.content(batch.error_file_id)");
        List<WebElement> copy = browser.findElements(By.cssSelector(".snippet button[data-copy]"));
        assertThat(copy).hasSize(6).allSatisfy(b -> assertThat(b.isDisplayed()).isTrue());
        copy.get(0).click();
        // copied, or (no clipboard in this browser) the command is selected for the person to copy
        wait.until(d -> !d.findElement(By.cssSelector(".snippet [data-copy-status]")).getText().isEmpty());
        assertThat(browser.findElement(By.cssSelector(".snippet [data-copy-status]")).getText())
                .isIn("Copied", "Select the text and copy it");
        assertThat(browser.findElements(By.id("console"))).isEmpty();
        assertThat(browser.findElements(By.id("conversationUrl"))).isEmpty();
        Screenshots.take(browser, "api-capture-help");
        browser.findElement(By.id("apiLog")).sendKeys(sdkLog().toString());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("attachments"), SDK_LOG));
        Screenshots.take(browser, "api-evidence-step");
        continueButton().click();

        // step 5: the API's labels, each with what it has; the verdict of the API's table
        wait.until(ExpectedConditions.urlMatches("/review$"));
        List<String> labels = browser.findElements(By.cssSelector(".readiness li strong")).stream()
                .map(WebElement::getText).toList();
        assertThat(labels).containsExactly("Request IDs", "Time with time zone", "Org / project",
                "Model, endpoint and SDK", "Status code and failing share", "SDK log, curl transcript or Batch file");
        String readiness = browser.findElement(By.cssSelector(".readiness")).getText();
        assertThat(readiness).contains(REQUEST_ID, "organization org-EXAMPLE, project proj_example",
                "model gpt-4o-mini, endpoint /v1/chat/completions, SDK openai-python 1.54.0, streaming",
                "HTTP 429; about 30% of calls failing")
                .doesNotContain("Incognito", "HAR + console logs");
        assertThat(browser.findElements(By.cssSelector(".readiness li.missing"))).isEmpty();
        assertThat(browser.findElement(By.cssSelector(".verdict-path")).getText()).isEqualTo("API rate limit");
        assertThat(browser.findElement(By.cssSelector(".summary-text")).getText())
                .contains("Request IDs", REQUEST_ID, "SDK: openai-python 1.54.0", "Calls: streaming")
                .doesNotContain("'content': 'ping'");
        Screenshots.take(browser, "api-review-step");

        Ticket t = tickets.byToken(browser.getCurrentUrl().replaceAll(".*/report/([^/]+)/review$", "$1")).orElseThrow();
        assertThat(t.getApi().getSdk()).isEqualTo("openai-python 1.54.0");
        assertThat(t.getApi().getCallMode()).isEqualTo(ApiCallMode.STREAMING);
        assertThat(t.getEnvironment()).isNull();
        TicketDetails d = tickets.details(t.getId());
        // read by whichever reader knows it (the SDK log reader, or the console reader before it lands): analyzed
        assertThat(d.evidence()).singleElement().satisfies(e -> {
            assertThat(e.getFileName()).isEqualTo(SDK_LOG);
            assertThat(e.isAnalyzed()).as("analyzed: %s", e.getReason()).isTrue();
            assertThat(e.getKind()).isIn(EvidenceKind.API_LOG, EvidenceKind.CONSOLE);
        });

        // submitted, the agent's ticket page says what the SDK log reader found in the attachment
        browser.findElement(By.cssSelector("button[name=nav][value=submit]")).click();
        wait.until(ExpectedConditions.urlMatches("/r/[A-Za-z0-9_-]{43}$"));
        String reference = browser.findElement(By.cssSelector("h1[data-reference]")).getAttribute("data-reference");
        String agent = "api-agent-" + System.nanoTime();
        staff.create(agent, "Sam Agent", PASSWORD, Role.AGENT);
        browser.get("http://localhost:" + port + "/desk/tickets/" + reference);
        wait.until(ExpectedConditions.urlContains("/login"));
        browser.findElement(By.id("username")).sendKeys(agent);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("form.signin button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains("/desk/tickets/" + reference));
        Screenshots.take(browser, "api-ticket-page");
        assertThat(browser.findElement(By.cssSelector("li.found")).getText())
                .contains("failing call").doesNotContain("'content': 'ping'");
        assertThat(browser.getPageSource()).contains(REQUEST_ID);
        Screenshots.take(browser, "api-ticket-page");
    }

    private Path sdkLog() throws URISyntaxException {
        return Path.of(getClass().getResource("/report/" + SDK_LOG).toURI()).toAbsolutePath().normalize();
    }

    private WebElement continueButton() {
        return browser.findElement(By.cssSelector("div.buttons > button[name=nav][value=next]"));
    }

    private String value(String id) {
        return browser.findElement(By.id(id)).getAttribute("value");
    }

    private void type(String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }
}
