package dev.triagedesk.incident.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triagedesk.audit.AuditLog;
import dev.triagedesk.incident.IncidentService;
import dev.triagedesk.staff.Role;
import dev.triagedesk.staff.StaffService;
import dev.triagedesk.support.BrowserTest;
import dev.triagedesk.support.TicketFixtures;
import dev.triagedesk.support.TriageDeskTest;
import dev.triagedesk.ticket.Product;
import dev.triagedesk.ticket.Ticket;
import dev.triagedesk.ticket.TicketStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Incidents in headless Chromium, as an agent works them: from the queue's incident column to the incident page
 * (its chart, tickets and request IDs), the whole incident escalated at once and a ticket moved out; the queue
 * switched to incidents and filtered; tickets selected in the queue (by mouse and by keyboard) and changed
 * together. A screenshot of the incident page is kept under target/ for a look. The shared application: each test
 * reports a problem of its own (a word in its URL) at failure times of its own.
 */
@TriageDeskTest
@BrowserTest
class IncidentBrowserTests {

    static final String PASSWORD = "correct horse battery staple";

    @LocalServerPort
    int port;
    @Autowired
    StaffService staff;
    @Autowired
    TicketFixtures fixtures;
    @Autowired
    IncidentService incidents;
    @Autowired
    AuditLog audit;

    WebDriver browser;
    WebDriverWait wait;
    String username;
    long userId;

