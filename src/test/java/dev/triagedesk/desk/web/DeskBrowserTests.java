package dev.triagedesk.desk.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triagedesk.evidence.HarBuilder;
import dev.triagedesk.evidence.Secrets;
import dev.triagedesk.staff.Role;
import dev.triagedesk.staff.StaffService;
import dev.triagedesk.support.BrowserTest;
import dev.triagedesk.support.MadeTickets;
import dev.triagedesk.support.RepeatedFailuresHar;
import dev.triagedesk.support.Screenshots;
import dev.triagedesk.support.TicketFixtures;
import dev.triagedesk.support.TriageDeskTest;
import dev.triagedesk.ticket.Product;
import dev.triagedesk.ticket.ReportAnswers;
import dev.triagedesk.ticket.Ticket;
import dev.triagedesk.ticket.TicketService;
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
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
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
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The staff workspace in headless Chromium, used as an agent would: sign in, find a ticket by a request ID from a
 * real HAR, work it, download every export; and content written by an attacker stays inert on the page, in the
 * PDF and in the exports. Its own database and data folder.
 */
@TriageDeskTest
@TestPropertySource(properties = {
        "spring.datasource.url=jdbc:h2:mem:desk-browser;DB_CLOSE_DELAY=-1",
        "triage.data-dir=target/test-data/desk-browser"})
@BrowserTest
class DeskBrowserTests {

