package dev.triagedesk.canned;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triagedesk.conversation.ConversationService;
import dev.triagedesk.conversation.MissingItems;
import dev.triagedesk.conversation.RequestedItem;
import dev.triagedesk.incident.Incident;
import dev.triagedesk.incident.IncidentService;
import dev.triagedesk.staff.Role;
import dev.triagedesk.staff.StaffService;
import dev.triagedesk.support.BrowserTest;
import dev.triagedesk.support.MadeTickets;
import dev.triagedesk.support.TicketFixtures;
import dev.triagedesk.support.TriageDeskTest;
import dev.triagedesk.ticket.Product;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A canned reply used as an agent uses it, in headless Chromium: picked on the ticket page and inserted with every
 * placeholder filled for the ticket, edited in the reply box, sent as a public reply; the reporter then reads it
 * on their private page under the agent's name.
 */
@TriageDeskTest
@BrowserTest
class CannedReplyBrowserTests {

    static final String PASSWORD = "correct horse battery staple";
    static final String BODY = """
            Hello {reporter_name}, about {reference}:
            {missing_items}
            Send them through {private_link}. Incident: {incident}.""";

    @LocalServerPort
    int port;
    @Autowired
    StaffService staff;
    @Autowired
    CannedReplies replies;
    @Autowired
    ConversationService conversations;
    @Autowired
    IncidentService incidents;
    @Autowired
    MadeTickets made;

    @Test
    void anAgentInsertsACannedReplyFilledEditsItAndTheReporterReadsIt(WebDriver browser) {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String username = "agent-" + marker;
        staff.create(username, "Dana Agent", PASSWORD, Role.AGENT);
        String name = "Checklist " + marker;
        replies.save(null, name, BODY);
        MadeTickets.Made ticket = made.submit(TicketFixtures.answers(Product.CHATGPT_WEB, "Fails " + marker, null));
        conversations.askReporter(ticket.reference(), List.of(
                new MissingItems.Suggestion(RequestedItem.Kind.HAR, "A HAR of the failing request " + marker),
                new MissingItems.Suggestion(RequestedItem.Kind.ANSWER, "Which browser " + marker)),
                null, username, null);
        Incident incident = incidents.ofTickets(List.of(ticket.ticket().getId())).get(ticket.ticket().getId());
        String incidentText = incident == null ? CannedReplies.NO_INCIDENT
                : incident.getTitle() + " (" + incident.getReference() + ")";
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));

        browser.get(url("/desk/tickets/" + ticket.reference()));
        wait.until(ExpectedConditions.urlContains("/login"));
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("form.signin button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("canned-form")));

        new Select(browser.findElement(By.id("canned-id"))).selectByVisibleText(name);
        browser.findElement(By.cssSelector("#canned-form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#conversation .notice"),
                "Canned reply inserted"));
        WebElement box = browser.findElement(By.id("reply-body"));
        String inserted = box.getDomProperty("value");
        assertThat(inserted).isEqualTo("Hello Pat, about " + ticket.reference() + ":\n"
                + "- A HAR of the failing request " + marker + "\n"
                + "- Which browser " + marker + "\n"
                + "Send them through " + CannedReplies.PRIVATE_LINK + ". Incident: " + incidentText + ".");

        String edited = inserted.replace("Hello Pat", "Hi Pat") + "\nThank you, Dana";
        box.clear();
        box.sendKeys(edited);
        browser.findElement(By.cssSelector("#reply-form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#conversation .notice"),
                "Reply sent"));

        browser.manage().deleteAllCookies(); // the reporter: no staff session
        browser.get(url("/r/" + ticket.token()));
        List<WebElement> fromSupport = browser.findElements(By.cssSelector("#conversation .message-agent"));
        assertThat(fromSupport).hasSize(1);
        assertThat(fromSupport.get(0).findElement(By.cssSelector(".message-meta")).getText())
                .contains("Dana Agent (support)");
        // the reporter's page folds the line breaks of a message: compare the words
        assertThat(squeezed(fromSupport.get(0).findElement(By.cssSelector(".message-body")).getText()))
                .isEqualTo(squeezed(edited));
    }

    private static String squeezed(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
