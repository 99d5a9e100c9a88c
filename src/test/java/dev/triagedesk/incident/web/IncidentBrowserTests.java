package dev.triagedesk.incident.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triagedesk.staff.Role;
import dev.triagedesk.staff.StaffService;
import dev.triagedesk.support.Browser;
import dev.triagedesk.support.TicketFixtures;
import dev.triagedesk.ticket.Product;
import dev.triagedesk.ticket.Ticket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * An incident in headless Chromium, as an agent works it: from the queue's incident column to the incident page
 * (its chart, tickets and request IDs), then the whole incident escalated at once and a ticket moved out. A
 * screenshot of the page is kept under target/ for a look.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:incident-browser;DB_CLOSE_DELAY=-1",
        "triage.data-dir=target/test-data/incident-browser"})
@Import(TicketFixtures.class)
class IncidentBrowserTests {

    static final String PASSWORD = "correct horse battery staple";

    @LocalServerPort
    int port;
    @Autowired
    StaffService staff;
    @Autowired
    TicketFixtures fixtures;

    WebDriver browser;
    WebDriverWait wait;
    String username;

    @BeforeEach
    void start() {
        username = "agent-" + UUID.randomUUID().toString().substring(0, 8);
        staff.create(username, "Dana Agent", PASSWORD, Role.AGENT);
        browser = Browser.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterEach
    void quit() {
        if (browser != null) {
            browser.quit();
        }
    }

    private Ticket report(String url, int status, Instant at, String zone) {
        String har = String.format(Locale.ROOT, """
                {"log":{"version":"1.2","creator":{"name":"test","version":"1"},"entries":[
                 {"startedDateTime":"%s","time":120,"request":{"method":"POST","url":"%s","httpVersion":"h2",
                  "headers":[],"queryString":[],"cookies":[]},"response":{"status":%d,"statusText":"","httpVersion":"h2",
                  "headers":[{"name":"x-request-id","value":"req_%s"}],"cookies":[],
                  "content":{"size":2,"mimeType":"application/json","text":"{}"},"redirectURL":""},
                  "timings":{"send":0,"wait":100,"receive":1}}]}}
                """, at, url, status, UUID.randomUUID().toString().replace("-", ""));
        return fixtures.submitHar(new dev.triagedesk.ticket.ReportAnswers(Product.CHATGPT_WEB, null,
                        "Something went wrong", 500, null, zone, null, null, null, "It fails", null, null, null, null),
                "capture.har", har.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anAgentOpensAnIncidentFromTheQueueAndActsOnAllItsTickets() throws Exception {
        String url = "https://chatgpt.com/backend-api/conversation/6915a9bc-afa8-8327-9a1b-0123456789ab";
        Instant at = Instant.parse("2026-05-04T10:00:00Z");
        List<String> zones = List.of("Europe/Berlin", "America/New_York", "Asia/Tokyo", "Europe/Berlin");
        Ticket first = null;
        for (int i = 0; i < zones.size(); i++) {
            Ticket t = report(url, 500, at.plusSeconds(i * 240L), zones.get(i));
            first = first == null ? t : first;
        }

        browser.get("http://localhost:" + port + "/desk");
        wait.until(ExpectedConditions.urlContains("/login"));
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("form.signin button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".queue-table")));

        WebElement link = browser.findElement(By.cssSelector("tr[data-reference='" + first.getReference()
                + "'] td.incident a"));
        String reference = link.getText();
        link.click();
        wait.until(ExpectedConditions.urlContains("/desk/incidents/" + reference));
        assertThat(browser.findElement(By.id("incident-title")).getText())
                .isEqualTo("HTTP 500 from chatgpt.com POST /backend-api/conversation/{id}");
        assertThat(browser.findElement(By.id("incident-count")).getText()).isEqualTo("4");
        assertThat(browser.findElements(By.cssSelector("#members tbody tr"))).hasSize(4);
        assertThat(browser.findElements(By.cssSelector("svg.incident-chart rect.bar-failing"))).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("#request-ids tbody tr"))).hasSize(4);
        Path shot = Path.of("target", "incident-page.png");
        Files.write(shot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));

        new Select(browser.findElement(By.id("change-status"))).selectByValue("ESCALATED");
        browser.findElement(By.cssSelector("#change-form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBe(By.id("incident-status"), "Escalated to vendor"));
        assertThat(browser.findElements(By.cssSelector("#members tbody tr .status-badge")))
                .extracting(WebElement::getText).containsOnly("Escalated to vendor");

        browser.findElement(By.cssSelector("#members tr[data-reference='" + first.getReference() + "'] button")).click();
        wait.until(ExpectedConditions.textToBe(By.id("incident-count"), "3"));
        assertThat(browser.findElement(By.cssSelector(".notice-ok")).getText()).contains(first.getReference());

        browser.get("http://localhost:" + port + "/desk/tickets/" + first.getReference());
        assertThat(browser.findElement(By.id("ticket-incident")).getText()).contains("Not part of an incident");
        assertThat(browser.findElement(By.id("trail")).getText()).contains("left an incident");
    }
}
