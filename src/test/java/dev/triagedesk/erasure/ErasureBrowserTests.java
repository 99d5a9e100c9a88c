package dev.triagedesk.erasure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triagedesk.staff.Role;
import dev.triagedesk.staff.StaffService;
import dev.triagedesk.support.Browser;
import dev.triagedesk.support.BrowserTest;
import dev.triagedesk.support.TicketFixtures;
import dev.triagedesk.support.TriageDeskTest;
import dev.triagedesk.ticket.Product;
import dev.triagedesk.ticket.Ticket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An administrator erases an attachment, then the ticket, in headless Chromium: the buttons, the confirmation step
 * and the outcome. Screenshots of each step go to {@code target/screenshots/erasure-*.png}.
 */
@TriageDeskTest
@BrowserTest
class ErasureBrowserTests {

    static final String PASSWORD = "correct horse battery staple";
    static final String HAR = "user-masteralan360-asaas-chrome143-404-body.har";

    @LocalServerPort
    int port;
    @Autowired
    StaffService staff;
    @Autowired
    TicketFixtures fixtures;
    @Autowired
    JdbcTemplate jdbc;

    WebDriver browser;

    @Test
    void anAdministratorErasesAnAttachmentThenTheTicket(WebDriver browser) throws Exception {
        this.browser = browser;
        String username = "admin-" + UUID.randomUUID().toString().substring(0, 8);
        staff.create(username, "Ada Admin", PASSWORD, Role.ADMIN);
        Ticket ticket = fixtures.submit(TicketFixtures.answers(Product.CHATGPT_WEB, "Saving fails", null), HAR, HAR);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        browser.get("http://localhost:" + port + "/desk/tickets/" + ticket.getReference());
        wait.until(ExpectedConditions.urlContains("/login"));
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("form.signin button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("erase-attachment-2")));
        screenshot("1-ticket-page");

        browser.findElement(By.id("erase-attachment-2")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("erase-form")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("attachment 2");
        screenshot("2-confirm-attachment");
        browser.findElement(By.cssSelector("#erase-form button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains("/desk/tickets/"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("attachments"),
                "attachment 2 (HAR) of " + ticket.getReference() + " erased"));
        assertThat(Browser.foundNow(browser, browser, By.id("erase-attachment-2"))).isEmpty();
        screenshot("3-attachment-erased");

        browser.findElement(By.id("erase-ticket")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("erase-form")));
        screenshot("4-confirm-ticket");
        browser.findElement(By.cssSelector("#erase-form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"),
                "ticket " + ticket.getReference() + " erased"));
        screenshot("5-ticket-erased");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ticket WHERE id = ?", Long.class, ticket.getId()))
                .isZero();
    }

    private void screenshot(String name) throws Exception {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve("erasure-" + name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