    @BeforeEach
    void start(WebDriver browser) {
        username = "agent-" + UUID.randomUUID().toString().substring(0, 8);
        userId = staff.create(username, "Dana Agent", PASSWORD, Role.AGENT).getId();
        this.browser = browser;
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    private static String word() {
        StringBuilder b = new StringBuilder("probe");
        for (char c : UUID.randomUUID().toString().replace("-", "").substring(0, 10).toCharArray()) {
            b.append((char) ('a' + Character.digit(c, 16)));
        }
        return b.toString();
    }

    private void signIn(String path) {
        browser.get("http://localhost:" + port + path);
        wait.until(ExpectedConditions.urlContains("/login"));
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("form.signin button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".queue-page")));
    }

    private String incidentOf(Ticket t) {
        return incidents.ofTickets(List.of(t.getId())).get(t.getId()).getReference();
    }

    private Ticket report(String url, int status, Instant at, String zone) {
        return report(url, status, at, zone, "It fails");
    }

    private Ticket report(String url, int status, Instant at, String zone, String description) {
        String har = String.format(Locale.ROOT, """
                {"log":{"version":"1.2","creator":{"name":"test","version":"1"},"entries":[
                 {"startedDateTime":"%s","time":120,"request":{"method":"POST","url":"%s","httpVersion":"h2",
                  "headers":[],"queryString":[],"cookies":[]},"response":{"status":%d,"statusText":"","httpVersion":"h2",
                  "headers":[{"name":"x-request-id","value":"req_%s"}],"cookies":[],
                  "content":{"size":2,"mimeType":"application/json","text":"{}"},"redirectURL":""},
                  "timings":{"send":0,"wait":100,"receive":1}}]}}
                """, at, url, status, UUID.randomUUID().toString().replace("-", ""));
        return fixtures.submitHar(new dev.triagedesk.ticket.ReportAnswers(Product.CHATGPT_WEB, null,
                        "Something went wrong", 500, null, zone, null, null, null, description, null, null, null, null),
                "capture.har", har.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anAgentOpensAnIncidentFromTheQueueAndActsOnAllItsTickets() throws Exception {
        String url = "https://chatgpt.com/backend-api/" + word() + "/6915a9bc-afa8-8327-9a1b-0123456789ab";
        Instant at = Instant.parse("2026-03-04T10:00:00Z");
        List<String> zones = List.of("Europe/Berlin", "America/New_York", "Asia/Tokyo", "Europe/Berlin");
        Ticket first = null;
        for (int i = 0; i < zones.size(); i++) {
            Ticket t = report(url, 500, at.plusSeconds(i * 240L), zones.get(i));
            first = first == null ? t : first;
        }

        signIn("/desk?incident=" + incidentOf(first));

        WebElement link = browser.findElement(By.cssSelector("tr[data-reference='" + first.getReference()
                + "'] td.incident a"));
        String reference = link.getText();
        link.click();
        wait.until(ExpectedConditions.urlContains("/desk/incidents/" + reference));
        assertThat(browser.findElement(By.id("incident-title")).getText())
                .startsWith("HTTP 500 from chatgpt.com POST /backend-api/probe").endsWith("/{id}");
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

    @Test
    void theQueueListsIncidentsInsteadOfTicketsWithTheFiltersThatApply() {
        Instant at = Instant.parse("2027-02-01T09:00:00Z");
        String escalatedUrl = "https://chatgpt.com/backend-api/" + word();
        Ticket a = report(escalatedUrl, 502, at, "UTC");
        report(escalatedUrl, 502, at.plusSeconds(60), "UTC");
        Ticket b = report("https://chatgpt.com/backend-api/" + word(), 503, at.plusSeconds(30), "UTC");
        String escalated = incidentOf(a);
        String other = incidentOf(b);
        incidents.change(escalated, new IncidentService.Change(TicketStatus.ESCALATED, true, userId, null), "staff");

        signIn("/desk?from=2027-02-01&to=2027-02-01");
        browser.findElement(By.id("view-incidents")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("queue-incidents")));
        assertThat(browser.getCurrentUrl()).contains("view=incidents").contains("from=2027-02-01");
        assertThat(browser.findElement(By.id("view-incidents")).getAttribute("aria-current")).isEqualTo("page");
        WebElement row = browser.findElement(By.cssSelector("#queue-incidents tr[data-reference='" + escalated + "']"));
        assertThat(row.findElement(By.cssSelector("td.title")).getText()).startsWith("HTTP 502 from chatgpt.com");
        assertThat(row.findElement(By.cssSelector("td.count")).getText()).isEqualTo("2");
        assertThat(row.findElement(By.cssSelector("td.assignee")).getText()).isEqualTo(username);
        assertThat(row.getText()).contains("Escalated to vendor", "2027-02-01 09:00 UTC", "2027-02-01 09:01 UTC");
        assertThat(browser.findElements(By.cssSelector("#queue-incidents tr[data-reference='" + other + "']")))
                .hasSize(1);

        // a filter from the form keeps the view; the other incident is not escalated
        new Select(browser.findElement(By.id("status"))).selectByValue("ESCALATED");
        browser.findElement(By.cssSelector("#queue-filters .buttons button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains("status=ESCALATED"));
        assertThat(browser.getCurrentUrl()).contains("view=incidents");
        assertThat(browser.findElements(By.cssSelector("#queue-incidents tbody tr"))).extracting(r -> r
                .getAttribute("data-reference")).contains(escalated).doesNotContain(other);

        // its title leads to its tickets in the queue, each naming the incident
        browser.findElement(By.cssSelector("#queue-incidents tr[data-reference='" + escalated + "'] td.title a"))
                .click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("queue-incident")));
        assertThat(browser.findElements(By.cssSelector("table.queue-table tbody td.incident a")))
                .extracting(WebElement::getText).containsOnly(escalated).hasSize(2);
        browser.findElement(By.id("view-tickets"));
    }

    @Test
    void ticketsSelectedInTheQueueByMouseAndKeyboardChangeTogether() {
        String marker = word();
        Instant at = Instant.parse("2027-03-01T09:00:00Z");
        Ticket one = report("https://chatgpt.com/backend-api/" + word(), 500, at, "UTC", "one " + marker);
        Ticket two = report("https://chatgpt.com/backend-api/" + word(), 500, at, "UTC", "two " + marker);
        Ticket untouched = report("https://chatgpt.com/backend-api/" + word(), 500, at, "UTC", "three " + marker);
        Ticket target = report("https://chatgpt.com/backend-api/" + word(), 500, at, "UTC", "four " + marker);
        String incident = incidentOf(target);

        signIn("/desk?q=" + marker);
        browser.findElement(By.id("select-" + one.getReference())).click();
        WebElement box = browser.findElement(By.id("select-" + two.getReference()));
        // the keyboard: focus the second row's box and tick it with the space bar, as a keyboard user does
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].focus()", box);
        box.sendKeys(Keys.SPACE);
        assertThat(box.isSelected()).isTrue();
        new Select(browser.findElement(By.id("bulk-status"))).selectByValue("ESCALATED");
        new Select(browser.findElement(By.id("bulk-assignee"))).selectByValue(Long.toString(userId));
        browser.findElement(By.cssSelector("#bulk-form button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".notice-ok")));
        assertThat(browser.getCurrentUrl()).contains("q=" + marker); // back to the queue it was sent from

        for (Ticket t : List.of(one, two)) {
            WebElement row = browser.findElement(By.cssSelector("tr[data-reference='" + t.getReference() + "']"));
            assertThat(row.getText()).contains("Escalated to vendor", username);
        }
        assertThat(browser.findElement(By.cssSelector("tr[data-reference='" + untouched.getReference() + "']"))
                .getText()).doesNotContain("Escalated to vendor").doesNotContain(username);

        // then two tickets into an incident, typed by its reference; the box ticked by keyboard again
        WebElement third = browser.findElement(By.id("select-" + untouched.getReference()));
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].focus()", third);
        third.sendKeys(Keys.SPACE);
        browser.findElement(By.id("select-" + one.getReference())).click();
        browser.findElement(By.id("bulk-incident")).sendKeys(incident);
        browser.findElement(By.id("bulk-incident")).sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.textToBe(By.cssSelector("tr[data-reference='" + untouched.getReference()
                + "'] td.incident a"), incident));
        assertThat(browser.findElement(By.cssSelector("tr[data-reference='" + one.getReference()
                + "'] td.incident a")).getText()).isEqualTo(incident);
        assertThat(browser.findElement(By.cssSelector("tr[data-reference='" + two.getReference()
                + "'] td.incident a")).getText()).isNotEqualTo(incident);

        browser.get("http://localhost:" + port + "/desk/incidents/" + incident);
        assertThat(browser.findElements(By.cssSelector("#members tbody tr"))).extracting(r -> r
                .getAttribute("data-reference")).containsExactlyInAnyOrder(target.getReference(), one.getReference(),
                untouched.getReference());

        browser.get("http://localhost:" + port + "/desk/tickets/" + one.getReference());
        String trail = browser.findElement(By.id("trail")).getText();
        assertThat(trail).contains("Escalated to vendor", username, incident + ": added by staff");
        browser.get("http://localhost:" + port + "/desk/tickets/" + two.getReference());
        assertThat(browser.findElement(By.id("trail")).getText()).contains("Escalated to vendor")
                .doesNotContain(incident);
        assertThat(audit.trail(untouched.getId())).extracting(e -> e.getDetail())
                .anyMatch(d -> d.startsWith(incident + ": added by staff")).noneMatch(d -> d.contains("Escalated"));
    }
}