    static final String PASSWORD = "correct horse battery staple";
    /**
     * Listens for CSP violations and script errors before any script of the page runs (CDP scripts are exempt), and
     * defines {@code __pwned(id)}, which every hostile payload calls: an id in {@code __ran} is a payload that ran.
     */
    static final String WATCH = """
            window.__csp = []; window.__errors = []; window.__ran = [];
            window.__pwned = id => window.__ran.push(String(id));
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
    @Autowired
    TicketService tickets;
    @Autowired
    JdbcTemplate jdbc;

    WebDriver browser;
    WebDriverWait wait;
    Path downloads;
    String username;

    @BeforeEach
    void start(WebDriver browser) throws IOException {
        username = "agent-" + UUID.randomUUID().toString().substring(0, 8);
        staff.create(username, "Dana Agent", PASSWORD, Role.AGENT);
        this.browser = browser;
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        downloads = Path.of("target", "test-data", "desk-browser-downloads", username).toAbsolutePath();
        FileSystemUtils.deleteRecursively(downloads);
        Files.createDirectories(downloads);
        ChromeDriver chrome = (ChromeDriver) browser;
        chrome.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow",
                "downloadPath", downloads.toString(), "eventsEnabled", true));
        chrome.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", WATCH));
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
        Screenshots.take(browser, "ticket-page");
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

        // back to the queue as it was left, with its search, after the page was reloaded by every form
        browser.findElement(By.cssSelector("a[data-queue-link]")).click();
        wait.until(ExpectedConditions.urlContains("/desk?"));
        assertThat(browser.getCurrentUrl()).contains("/desk?q=" + TicketPageTests.CF_RAY);
        assertThat(browser.findElements(By.cssSelector(".queue-table tbody tr"))).hasSize(1);
    }

    /**
     * Content written by an attacker (HAR URLs, status texts, error bodies, request-ID headers, console lines, file
     * names, the reporter's answers) shows as the literal text it is on the reporter's page, the queue and the ticket
     * page, and stays inert in every export. Each payload would call {@code __pwned(n)} if it ran; should escaping
     * ever break, the DOM checks see the markup, the CSP watcher sees it blocked, and {@code __ran} sees it run.
     */
    @Test
    void hostileContentStaysInertTextOnEveryPageAndInEveryExport() throws Exception {
        String marker = "zanzibar" + UUID.randomUUID().toString().substring(0, 6);
        Map<Integer, String> shown = new java.util.LinkedHashMap<>();
        shown.put(1, "https://chatgpt.com/backend-api/conversation?q=<script>__pwned(1)</script>");
        shown.put(2, "Oops <script>__pwned(2)</script>");
        shown.put(3, "req_<svg onload=__pwned(3)>");
        shown.put(4, "Bad <img src=x onerror=__pwned(4)> [click](javascript:__pwned(4))");
        shown.put(5, "javascript:__pwned(5)//https://chatgpt.com/");
        shown.put(10, "<img src=x onerror=__pwned(10)>.har");
        shown.put(11, "<script>__pwned(11)</script>.log");
        shown.put(12, "Uncaught TypeError: <img src=x onerror=__pwned(12)> at <a href=\"javascript:__pwned(12)\">x</a>");
        shown.put(20, "<script>__pwned(20)</script>");
        shown.put(21, "=HYPERLINK(\"http://evil.example\",\"x\") <img src=x onerror=__pwned(21)>");
        shown.put(22, "<svg><script>__pwned(22)</script></svg>");
        shown.put(23, "Mallory <img src=x onerror=__pwned(23)>");
        shown.put(24, marker + " <script>__pwned(24)</script> [click](javascript:__pwned(24))"
                + " <a href=\"javascript:__pwned(24)\">x</a> ![i](http://evil.example/i.png)");
        HarBuilder har = new HarBuilder();
        har.entry("POST", shown.get(1), 500)
                .responseHeader("x-request-id", shown.get(3))
                .body("application/json", "{\"error\":{\"message\":\"" + shown.get(4).replace("\"", "\\\"")
                        + "\",\"type\":\"server_error\",\"code\":\"=cmd|' /C calc'!A0\"}}")
                .add()
                .entry("GET", shown.get(5), 403)
                .body("text/html", "<html><head><title>Blocked</title></head><body><svg onload=__pwned(6)></svg>"
                        + "<iframe srcdoc=\"<script>__pwned(6)</script>\"></iframe></body></html>")
                .add();
        ((tools.jackson.databind.node.ObjectNode) har.root().get("log").get("entries").get(0).get("response"))
                .put("statusText", shown.get(2));
        String console = "12:00:00.100 POST https://chatgpt.com/backend-api/conversation 500 (Internal Server Error)\n"
                + shown.get(12) + "\n"
                + "Failed to load resource: the server responded with a status of 429 () <svg/onload=__pwned(13)>\n";
        MadeTickets.Made m = made.submit(new ReportAnswers(Product.CHATGPT_WEB, shown.get(20), shown.get(21), 500,
                        null, "Europe/Istanbul", shown.get(22), shown.get(23), marker + "@example.com", shown.get(24),
                        null, null, null, null),
                MadeTickets.Attachment.har(shown.get(10), har.json()),
                MadeTickets.Attachment.console(shown.get(11), console),
                MadeTickets.Attachment.screenshot("<img src=x onerror=__pwned(14)>.png"));
        String reference = m.reference();

        // the reporter adds one more file through their private link, with a name a browser would send as it is
        Path upload = Files.createDirectories(downloads.resolveSibling(username + "-upload"))
                .resolve("<img src=x onerror=__pwned(15)>.log");
        Files.writeString(upload, "12:00:02.200 GET https://chatgpt.com/backend-api/me 401 (Unauthorized)\n"
                + "Uncaught Error: <iframe srcdoc=\"<script>__pwned(16)</script>\"></iframe>\n"
                + "Failed to load resource: the server responded with a status of 401 () <script>__pwned(16)</script>\n");
        browser.get("http://localhost:" + port + "/r/" + m.token());
        // choosing the file sends it (the page's script); a click on the button after it raced the new page
        browser.findElement(By.id("console")).sendKeys(upload.toString());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("attachments"),
                "<img src=x onerror=__pwned(15)>.log"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains(shown.get(1), shown.get(10),
                shown.get(11), "<script>__pwned(24)</script>", "<script>__pwned(16)</script>");
        nothingRan("the reporter's page", 0, 0);

        signIn();
        browser.get("http://localhost:" + port + "/desk?q=" + marker);
        assertThat(browser.findElement(By.cssSelector(".queue-table tbody tr")).getAttribute("data-reference"))
                .isEqualTo(reference);
        assertThat(browser.findElement(By.cssSelector(".queue-table tbody .seen")).getText()).contains(shown.get(21));
        nothingRan("the queue", 0, 0);

        browser.findElement(By.linkText(reference)).click();
        wait.until(ExpectedConditions.urlContains("/desk/tickets/" + reference));
        String page = browser.findElement(By.tagName("main")).getText();
        for (Map.Entry<Integer, String> text : shown.entrySet()) {
            if (text.getKey() != 4 && text.getKey() != 24) { // long ones are checked in their parts
                assertThat(page).as("payload %d on the ticket page", text.getKey()).contains(text.getValue());
            }
        }
        assertThat(page).contains("Bad <img src=x onerror=__pwned(4)>", "<script>__pwned(24)</script>",
                "<img src=x onerror=__pwned(15)>.log", "<script>__pwned(16)</script>");
        // the screenshot shows (its alt text is the hostile name, as an attribute) and the timeline is drawn
        assertThat(browser.findElement(By.cssSelector("#attachments .screenshot img")).getAttribute("alt"))
                .contains("<img src=x onerror=__pwned(14)>.png");
        nothingRan("the ticket page", 1, 1);
        shot("hostile-ticket");

        // what a copy button copies is the text, not markup that would run where it is pasted
        browser.findElement(By.id("export-markdown")).click();
        String markdown = Files.readString(downloaded(reference + ".md"));
        Document rendered = Jsoup.parse(HtmlRenderer.builder().extensions(List.of(TablesExtension.create())).build()
                .render(Parser.builder().extensions(List.of(TablesExtension.create())).build().parse(markdown)));
        assertThat(rendered.select("script, img, svg, iframe, a, object, embed")).as("live HTML in the Markdown note")
                .isEmpty();
        assertThat(rendered.getAllElements()).allSatisfy(e -> assertThat(e.attributes().asList())
                .noneMatch(a -> a.getKey().startsWith("on")));
        assertThat(rendered.text()).contains("<script>__pwned(24)</script> [click](javascript:__pwned(24))",
                "<img src=x onerror=__pwned(10)>.har", shown.get(1));

        browser.findElement(By.id("export-text")).click();
        assertThat(Files.readString(downloaded(reference + ".txt"))).contains(shown.get(24), shown.get(1));

        browser.findElement(By.id("export-json")).click();
        JsonNode json = JsonMapper.builder().build().readTree(Files.readString(downloaded(reference + ".json")));
        assertThat(json.path("answers").path("description").asString()).isEqualTo(shown.get(24));
        assertThat(json.path("failingRequests").get(0).path("url").asString()).isEqualTo(shown.get(1));
        assertThat(json.path("failingRequests").get(0).path("statusText").asString()).isEqualTo(shown.get(2));

        browser.findElement(By.id("export-zip")).click();
        Path zip = downloaded(reference + "-evidence.zip");
        assertThat(zipEntries(zip)).contains(reference + "/summary.md")
                .allMatch(n -> !n.contains("<") && !n.contains(">") && !n.contains("\""), "member names of safe characters");

        browser.findElement(By.id("export-pdf")).click();
        Path pdf = downloaded(reference + ".pdf");
        String pdfText = pdfText(pdf).replaceAll("\\s+", "");
        for (int n : List.of(1, 2, 3, 10, 11, 20, 23)) {
            assertThat(pdfText).as("payload %d in the PDF", n).contains(shown.get(n).replaceAll("\\s+", ""));
        }
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertThat(doc.getDocumentCatalog().getOpenAction()).isNull();
            assertThat(doc.getDocumentCatalog().getNames() == null
                    || doc.getDocumentCatalog().getNames().getJavaScript() == null).as("no JavaScript").isTrue();
            for (var p : doc.getPages()) {
                assertThat(p.getAnnotations()).as("links or actions in the PDF").isEmpty();
            }
        }

        // the queue CSV: a cell that starts like a formula is text to a spreadsheet
        browser.get("http://localhost:" + port + "/desk?q=" + marker);
        browser.findElement(By.id("csv-link")).click();
        try (var rows = CSVParser.parse(Files.readString(downloaded("triage-desk-queue.csv")),
                CSVFormat.RFC4180.builder().setHeader().get())) {
            var row = rows.getRecords().get(0);
            assertThat(row.get("reference")).isEqualTo(reference);
            assertThat(row.get("seen_message")).isEqualTo("'" + shown.get(21));
        }
    }

    /**
     * Issue 9 §5 on the ticket page: eight identical 500s with 300-character addresses are one row (the page no
     * longer runs to 9,000 pixels) that opens on each request, and the times given in UTC also read in the agent's
     * own zone.
     */
    @Test
    void repeatedFailuresAreOneRowAndTimesAlsoReadInTheAgentsZone() {
        ((ChromeDriver) browser).executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", "Asia/Tokyo"));
        MadeTickets.Made m = made.submit(TicketFixtures.answers(Product.CHATGPT_WEB, "Repeated", null),
                MadeTickets.Attachment.har(RepeatedFailuresHar.NAME, RepeatedFailuresHar.json()));
        signIn();
        browser.get("http://localhost:" + port + "/desk/tickets/" + m.reference());
        JavascriptExecutor js = (JavascriptExecutor) browser;

        List<WebElement> rows = browser.findElements(By.cssSelector("table.failures-table > tbody > tr.failure"));
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).getText()).contains("8×", "500", "internal_error");
        // one row for the eight (a row each took some 300 pixels, 2,400 for the eight)
        WebElement failures = browser.findElement(By.id("failures"));
        assertThat(failures.getSize().getHeight()).as("height of the failing requests").isLessThan(700);
        assertThat(rows.get(0).getSize().getHeight()).as("height of the row of eight").isLessThan(260);
        // opened, the row lists its eight requests with their IDs and copy buttons
        List<WebElement> requests = browser.findElements(By.cssSelector("table.occurrences tr.occurrence"));
        assertThat(requests).hasSize(8).allSatisfy(r -> assertThat(r.isDisplayed()).isFalse());
        browser.findElement(By.cssSelector("tr.failure-more details > summary")).click();
        assertThat(requests).allSatisfy(r -> assertThat(r.isDisplayed()).isTrue());
        assertThat(requests.get(3).getText()).contains(RepeatedFailuresHar.requestId(3), RepeatedFailuresHar.ray(3));
        assertThat(requests.get(3).findElement(By.cssSelector("button.copy-id")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.cssSelector("tr.failure-more .full-url code")).getText())
                .isEqualTo(RepeatedFailuresHar.url(0));

        // the submission time in UTC, and beside it in the agent's zone (Tokyo, UTC+9, no daylight saving)
        Ticket stored = tickets.byReference(m.reference()).orElseThrow();
        String tokyo = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
                .format(stored.getSubmittedAt().atZone(java.time.ZoneId.of("Asia/Tokyo")));
        WebElement submitted = browser.findElement(By.cssSelector(".ticket-facts time"));
        assertThat(submitted.getText()).endsWith(" UTC");
        assertThat(browser.findElement(By.cssSelector(".ticket-facts time + .local-time")).getText())
                .isEqualTo("Your time: " + tokyo + " Asia/Tokyo");
        // the capture's own times come with the reporter's zone instead
        assertThat(rows.get(0).findElements(By.cssSelector(".local-time"))).isEmpty();
        noPageProblems("ticket page with repeated failures");

        browser.get("http://localhost:" + port + "/desk?q=" + m.reference());
        String minute = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                .format(stored.getSubmittedAt().atZone(java.time.ZoneId.of("Asia/Tokyo")));
        assertThat(browser.findElement(By.cssSelector(".queue-table tbody tr .local-time")).getText())
                .isEqualTo("Your time: " + minute + " Asia/Tokyo");
        noPageProblems("queue");
    }

    @Test
    void theTicketsContentsWorkFromTheKeyboard() {
        Ticket ticket = fixtures.submit(TicketFixtures.answers(Product.CHATGPT_WEB, "Contents", null),
                TicketPageTests.HAR);
        signIn();
        browser.get("http://localhost:" + port + "/desk/tickets/" + ticket.getReference());
        JavascriptExecutor js = (JavascriptExecutor) browser;
        // the same page throughout: following a link to one of its parts does not load it again
        js.executeScript("window.__samePage = true;");
        for (String part : List.of("trail", "failures", "summary")) {
            // Enter on the link takes the focus to the part, and Tab goes on inside it
            browser.findElement(By.cssSelector("nav.ticket-contents a[href='#" + part + "']"))
                    .sendKeys(org.openqa.selenium.Keys.ENTER);
            wait.until(ExpectedConditions.urlContains("#" + part));
            wait.until(d -> part.equals(js.executeScript("return document.activeElement.id")));
            new org.openqa.selenium.interactions.Actions(browser).sendKeys(org.openqa.selenium.Keys.TAB).perform();
            assertThat((Boolean) js.executeScript("return document.getElementById(arguments[0])"
                    + ".contains(document.activeElement)", part)).as(part).isTrue();
        }
        assertThat(js.executeScript("return window.__samePage")).isEqualTo(true);
        noPageProblems("ticket page contents");
    }

    @Test
    void aNoteDraftOutlivesASessionThatEndedAndIsGoneOnceSaved() throws Exception {
        String marker = "draft" + UUID.randomUUID().toString().substring(0, 6);
        Ticket ticket = fixtures.submit(TicketFixtures.answers(Product.CHATGPT_WEB, "Draft " + marker, null));
        String url = "http://localhost:" + port + "/desk/tickets/" + ticket.getReference();
        String draft = "Asked the reporter for a HAR " + marker + "\nsecond line";
        signIn();
        browser.get(url);
        browser.findElement(By.id("note-body")).sendKeys(draft);

        // the session ends while the agent types: sending the note leads to the sign-in page, the POST is lost
        browser.manage().deleteCookieNamed("JSESSIONID");
        browser.findElement(By.cssSelector("#note-form button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains("/login"));
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("form.signin button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("h1")));

        // back on the ticket, the box has the text again, and says why
        browser.get(url);
        WebElement box = browser.findElement(By.id("note-body"));
        assertThat(box.getAttribute("value")).isEqualTo(draft);
        assertThat(browser.findElement(By.id("note-restored")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("notes")).getText()).contains("No notes yet.");

        // saved, it is no longer kept: the page opened again has an empty box
        browser.findElement(By.cssSelector("#note-form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#notes .note-body"), marker));
        browser.get(url);
        assertThat(browser.findElement(By.id("note-body")).getAttribute("value")).isEmpty();
        assertThat(browser.findElement(By.id("note-restored")).isDisplayed()).isFalse();
        noPageProblems("ticket page with a restored note");
    }

    @Test
    void anExportThatCannotBeMadeIsAMessageOnThePageNotADownloadedFile() throws Exception {
        String marker = "plum" + UUID.randomUUID().toString().substring(0, 6);
        Ticket ticket = fixtures.submit(TicketFixtures.answers(Product.CHATGPT_WEB, "Leaky " + marker, null));
        // gaps in redaction, as the last check before an export must catch them: stored text still holding a token
        jdbc.update("UPDATE ticket SET seen_message = ? WHERE id = ?", "leaked " + Secrets.jwt("csv"), ticket.getId());
        tickets.conclude(ticket.getId(), ticket.getVerdictPath(), "", "leaked " + Secrets.jwt("md"), "leaked");
        signIn();

        browser.get("http://localhost:" + port + "/desk?q=" + marker);
        browser.findElement(By.id("csv-link")).click();
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".notice-error"))).getText())
                .contains("refused");
        assertThat(browser.getCurrentUrl()).contains("/desk?q=" + marker);

        browser.get("http://localhost:" + port + "/desk?q=" + marker + "&sort=priority");
        browser.findElement(By.id("csv-link")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice-error"), "No CSV was made"));

        browser.get("http://localhost:" + port + "/desk/tickets/" + ticket.getReference());
        browser.findElement(By.id("export-markdown")).click();
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".notice-error"))).getText())
                .contains("refused");
        noPageProblems("ticket");
        try (Stream<Path> files = Files.list(downloads)) {
            assertThat(files.toList()).as("files downloaded").isEmpty();
        }
    }

    void shot(String name) {
        try {
            Map<String, Object> r = ((ChromeDriver) browser).executeCdpCommand("Page.captureScreenshot",
                    Map.of("captureBeyondViewport", true, "format", "png"));
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

    /**
     * Nothing written by an attacker ran or became markup on the page: no payload called {@code __pwned}, no CSP
     * violation or script error, no element with an event-handler attribute or a {@code javascript:} link, no script
     * without a source, and only the images and pictures the page itself draws (screenshots, timelines).
     */
    @SuppressWarnings("unchecked")
    void nothingRan(String page, int images, int pictures) {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        assertThat((List<String>) js.executeScript("return window.__ran")).as("payloads that ran on %s", page).isEmpty();
        noPageProblems(page);
        assertThat((List<String>) js.executeScript("""
                return Array.from(document.querySelectorAll('*'))
                  .filter(el => Array.from(el.attributes).some(a => a.name.toLowerCase().startsWith('on'))
                             || (el.tagName === 'SCRIPT' && !el.src)
                             || ['IFRAME', 'OBJECT', 'EMBED', 'BASE', 'META'].includes(el.tagName) && el.closest('main')
                             || /^\\s*javascript:/i.test(el.getAttribute('href') || el.getAttribute('src') || ''))
                  .map(el => el.outerHTML.substring(0, 200));""")).as("markup from uploads on %s", page).isEmpty();
        assertThat(browser.findElements(By.cssSelector("main img"))).as("images on %s", page).hasSize(images);
        assertThat(browser.findElements(By.cssSelector("main svg"))).as("pictures on %s", page).hasSize(pictures);
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
}
