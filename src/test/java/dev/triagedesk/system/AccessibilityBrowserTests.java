package dev.triagedesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import dev.triagedesk.evidence.Corpus;
import dev.triagedesk.security.FirstRunSetup;
import dev.triagedesk.staff.Role;
import dev.triagedesk.staff.StaffService;
import dev.triagedesk.support.Browser;
import dev.triagedesk.support.BrowserTest;
import dev.triagedesk.support.TicketFixtures;
import dev.triagedesk.support.TriageDeskTest;
import dev.triagedesk.ticket.Product;
import dev.triagedesk.ticket.Ticket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Every page a person reaches, checked by Deque's axe-core in headless Chromium against WCAG 2.1 A/AA and axe's
 * best practices: the first-run setup, sign-in, the home page, each step of the form with and without errors, the
 * review, the reporter's page, the queue, a ticket with failing requests and an audit trail, the account and the
 * admin pages, and the not-found page. Any serious or critical violation fails the test; the figures per page are
 * printed either way. axe is injected through the driver, so the pages' strict Content-Security-Policy stays.
 * Its own database (the setup page is only there while no account exists) and data folder.
 */
@TriageDeskTest
@TestPropertySource(properties = {
        "spring.datasource.url=jdbc:h2:mem:accessibility;DB_CLOSE_DELAY=-1",
        "triage.data-dir=target/test-data/accessibility"})
@BrowserTest
class AccessibilityBrowserTests {

    static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice");
    static final List<String> FAILING_IMPACTS = List.of("critical", "serious");
    static final String HAR = "user-masteralan360-asaas-chrome143-404-body.har";
    static final String PASSWORD = "correct horse battery staple";

    @LocalServerPort
    int port;
    @Autowired
    FirstRunSetup setup;
    @Autowired
    StaffService staff;
    @Autowired
    TicketFixtures fixtures;

    WebDriver browser;
    WebDriverWait wait;
    /** Per page state: the violations found, in the order visited. */
    final Map<String, List<Rule>> audited = new LinkedHashMap<>();

