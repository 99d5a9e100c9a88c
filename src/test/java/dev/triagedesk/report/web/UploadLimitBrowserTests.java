package dev.triagedesk.report.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triagedesk.evidence.Corpus;
import dev.triagedesk.support.BrowserTest;
import dev.triagedesk.support.TriageDeskTest;
import dev.triagedesk.ticket.Evidence;
import dev.triagedesk.ticket.Product;
import dev.triagedesk.ticket.TicketService;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The per-file limit in the browser, set low here (1 MB): a file over it is refused on the page at once, with its
 * reason, and never sent; the other files chosen with it are uploaded and analyzed as usual. The same settings as
 * {@link UploadLimitTests}, to the letter, so that both classes run in one application.
 */
@TriageDeskTest
@TestPropertySource(properties = {"triage.upload.max-file-size=1MB", "triage.upload.max-files-per-report=2",
        "triage.upload.max-pasted-text=512KB",
        "spring.datasource.url=jdbc:h2:mem:upload-limits;DB_CLOSE_DELAY=-1", "triage.data-dir=target/test-data/upload-limits"})
@BrowserTest
class UploadLimitBrowserTests {

    static final String REFUSED = UploadLimitTests.LARGE + ": larger than the 1 MB limit for one file (1.2 MB);"
            + " compress it as .gz or .zip, or capture less.";

    @LocalServerPort
    int port;
    @Autowired
    TicketService tickets;

    WebDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void start(WebDriver browser) {
        this.browser = browser;
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @Test
    void aFileOverTheLimitIsRefusedAtOnceAndTheOthersStillGo() {
        TicketService.Draft draft = tickets.startDraft();
        long id = draft.ticket().getId();
        tickets.update(id, t -> {
            t.setProduct(Product.CHATGPT_WEB);
            t.setSeenMessage("Something went wrong");
            t.reachStep(3);
        });
        browser.get("http://localhost:" + port + "/report/" + draft.token() + "/evidence");
        assertThat(browser.findElement(By.cssSelector(".upload-inputs")).getAttribute("data-max-file-size"))
                .isEqualTo(String.valueOf(1024 * 1024));
        WebElement refused = browser.findElement(By.cssSelector("[data-upload-refused]"));
        assertThat(refused.isDisplayed()).isFalse();
        js("document.body.setAttribute('data-first-page', 'yes');");

        // the large file alone: refused on the spot, nothing sent, the page not left
        browser.findElement(By.id("har")).sendKeys(path(UploadLimitTests.LARGE));
        wait.until(ExpectedConditions.visibilityOf(refused));
        assertThat(refused.getText()).contains("Not sent:", REFUSED);
        assertThat(refused.getAttribute("role")).isEqualTo("alert");
        assertThat(browser.switchTo().activeElement()).isEqualTo(refused);
        assertThat(js("return document.body.getAttribute('data-first-page');")).isEqualTo("yes");
        assertThat(browser.findElement(By.id("step-form")).getAttribute("data-uploading")).isNull();
        assertThat(browser.findElement(By.cssSelector("[data-upload-progress]")).isDisplayed()).isFalse();
        assertThat(js("return document.getElementById('har').files.length;")).isEqualTo(0L);
        assertThat(tickets.details(id).evidence()).isEmpty();

        // with a small one: the small one is uploaded and analyzed, the large one is said again on the new page
        browser.findElement(By.id("har")).sendKeys(path(UploadLimitTests.LARGE) + "\n" + path(ReportFormTests.HAR));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("attachments"), ReportFormTests.HAR));
        assertThat(js("return document.body.getAttribute('data-first-page');")).isNull();
        assertThat(browser.findElement(By.id("attachments")).getText()).contains("Attachments taken: 1 analyzed.")
                .doesNotContain(UploadLimitTests.LARGE);
        assertThat(browser.findElement(By.cssSelector("[data-upload-refused]")).getText()).contains(REFUSED);
        assertThat(tickets.details(id).evidence()).extracting(Evidence::getFileName).containsExactly(ReportFormTests.HAR);
    }

    @Test
    void theReporterPageRefusesALargeFileTooAndSaysSoAfterTheUpload() {
        TicketService.Draft draft = tickets.startDraft();
        long id = draft.ticket().getId();
        tickets.update(id, t -> {
            t.setProduct(Product.CHATGPT_WEB);
            t.setSeenMessage("Something went wrong");
        });
        tickets.submit(id);
        browser.get("http://localhost:" + port + "/r/" + draft.token());
        // a large HAR among the console logs, with a small console log: only the log goes up
        java.nio.file.Path log = java.nio.file.Path.of("src/test/resources/console/chrome-timestamps.log").toAbsolutePath();
        browser.findElement(By.id("console")).sendKeys(path(UploadLimitTests.LARGE) + "\n" + log);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("attachments"), log.getFileName().toString()));
        assertThat(browser.findElement(By.cssSelector("[data-upload-refused]")).getText()).contains(REFUSED);
        assertThat(tickets.details(id).evidence()).extracting(Evidence::getFileName)
                .containsExactly(log.getFileName().toString());
    }

    private Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    private static String path(String corpusHar) {
        return Corpus.har(corpusHar).toAbsolutePath().normalize().toString();
    }
}
