package dev.triagedesk.desk.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triagedesk.staff.Role;
import dev.triagedesk.staff.StaffService;
import dev.triagedesk.support.Browser;
import dev.triagedesk.support.TicketFixtures;
import dev.triagedesk.ticket.Product;
import dev.triagedesk.ticket.ReportAnswers;
import dev.triagedesk.ticket.Ticket;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The staff workspace in headless Chromium, used as an agent would: sign in, find a ticket by a request ID from a
 * real HAR, work it, download every export; and content written by an attacker stays inert on the page, in the
 * PDF and in the exports. Its own database and data folder.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:desk-browser;DB_CLOSE_DELAY=-1",
        "triage.data-dir=target/test-data/desk-browser"})
@Import({TicketFixtures.class, MadeTickets.class})
class DeskBrowserTests {

    static final String PASSWORD = "correct horse battery staple";
    /** Listens for CSP violations and script errors before any script of the page runs (CDP scripts are exempt). */
    static final String WATCH = """
            window.__csp = []; window.__errors = [];
            document.addEventListener('securitypolicyviolation',
                e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ':' + e.lineNumber));
            window.addEventListener('error', e => window.__errors.push(String(e.message)));
            """;

    @LocalServerPort
    int port;
    @Autowired
    StaffService staff;
    @Autowired
    TicketFixtures fixtures;
    @Autowired
    MadeTickets made;

    WebDriver browser;
    WebDriverWait wait;
    Path downloads;
    String username;