    @BeforeEach
    void start(WebDriver browser) {
        this.browser = browser;
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        // before any script of a page: what the Content-Security-Policy blocked
        ((ChromeDriver) browser).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
                "window.__csp = []; document.addEventListener('securitypolicyviolation',"
                        + " e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));"));
    }

    @Test
    void noPageAPersonReachesHasASeriousOrCriticalViolation() {
        // the first run: the setup page, then with a wrong code
        open("/setup");
        audit("setup");
        browser.findElement(By.id("code")).sendKeys("WRONG-CODE");
        browser.findElement(By.id("username")).sendKeys("admin");
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.id("confirmation")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("h1")));
        audit("setup, wrong code");
        staff.createFirstAdmin("admin", PASSWORD);

        // the reporter's way through the form, each step with and without errors
        open("/");
        audit("home");
        browser.findElement(By.cssSelector("form[action='/report'] button")).click();
        wait.until(ExpectedConditions.urlMatches("/what$"));
        audit("step 1, what fails");
        continueButton().click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".error-summary")));
        audit("step 1 with errors");
        browser.findElement(By.id("product-CHATGPT_WEB")).click();
        browser.findElement(By.id("seenMessage")).sendKeys("Something went wrong");
        continueButton().click();

        wait.until(ExpectedConditions.urlMatches("/status$"));
        audit("step 2, status page");
        continueButton().click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".error-summary")));
        audit("step 2 with errors");
        browser.findElement(By.id("statusPage-INCIDENT_THIS_COMPONENT")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("incident-advice")));
        audit("step 2, incident advice shown");
        browser.findElement(By.id("statusPage-NO_INCIDENT")).click();
        continueButton().click();

        wait.until(ExpectedConditions.urlMatches("/checks$"));
        audit("step 3, checks");
        // an answer the form does not offer, as a stale or tampered page would send
        ((JavascriptExecutor) browser).executeScript("document.getElementById('privateWindow-WORKS').value = 'BOGUS';"
                + "document.getElementById('privateWindow-WORKS').checked = true;");
        continueButton().click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".error-summary")));
        audit("step 3 with errors");
        browser.findElement(By.id("privateWindow-STILL_FAILS")).click();
        continueButton().click();

        wait.until(ExpectedConditions.urlMatches("/evidence$"));
        audit("step 4, evidence");
        browser.findElement(By.id("conversationUrl")).sendKeys("not a conversation address");
        continueButton().click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".error-summary")));
        audit("step 4 with errors");
        browser.findElement(By.id("har")).sendKeys(Corpus.har(HAR).toAbsolutePath().normalize().toString());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("attachments"), "Analyzed"));
        audit("step 4 with an analyzed HAR");
        browser.findElement(By.id("conversationUrl")).clear();
        continueButton().click();

        wait.until(ExpectedConditions.urlMatches("/review$"));
        audit("step 5, review");
        browser.findElement(By.cssSelector("button[name=nav][value=submit]")).click();
        wait.until(ExpectedConditions.urlMatches("/r/[A-Za-z0-9_-]{43}$"));
        audit("reporter page");

        // the staff side
        open("/login");
        audit("sign-in");
        open("/login?error");
        audit("sign-in, failed");
        browser.findElement(By.id("username")).sendKeys("admin");
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("form.signin button[type=submit]")).click();
        wait.until(ExpectedConditions.urlMatches("/desk$"));
        audit("queue");
        open("/desk?q=nothing-matches-this");
        audit("queue, nothing found");

        Ticket ticket = fixtures.submit(TicketFixtures.answers(Product.CHATGPT_WEB, "Saving fails", "pat@example.com"), HAR);
        staff.create("agent", "Dana Agent", PASSWORD, Role.AGENT);
        open("/desk/tickets/" + ticket.getReference());
        // a status change and a note, so the audit trail and the notes have entries
        browser.findElement(By.id("note-body")).sendKeys("Looked at the HAR.");
        browser.findElement(By.cssSelector("#note-form button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains("/desk/tickets/" + ticket.getReference()));
        audit("ticket page");

        open("/account");
        audit("account");
        open("/admin/staff");
        audit("admin, staff accounts");
        open("/admin/activity");
        audit("admin, activity");
        open("/admin/outbox");
        audit("admin, outbox");
        open("/admin/canned-replies");
        audit("admin, canned replies");
        open("/admin/webhooks");
        audit("admin, webhooks");
        open("/no-such-page");
        audit("not found");

        // the API's interactive page (swagger-ui, not audited: it is not ours) works under the same strict policy
        browser.get("http://localhost:" + port + "/swagger-ui.html");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".opblock")));
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("/api/reports");
        assertThat(((JavascriptExecutor) browser).executeScript("return window.__csp")).as("CSP violations")
                .isEqualTo(List.of());

        System.out.println(table());
        List<String> failing = new ArrayList<>();
        audited.forEach((page, rules) -> rules.stream().filter(r -> FAILING_IMPACTS.contains(r.getImpact()))
                .forEach(r -> failing.add(page + ": " + r.getImpact() + " " + r.getId() + " at "
                        + r.getNodes().stream().map(CheckedNode::getTarget).map(String::valueOf)
                        .collect(Collectors.joining(", ")))));
        assertThat(failing).as("serious or critical axe violations").isEmpty();
        // the ticket page's sections and the scroll boxes inside them are told apart by name
        assertThat(audited.get("ticket page")).extracting(Rule::getId).doesNotContain("landmark-unique");
    }

    @Test
    void theErrorSummarysLinkForARadioGroupTakesTheFocusToItsFirstOption() {
        open("/");
        browser.findElement(By.cssSelector("form[action='/report'] button")).click();
        wait.until(ExpectedConditions.urlMatches("/what$"));
        continueButton().click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".error-summary")));
        WebElement link = browser.findElement(By.partialLinkText("hoose what fails"));
        link.sendKeys(Keys.ENTER);
        wait.until(d -> "product-CHATGPT_WEB".equals(active().getAttribute("id")));
        assertThat(active().getAttribute("type")).isEqualTo("radio");
    }

    @Test
    void stepOneMarksTheQuestionsItNeedsAsItSays() {
        open("/");
        browser.findElement(By.cssSelector("form[action='/report'] button")).click();
        wait.until(ExpectedConditions.urlMatches("/what$"));
        assertThat(browser.findElement(By.cssSelector("p.lead")).getText()).contains("first two questions are needed");
        List<WebElement> questions = browser.findElements(By.cssSelector("#step-form > .field"));
        assertThat(questions.get(0).findElement(By.tagName("legend")).getText()).isEqualTo("What fails?");
        assertThat(questions.get(1).findElement(By.tagName("label")).getText()).isEqualTo("What do you see?");
        // the two needed: required for assistive technology, and not marked optional on the page
        assertThat(questions.get(0).getAttribute("aria-required")).isEqualTo("true");
        assertThat(questions.get(1).findElement(By.tagName("textarea")).getAttribute("aria-required")).isEqualTo("true");
        for (WebElement needed : questions.subList(0, 2)) {
            assertThat(Browser.foundNow(browser, needed, By.cssSelector(".optional"))).isEmpty();
        }
        // every other question on the page is marked optional, and is not required
        List<WebElement> others = browser.findElements(By.cssSelector("#step-form .field"))
                .subList(2, browser.findElements(By.cssSelector("#step-form .field")).size());
        assertThat(others).isNotEmpty().allSatisfy(field -> {
            assertThat(field.findElements(By.cssSelector(".optional"))).hasSize(1);
            assertThat(Browser.foundNow(browser, field, By.cssSelector("[aria-required=true]"))).isEmpty();
        });
    }

    private WebElement active() {
        return browser.switchTo().activeElement();
    }

    private void open(String path) {
        browser.get("http://localhost:" + port + path);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("h1")));
    }

    private void audit(String page) {
        // axe comes in through the driver: the page's own policy stays strict, and nothing on it was blocked
        assertThat(((JavascriptExecutor) browser).executeScript("return window.__csp")).as("CSP violations on " + page)
                .isEqualTo(List.of());
        Results results = new AxeBuilder().withTags(TAGS).analyze(browser);
        assertThat(results.getErrorMessage()).as("axe ran on " + page).isNull();
        audited.put(page, results.getViolations());
    }

    private WebElement continueButton() {
        return browser.findElement(By.cssSelector("div.buttons > button[name=nav][value=next]"));
    }

    /** Violations per page by impact, and the rules behind them, for the log and the figures. */
    private String table() {
        StringBuilder out = new StringBuilder(String.format("%n%-34s %8s %7s %8s %5s  %s%n", "axe-core: page",
                "critical", "serious", "moderate", "minor", "rules"));
        audited.forEach((page, rules) -> {
            Map<String, Long> byImpact = rules.stream()
                    .collect(Collectors.groupingBy(r -> String.valueOf(r.getImpact()), TreeMap::new, Collectors.counting()));
            out.append(String.format("%-34s %8d %7d %8d %5d  %s%n", page, byImpact.getOrDefault("critical", 0L),
                    byImpact.getOrDefault("serious", 0L), byImpact.getOrDefault("moderate", 0L),
                    byImpact.getOrDefault("minor", 0L),
                    rules.stream().map(r -> r.getId() + " (" + r.getNodes().size() + ")").collect(Collectors.joining(", "))));
        });
        return out.toString();
    }
}
