package dev.triagedesk.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triagedesk.report.ReportService;
import dev.triagedesk.staff.Role;
import dev.triagedesk.staff.StaffService;
import dev.triagedesk.support.Browser;
import dev.triagedesk.support.BrowserTest;
import dev.triagedesk.support.TicketFixtures;
import dev.triagedesk.support.TriageDeskTest;
import dev.triagedesk.ticket.Product;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The reply loop in headless Chromium: an agent asks the reporter for what is missing with a message, the reporter
 * sees the checklist and the message on their private page and answers, and the queue marks the ticket until the
 * agent opens it. Screenshots of both pages go to {@code target/screenshots}.
 */
@TriageDeskTest
@BrowserTest
class ReplyLoopBrowserTests {

    static final String PASSWORD = "correct horse battery staple";

    @LocalServerPort
    int port;
    @Autowired
    StaffService staff;
    @Autowired
    ReportService reports;

    WebDriver browser;
    WebDriverWait wait;
    String username;

    @BeforeEach
    void start(WebDriver browser) {
        username = "agent-" + UUID.randomUUID().toString().substring(0, 8);
        staff.create(username, "Dana Agent", PASSWORD, Role.AGENT);
        this.browser = browser;
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @Test
    void agentAsksReporterAnswersQueueMarksIt() throws IOException {
        ReportService.Created created = reports.create(TicketFixtures.answers(Product.CHATGPT_WEB,
                "Every answer fails", null), List.of(), null);
        String reference = created.ticket().getReference();

        signIn();
        browser.get(url("/desk/tickets/" + reference + "#conversation"));
        WebElement waiting = browser.findElement(By.id("waiting-form"));
        assertThat(waiting.findElements(By.cssSelector("input[name=item]:checked"))).isNotEmpty();
        waiting.findElement(By.id("ask-message")).sendKeys("Could you try once more in a private window?");
        waiting.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#conversation .notice"),
                "Waiting on the reporter"));
        screenshot("ticket-conversation");

        browser.manage().deleteAllCookies(); // the reporter: no staff session
        browser.get(url("/r/" + created.token()));
        WebElement conversation = browser.findElement(By.id("conversation"));
        assertThat(conversation.findElements(By.cssSelector(".checklist li.item-open"))).isNotEmpty();
        assertThat(conversation.findElement(By.cssSelector(".message-agent .message-meta")).getText())
                .contains("Dana Agent (support)");
        assertThat(conversation.findElement(By.cssSelector(".message-agent .message-body")).getText())
                .isEqualTo("Could you try once more in a private window?");
        conversation.findElement(By.id("answer-body")).sendKeys("It fails in a private window too.");
        conversation.findElement(By.cssSelector("#answer-form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"),
                "Your answer was sent"));
        assertThat(browser.findElement(By.cssSelector("#conversation .message-reporter .message-body")).getText())
                .isEqualTo("It fails in a private window too.");
        assertThat(browser.findElement(By.cssSelector(".ticket-status")).getText()).isEqualTo("Triaging");
        screenshot("reporter-conversation");

        signIn();
        browser.get(url("/desk?reply=yes&sort=reply"));
        WebElement row = browser.findElement(By.cssSelector("tr[data-reference='" + reference + "']"));
        assertThat(row.findElement(By.cssSelector(".unread-reply")).getText()).isEqualTo("New reply");
        screenshot("queue-unread-reply");
        row.findElement(By.cssSelector(".reference a")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("conversation")));
        browser.get(url("/desk?reply=yes"));
        assertThat(Browser.foundNow(browser, browser, By.cssSelector("tr[data-reference='" + reference + "']")))
                .isEmpty();
    }

    private void signIn() {
        browser.get(url("/desk"));
        wait.until(ExpectedConditions.urlContains("/login"));
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("form.signin button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("h1")));
    }

    private void screenshot(String name) throws IOException {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