    @BeforeEach
    void start() throws IOException {
        username = "agent-" + UUID.randomUUID().toString().substring(0, 8);
        staff.create(username, "Dana Agent", PASSWORD, Role.AGENT);
        browser = Browser.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        downloads = Path.of("target", "test-data", "desk-browser-downloads", username).toAbsolutePath();
        FileSystemUtils.deleteRecursively(downloads);
        Files.createDirectories(downloads);
        ChromeDriver chrome = (ChromeDriver) browser;
        chrome.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow",
                "downloadPath", downloads.toString(), "eventsEnabled", true));
        chrome.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", WATCH));
    }

    @AfterEach
    void quit() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anAgentFindsATicketByARequestIdWorksItAndDownloadsEveryExport() throws Exception {
        String marker = "kiwi" + UUID.randomUUID().toString().substring(0, 6);
        Ticket ticket = fixtures.submit(TicketFixtures.answers(Product.CHATGPT_WEB, "Saving fails " + marker,
                marker + "@example.com"), TicketPageTests.HAR);
        fixtures.submit(TicketFixtures.answers(Product.OPENAI_API, "Another one " + marker, null));
        String reference = ticket.getReference();

        signIn();
        // the queue, searched by the Cloudflare ray ID the HAR carries
        browser.findElement(By.id("q")).sendKeys(TicketPageTests.CF_RAY);
        browser.findElement(By.cssSelector(".search-box button")).click();
        wait.until(ExpectedConditions.urlContains("q=" + TicketPageTests.CF_RAY));
        List<WebElement> rows = browser.findElements(By.cssSelector(".queue-table tbody tr"));
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).getAttribute("data-reference")).isEqualTo(reference);
        assertThat(browser.findElement(By.id("queue-total")).getText()).contains("1 ticket");
        assertLabelled("queue");
        noPageProblems("queue");

        // the queue CSV keeps the search
        browser.findElement(By.id("csv-link")).click();
        String csv = Files.readString(downloaded("triage-desk-queue.csv"), StandardCharsets.UTF_8);
        assertThat(csv).contains(reference).doesNotContain("Another one");

        browser.findElement(By.linkText(reference)).click();
        wait.until(ExpectedConditions.urlContains("/desk/tickets/" + reference));
        String page = browser.findElement(By.tagName("main")).getText();
        assertThat(page).contains("Ticket " + reference, TicketPageTests.CF_RAY, TicketPageTests.SB_REQUEST_ID,
                "PGRST202", "Internal notes", "Audit trail");
        assertThat(browser.findElements(By.cssSelector("svg.timeline-chart rect.bar-failing"))).isNotEmpty();
        assertThat(browser.findElement(By.cssSelector("svg.timeline-chart title")).getAttribute("textContent"))
                .contains("user-masteralan360-asaas-chrome143-404-body.har");
        assertLabelled("ticket page");
        shot("ticket");
        noPageProblems("ticket page");

        // a copy button puts the ID on the clipboard and says so
        ((ChromeDriver) browser).executeCdpCommand("Browser.grantPermissions", Map.of("origin",
                "http://localhost:" + port, "permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
        WebElement copy = browser.findElement(By.cssSelector("#identifiers button[data-copy]"));
        String copiedId = browser.findElement(By.cssSelector(copy.getAttribute("data-copy"))).getText();
        copy.click();
        wait.until(ExpectedConditions.textToBePresentInElement(copy, "Copied"));
        Object clipboard = ((JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[0]; navigator.clipboard.readText().then(done, e => done('failed: ' + e));");
        assertThat(clipboard).isEqualTo(copiedId);

        // workflow: status and a note, each back on the page with a message
        new Select(browser.findElement(By.id("status"))).selectByVisibleText("Escalated to vendor");
        browser.findElement(By.cssSelector("#status-form button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[role=status].notice"),
                "Escalated to vendor"));
        assertThat(browser.findElement(By.id("ticket-status")).getText()).isEqualTo("Escalated to vendor");
        browser.findElement(By.id("note-body")).sendKeys("Asked the reporter for a console log " + marker);
        browser.findElement(By.cssSelector("#note-form button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#notes .note-body"), marker));
        assertThat(browser.findElement(By.cssSelector("#notes .note-meta")).getText()).contains("Dana Agent", "UTC");
        assertThat(browser.findElement(By.id("trail")).getText()).contains(username, "changed the status",
                "New → Escalated to vendor", "added a note", "viewed");

        // every export, downloaded as a person would
        browser.findElement(By.id("export-markdown")).click();
        assertThat(Files.readString(downloaded(reference + ".md"))).contains(reference, TicketPageTests.CF_RAY);
        browser.findElement(By.id("export-text")).click();
        assertThat(Files.readString(downloaded(reference + ".txt"))).contains(reference, TicketPageTests.SB_REQUEST_ID);
        browser.findElement(By.id("export-json")).click();
        JsonNode json = JsonMapper.builder().build().readTree(Files.readString(downloaded(reference + ".json")));
        assertThat(json.path("reference").asString()).isEqualTo(reference);
        assertThat(json.path("status").asString()).isEqualTo("escalated");
        browser.findElement(By.id("export-zip")).click();
        assertThat(zipEntries(downloaded(reference + "-evidence.zip"))).contains(reference + "/summary.md",
                reference + "/ticket.json").anyMatch(n -> n.startsWith(reference + "/har/") && n.endsWith(".har"));
        browser.findElement(By.id("export-pdf")).click();
        Path pdf = downloaded(reference + ".pdf");
        assertThat(new String(Files.readAllBytes(pdf), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        assertThat(pdfText(pdf)).contains(reference, TicketPageTests.CF_RAY).doesNotContain("Internal notes");

        browser.navigate().refresh();
        assertThat(browser.findElement(By.id("trail")).getText()).contains("ticket PDF", "evidence bundle (ZIP)",
                "ticket JSON", "support note (Markdown)", "support note (plain text)");
    }

    void shot(String name) {
        try {
            Map<String, Object> r = ((ChromeDriver) browser).executeCdpCommand("Page.captureScreenshot",
                    Map.of("captureBeyondViewport", true, "format", "png"));
            Object metrics = ((ChromeDriver) browser).executeCdpCommand("Page.getLayoutMetrics", Map.of());
            Files.write(Path.of("target/shot-" + name + ".png"), java.util.Base64.getDecoder().decode((String) r.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void signIn() {
        browser.get("http://localhost:" + port + "/desk");
        wait.until(ExpectedConditions.urlContains("/login"));
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("form.signin button[type=submit]")).click();
        // back to the page asked for (Spring Security adds "?continue" to it)
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("h1")));
        assertThat(browser.getCurrentUrl()).contains("/desk");
    }

    /** No CSP violation and no script error since the page loaded. */
    @SuppressWarnings("unchecked")
    void noPageProblems(String page) {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        assertThat((List<String>) js.executeScript("return window.__csp")).as("CSP violations on %s", page).isEmpty();
        assertThat((List<String>) js.executeScript("return window.__errors")).as("script errors on %s", page).isEmpty();
    }

    /** Every visible control has a label. */
    @SuppressWarnings("unchecked")
    void assertLabelled(String page) {
        List<String> unlabelled = (List<String>) ((JavascriptExecutor) browser).executeScript("""
                return Array.from(document.querySelectorAll('input, select, textarea'))
                  .filter(el => el.type !== 'hidden' && el.getClientRects().length > 0)
                  .filter(el => !(el.labels && el.labels.length > 0 && el.labels[0].textContent.trim())
                             && !el.getAttribute('aria-label') && !el.getAttribute('aria-labelledby'))
                  .map(el => el.id || el.name);""");
        assertThat(unlabelled).as("controls without a label on %s", page).isEmpty();
    }

    /** Waits for a download to finish and returns it. */
    Path downloaded(String name) {
        Path file = downloads.resolve(name);
        wait.until(d -> Files.isRegularFile(file) && !Files.exists(downloads.resolve(name + ".crdownload"))
                && noPartialDownloads());
        return file;
    }

    private boolean noPartialDownloads() {
        try (Stream<Path> files = Files.list(downloads)) {
            return files.noneMatch(p -> p.getFileName().toString().endsWith(".crdownload"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> zipEntries(Path zip) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
            }
        }
        return names;
    }

    static String pdfText(Path pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(doc);
        }
    }

    static ReportAnswers answers(String description, String seenMessage) {
        return new ReportAnswers(Product.CHATGPT_WEB, null, seenMessage, 500, null, "Europe/Istanbul", null, "Pat",
                null, description, null, null, null, null);
    }
}
