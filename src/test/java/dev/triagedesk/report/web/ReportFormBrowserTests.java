package dev.triagedesk.report.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triagedesk.evidence.Corpus;
import dev.triagedesk.support.BrowserTest;
import dev.triagedesk.support.Screenshots;
import dev.triagedesk.support.RepeatedFailuresHar;
import dev.triagedesk.report.ReportService;
import dev.triagedesk.support.TriageDeskTest;
import dev.triagedesk.ticket.EvidenceKind;
import dev.triagedesk.ticket.Product;
import dev.triagedesk.ticket.Ticket;
import dev.triagedesk.ticket.TicketRepository;
import dev.triagedesk.ticket.TicketService;
import dev.triagedesk.ticket.Upload;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.chromium.HasNetworkConditions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The guided form in headless Chromium, used as a person would: clicks, typing, the keyboard, a real file. The
 * same database, data folder and context as {@link ReportFormTests}.
 */
@TriageDeskTest
@TestPropertySource(properties = {"spring.datasource.url=jdbc:h2:mem:report-form;DB_CLOSE_DELAY=-1",
        "triage.data-dir=target/test-data/report-form"})
@BrowserTest
class ReportFormBrowserTests {

    static final String CF_RAY = ReportFormTests.CF_RAY;
    static final String SB_REQUEST_ID = ReportFormTests.SB_REQUEST_ID;

    @LocalServerPort
    int port;
    @Autowired
    TicketRepository tickets;
    @Autowired
    TicketService ticketService;
    @Autowired
    ReportService reportService;
    @TempDir
    Path workDir;

    WebDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void start(WebDriver browser) {
        this.browser = browser;
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @Test
    void aPersonWalksTheFormUploadsAHarAndSendsASupportReadyReport() {
        browser.get("http://localhost:" + port + "/");
        browser.findElement(By.cssSelector("form[action='/report'] button")).click();

        // step 1: the script filled in the time, the zone and the browser; the person answers the rest
        wait.until(ExpectedConditions.urlMatches("/report/[A-Za-z0-9_-]{43}/what$"));
        assertThat(value("occurredAt")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d");
        assertThat(value("timeZone")).isNotBlank();
        assertThat(value("environment")).contains("Mozilla");
        browser.findElement(By.id("product-CHATGPT_WEB")).click();
        type("seenMessage", "Something went wrong");
        type("seenStatus", "404");
        type("productDetail", "Chromium (headless)");
        continueButton().click();

        // step 2: the advice appears as soon as an incident here is chosen; the person then picks "no incident"
        wait.until(ExpectedConditions.urlMatches("/status$"));
        assertThat(browser.findElement(By.id("incident-advice")).isDisplayed()).isFalse();
        browser.findElement(By.id("statusPage-INCIDENT_THIS_COMPONENT")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("incident-advice")));
        browser.findElement(By.id("statusPage-NO_INCIDENT")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("incident-advice")));

        // Back keeps what was chosen, and step 1 shows its answers again
        browser.findElement(By.cssSelector("div.buttons > button[name=nav][value=back]")).click();
        wait.until(ExpectedConditions.urlMatches("/what$"));
        assertThat(value("seenStatus")).isEqualTo("404");
        assertThat(browser.findElement(By.id("product-CHATGPT_WEB")).isSelected()).isTrue();
        continueButton().click();
        wait.until(ExpectedConditions.urlMatches("/status$"));
        assertThat(browser.findElement(By.id("statusPage-NO_INCIDENT")).isSelected()).isTrue();
        continueButton().click();

        // step 3: the browser checklist
        wait.until(ExpectedConditions.urlMatches("/checks$"));
        browser.findElement(By.id("privateWindow-STILL_FAILS")).click();
        browser.findElement(By.id("otherNetwork-WORKS")).click();
        continueButton().click();

        // step 4: choosing the HAR sends it (with the progress script); it is analyzed at once and the findings
        // take the focus
        wait.until(ExpectedConditions.urlMatches("/evidence$"));
        browser.findElement(By.id("har")).sendKeys(Corpus.har(ReportFormTests.HAR).toAbsolutePath().normalize().toString());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("attachments"), SB_REQUEST_ID));
        String findings = browser.findElement(By.id("attachments")).getText();
        assertThat(findings).contains("Attachments taken: 1 analyzed.", ReportFormTests.HAR, "Analyzed", "PGRST202",
                CF_RAY, "https://eboispangcayxxheoufy.supabase.co/rest/v1/rpc/get_all_users");
        assertThat(active().getAttribute("id")).startsWith("attachment-");
        assertThat(active().getText()).contains(ReportFormTests.HAR);
        assertThat(browser.getCurrentUrl()).endsWith("/evidence");

        // then the console log Chrome saved while the same request failed: its line joins the request's finding
        browser.findElement(By.id("console")).sendKeys(consoleLog().toString());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("attachments"), "Console, line 1:"));
        WebElement failure = browser.findElement(By.cssSelector("#attachments li.failure"));
        assertThat(failure.getText()).contains("get_all_users", CF_RAY, "Console, line 1:",
                "Failed to load resource: the server responded with a status of 404");
        type("conversationUrl", "https://chatgpt.com/c/6915a9bc-afa8-8327-9a1b-0123456789ab");
        continueButton().click();

        // step 5: verdict, labels, summary preview; then send
        wait.until(ExpectedConditions.urlMatches("/review$"));
        String review = browser.findElement(By.tagName("main")).getText();
        assertThat(review).contains("Network policy or interception", "Reproduced on another network",
                "Incognito / clean profile tested", "HAR + console logs", "Conversation URL or request ID");
        assertThat(browser.findElement(By.cssSelector("pre[data-summary]")).getText()).contains(SB_REQUEST_ID);
        Screenshots.take(browser, "review-step");
        browser.findElement(By.cssSelector("button[name=nav][value=submit]")).click();

        // the reporter page, and the stored ticket behind it
        wait.until(ExpectedConditions.urlMatches("/r/[A-Za-z0-9_-]{43}$"));
        String reference = browser.findElement(By.cssSelector("h1[data-reference]")).getAttribute("data-reference");
        assertThat(reference).matches("TD-\\d{4}-\\d{6}");
        assertThat(browser.findElement(By.cssSelector("[role=status]")).getText()).contains(reference);
        assertThat(browser.findElement(By.cssSelector("pre[data-summary]")).getText())
                .contains(CF_RAY, SB_REQUEST_ID, "PGRST202");
        assertThat(value("private-link")).isEqualTo(browser.getCurrentUrl());
        assertThat(browser.findElement(By.cssSelector("[data-copy]")).isDisplayed()).isTrue();
        Ticket stored = tickets.findByReference(reference).orElseThrow();
        assertThat(stored.getSummaryText()).contains(CF_RAY, SB_REQUEST_ID, "Chromium (headless)");
        assertThat(stored.getConversationUrl()).isEqualTo("https://chatgpt.com/c/6915a9bc-afa8-8327-9a1b-0123456789ab");
    }

    @Test
    void everyStepLabelsItsFieldsAndAStepCanBeDoneWithTheKeyboard() {
        browser.get("http://localhost:" + port + "/");
        assertLabelled("home");
        browser.findElement(By.cssSelector("form[action='/report'] button")).click();
        wait.until(ExpectedConditions.urlMatches("/what$"));
        assertLabelled("step 1");

        // the first Tab reaches the skip link
        new Actions(browser).sendKeys(Keys.TAB).perform();
        assertThat(active().getAttribute("class")).contains("skip-link");

        // errors: announced at the top, focused, and each tied to its field
        continueButton().click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".error-summary[role=alert]")));
        assertThat(active().getAttribute("class")).contains("error-summary");
        String describedBy = browser.findElement(By.id("product")).getAttribute("aria-describedby");
        assertThat(browser.findElement(By.id(describedBy)).getText()).contains("Choose what fails");
        assertLabelled("step 1 with errors");

        browser.findElement(By.id("product-OPENAI_API")).click();
        type("seenMessage", "500 from /v1/responses");
        continueButton().click();

        // step 2 with the keyboard only: Tab to the radio group, Space to choose, arrows to change, Enter to go on
        wait.until(ExpectedConditions.urlMatches("/status$"));
        assertLabelled("step 2");
        for (int i = 0; i < 60 && !"statusPage".equals(active().getAttribute("name")); i++) {
            new Actions(browser).sendKeys(Keys.TAB).perform();
        }
        assertThat(active().getAttribute("id")).isEqualTo("statusPage-INCIDENT_THIS_COMPONENT");
        new Actions(browser).sendKeys(Keys.SPACE).perform();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("incident-advice")));
        new Actions(browser).sendKeys(Keys.ARROW_DOWN).sendKeys(Keys.ARROW_DOWN).perform();
        assertThat(browser.findElement(By.id("statusPage-NO_INCIDENT")).isSelected()).isTrue();
        for (int i = 0; i < 60 && !isContinueButton(active()); i++) {
            new Actions(browser).sendKeys(Keys.TAB).perform();
        }
        assertThat(isContinueButton(active())).isTrue();
        new Actions(browser).sendKeys(Keys.ENTER).perform();

        // step 3 is the API variant for an API report
        wait.until(ExpectedConditions.urlMatches("/checks$"));
        assertLabelled("step 3 (API)");
        assertThat(browser.findElements(By.id("requestIds"))).hasSize(1);
        type("model", "gpt-5");
        type("requestIds", "req_0123456789abcdef0123456789abcdef");
        continueButton().click();

        wait.until(ExpectedConditions.urlMatches("/evidence$"));
        assertLabelled("step 4");
        continueButton().click();

        wait.until(ExpectedConditions.urlMatches("/review$"));
        assertLabelled("step 5");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("req_0123456789abcdef0123456789abcdef");
        browser.findElement(By.cssSelector("button[name=nav][value=submit]")).click();
        wait.until(ExpectedConditions.urlMatches("/r/[A-Za-z0-9_-]{43}$"));
        assertLabelled("reporter page");
    }

    /**
     * Issue 9 §5 on the API path: the failure time and every answer survive a page sent back with errors (the page
     * script does not put "now" over the time), the browser's user agent is not offered as an API client's
     * environment, a share of calls typed as "20%" is a message next to its field, and a secret typed among the
     * request IDs is said to be removed and to be revoked.
     */
    @Test
    void onTheApiPathAnswersSurviveErrorsAndASecretTypedInIsToldToBeRevoked() {
        browser.get("http://localhost:" + port + "/");
        browser.findElement(By.cssSelector("form[action='/report'] button")).click();
        wait.until(ExpectedConditions.urlMatches("/what$"));
        assertThat(value("environment")).contains("Mozilla");
        browser.findElement(By.id("product-OPENAI_API")).click();
        assertThat(value("environment")).as("the browser's user agent is no API client").isEmpty();
        browser.findElement(By.id("product-CHATGPT_WEB")).click();
        assertThat(value("environment")).contains("Mozilla");
        browser.findElement(By.id("product-OPENAI_API")).click();
        type("environment", "openai-python 2.3 on Python 3.12, AWS eu-west-1");
        // the failure time the reporter gives, then an answer that cannot be read
        ((JavascriptExecutor) browser).executeScript("document.getElementById('occurredAt').value = '2026-01-07T15:23';");
        type("timeZone", "Europe/Istanbul");
        type("seenStatus", "five hundred");
        continueButton().click();

        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".error-summary")));
        assertThat(value("occurredAt")).isEqualTo("2026-01-07T15:23");
        assertThat(value("seenStatus")).isEqualTo("five hundred");
        assertThat(value("environment")).isEqualTo("openai-python 2.3 on Python 3.12, AWS eu-west-1");
        assertThat(browser.findElement(By.id("product-OPENAI_API")).isSelected()).isTrue();
        assertThat(browser.findElement(By.id("seenStatus-error")).getText())
                .endsWith("Enter the status code as a number, such as 500");
        type("seenStatus", "500");
        type("seenMessage", "500 from /v1/responses");
        continueButton().click();
        wait.until(ExpectedConditions.urlMatches("/status$"));
        String token = browser.getCurrentUrl().split("/")[4];
        Ticket stored = ticketService.byToken(token).orElseThrow();
        assertThat(stored.getOccurredAt()).isEqualTo(java.time.LocalDateTime.of(2026, 1, 7, 15, 23));
        assertThat(stored.getEnvironment()).isEqualTo("openai-python 2.3 on Python 3.12, AWS eu-west-1");
        browser.findElement(By.id("statusPage-NO_INCIDENT")).click();
        continueButton().click();

        // step 3: "20%" is said to be wrong next to its field, on the step's own page
        wait.until(ExpectedConditions.urlMatches("/checks$"));
        type("model", "gpt-5");
        type("failingPercent", "20%");
        continueButton().click();
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("failingPercent-error")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Isolation checks");
        assertThat(error.getText()).contains("Enter a whole number from 0 to 100, without the % sign");
        assertThat(error.getLocation().getY()).isLessThan(browser.findElement(By.id("failingPercent")).getLocation().getY());
        assertThat(value("failingPercent")).isEqualTo("20%");
        assertThat(value("model")).isEqualTo("gpt-5");
        assertThat(active().getAttribute("class")).contains("error-summary");

        // a key pasted with the request IDs: taken out, and the reporter is told to revoke it
        type("failingPercent", "20");
        type("requestIds", "req_7f3a9c21b8e04d55a1b2c3d4\n" + dev.triagedesk.evidence.Secrets.openAiKey(21));
        continueButton().click();
        wait.until(ExpectedConditions.urlMatches("/evidence$"));
        WebElement warning = browser.findElement(By.cssSelector(".secret-warning"));
        assertThat(warning.isDisplayed()).isTrue();
        assertThat(warning.getText()).contains("Request IDs of failing calls", "revoke it");
        assertThat(active()).isEqualTo(warning);
        // and step 4 says what helps with API calls, not only how to save a HAR
        assertThat(browser.findElement(By.cssSelector("details.how-to")).getText())
                .contains("How to capture the failing API calls", "x-request-id", "OPENAI_LOG=debug");
        assertThat(ticketService.details(stored.getId()).identifiers()).extracting(i -> i.getValue())
                .containsExactly("req_7f3a9c21b8e04d55a1b2c3d4");
    }

    /**
     * After an upload the file just added is at the top of the window with the focus (not the middle of the
     * findings of the files before it), the findings come before "Save and continue", and a failure repeated eight
     * times is one item that opens on its requests.
     */
    @Test
    void afterAnUploadTheFileJustAddedIsInViewAndRepeatedFailuresAreOneItem() throws Exception {
        TicketService.Draft draft = ticketService.startDraft();
        ticketService.update(draft.ticket().getId(), t -> {
            t.setProduct(Product.CHATGPT_WEB);
            t.setSeenMessage("Something went wrong");
            t.reachStep(3);
        });
        browser.get("http://localhost:" + port + "/report/" + draft.token() + "/evidence");
        browser.findElement(By.id("har")).sendKeys(Corpus.har("user-ONSdigital-eq-benchmark-chrome72-conn-refused.har")
                .toAbsolutePath().normalize().toString());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("attachments"), "conn-refused"));

        Path repeated = Files.writeString(workDir.resolve(RepeatedFailuresHar.NAME), RepeatedFailuresHar.json());
        browser.findElement(By.id("har")).sendKeys(repeated.toAbsolutePath().toString());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("attachments"), RepeatedFailuresHar.NAME));
        WebElement added = active();
        assertThat(added.getAttribute("id")).startsWith("attachment-");
        assertThat(added.getText()).contains(RepeatedFailuresHar.NAME);
        Number top = (Number) ((JavascriptExecutor) browser).executeScript(
                "return arguments[0].getBoundingClientRect().top;", added);
        Number window = (Number) ((JavascriptExecutor) browser).executeScript("return window.innerHeight;");
        assertThat(top.doubleValue()).as("top of the file just added, in the window").isBetween(-1.0, window.doubleValue() / 4);
        // the findings, then "Save and continue"
        assertThat(browser.findElement(By.id("attachments")).getLocation().getY())
                .isLessThan(continueButton().getLocation().getY());

        // eight identical 500s: one item with its count; its requests are in a list that opens
        List<WebElement> items = added.findElements(By.cssSelector("li.failure"));
        assertThat(items).hasSize(2);
        WebElement item = items.get(0);
        assertThat(item.findElement(By.cssSelector(".count")).getText()).isEqualTo("8×");
        assertThat(item.getSize().getHeight()).as("height of the item of eight failures").isLessThan(220);
        List<WebElement> requests = item.findElements(By.cssSelector("ol.occurrences > li"));
        assertThat(requests).hasSize(8);
        assertThat(requests.get(0).isDisplayed()).isFalse();
        item.findElement(By.cssSelector("details.failure-more > summary")).click();
        assertThat(requests).allSatisfy(r -> assertThat(r.isDisplayed()).isTrue());
        assertThat(requests.get(7).getText()).contains(RepeatedFailuresHar.requestId(7));
        assertThat(item.findElement(By.cssSelector(".full-url .url")).getText()).isEqualTo(RepeatedFailuresHar.url(0));
    }

    @Test
    void aLargeHarGoesUpWithAProgressBarAndItsFindingsFollow() {
        TicketService.Draft draft = ticketService.startDraft();
        ticketService.update(draft.ticket().getId(), t -> {
            t.setProduct(Product.CHATGPT_WEB);
            t.setSeenMessage("Something went wrong");
            t.reachStep(3);
        });
        browser.get("http://localhost:" + port + "/report/" + draft.token() + "/evidence");
        assertThat(browser.findElement(By.cssSelector("[data-auto-upload-hint]")).isDisplayed()).isTrue();
        // a slow uplink, so the upload is seen while it goes
        ((HasNetworkConditions) browser).setNetworkConditions(new ChromiumNetworkConditions()
                .setUploadThroughput(200 * 1024).setDownloadThroughput(50 * 1024 * 1024));

        browser.findElement(By.id("har")).sendKeys(Corpus.har("pagexray-nytimes-webpagetest-503.har").toAbsolutePath()
                .normalize().toString());

        WebElement progress = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("upload-progress-bar")));
        wait.until(d -> Double.parseDouble(progress.getAttribute("value")) > 0);
        assertThat(Double.parseDouble(progress.getAttribute("value")))
                .isLessThan(Double.parseDouble(progress.getAttribute("max")));
        assertThat(browser.findElement(By.cssSelector("[data-upload-status]")).getText())
                .matches("[\\d.]+ MB of [\\d.]+ MB sent \\(\\d+%\\)");
        assertThat(browser.findElement(By.cssSelector("button[name=nav][value=next]")).isEnabled()).isFalse();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("attachments"), "pagexray-nytimes"));
        assertThat(browser.findElement(By.id("attachments")).getText()).contains("Analyzed", "503");
        assertThat(active().getAttribute("id")).startsWith("attachment-");
    }

    @Test
    void onAPhoneEveryPageFitsItsWidthAndTheStepsAreOneRow() throws Exception {
        ((ChromeDriver) browser).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 360, "height", 740, "deviceScaleFactor", 1, "mobile", true));
        // a report holding the long lines the pages show: URLs, request IDs, console messages
        TicketService.Draft draft = ticketService.startDraft();
        long id = draft.ticket().getId();
        ticketService.update(id, t -> {
            t.setProduct(Product.CHATGPT_WEB);
            t.setSeenMessage("Something went wrong");
            t.setStatusPage(dev.triagedesk.ticket.StatusPageAnswer.NO_INCIDENT);
            t.setConversationUrl("https://chatgpt.com/c/6915a9bc-afa8-8327-9a1b-0123456789ab");
            t.reachStep(4);
        });
        Path har = Files.copy(Corpus.har(ReportFormTests.HAR), workDir.resolve("capture.har"));
        reportService.addUpload(id, new Upload(har, "capture.har", Files.size(har), EvidenceKind.HAR));
        Path console = consoleLog();
        Files.writeString(console, "15:31:00.000 eboispangcayxxheoufy.supabase.co/rest/v1/rpc/get_all_users_with_a_long_name:1"
                + "  Failed to load resource: the server responded with a status of 500 ()\n", java.nio.file.StandardOpenOption.APPEND);
        reportService.addUpload(id, new Upload(console, "console.log", Files.size(console), EvidenceKind.CONSOLE));

        String base = "http://localhost:" + port + "/report/" + draft.token() + "/";
        for (String step : List.of("what", "status", "checks", "evidence", "review")) {
            browser.get(base + step);
            assertFitsWidth(step);
            List<WebElement> steps = browser.findElements(By.cssSelector(".progress li"));
            assertThat(steps).as("progress list on %s", step).hasSize(5)
                    .extracting(WebElement::getLocation).extracting(p -> p.getY()).containsOnly(steps.get(0).getLocation().getY());
        }
        browser.findElement(By.cssSelector("button[name=nav][value=submit]")).click();
        wait.until(ExpectedConditions.urlMatches("/r/[A-Za-z0-9_-]{43}$"));
        assertFitsWidth("reporter page");
        browser.get("http://localhost:" + port + "/");
        assertFitsWidth("home");
    }

    private void assertFitsWidth(String page) {
        Object sideways = ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(((Number) sideways).intValue()).as("pixels scrolled sideways on %s", page).isLessThanOrEqualTo(0);
    }

    /** What Chrome's console shows for the corpus HAR's failing request, in Istanbul time (the HAR's UTC+3). */
    private Path consoleLog() {
        try {
            Path log = Files.createTempFile(workDir, "console", ".log");
            Files.writeString(log, "15:23:59.170 eboispangcayxxheoufy.supabase.co/rest/v1/rpc/get_all_users:1"
                    + "  Failed to load resource: the server responded with a status of 404 ()\n");
            return log.toAbsolutePath();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Every visible input, select and textarea has a label (label[for] or aria-label), and radios sit in a
     * fieldset with a legend.
     */
    @SuppressWarnings("unchecked")
    private void assertLabelled(String page) {
        List<String> unlabelled = (List<String>) ((JavascriptExecutor) browser).executeScript("""
                return Array.from(document.querySelectorAll('input, select, textarea'))
                  .filter(el => el.type !== 'hidden' && el.getClientRects().length > 0)
                  .filter(el => !(el.labels && el.labels.length > 0 && el.labels[0].textContent.trim())
                             && !el.getAttribute('aria-label') && !el.getAttribute('aria-labelledby'))
                  .map(el => el.id || el.name);""");
        assertThat(unlabelled).as("inputs without a label on %s", page).isEmpty();
        List<String> loose = (List<String>) ((JavascriptExecutor) browser).executeScript("""
                return Array.from(document.querySelectorAll('input[type=radio]'))
                  .filter(el => { const f = el.closest('fieldset'); return !f || !f.querySelector('legend'); })
                  .map(el => el.id);""");
        assertThat(loose).as("radios outside a fieldset with a legend on %s", page).isEmpty();
    }

    private WebElement continueButton() {
        return browser.findElement(By.cssSelector("div.buttons > button[name=nav][value=next]"));
    }

    private boolean isContinueButton(WebElement e) {
        return e.equals(continueButton());
    }

    private WebElement active() {
        return browser.switchTo().activeElement();
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
