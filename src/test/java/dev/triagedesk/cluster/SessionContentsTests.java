package dev.triagedesk.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.triagedesk.staff.Role;
import dev.triagedesk.staff.StaffService;
import dev.triagedesk.support.StaffSessions;
import dev.triagedesk.support.TicketFixtures;
import dev.triagedesk.support.TriageDeskTest;
import dev.triagedesk.ticket.Product;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * With several instances a session is written to the database ({@link SharedSessions}), so whatever a page puts into
 * it must survive Java serialization. Checked here on the one shared application (in-memory sessions, so fast) for
 * what the pages put there: a staff sign-in, the report form's pending answers, and the flash attributes of a saved
 * step, of an upload and of a staff action. {@code TwoInstancesTests} goes through the database itself.
 */
@TriageDeskTest
class SessionContentsTests {

    private static final String HAR = """
            {"log":{"version":"1.2","creator":{"name":"test","version":"1"},"entries":[{
            "startedDateTime":"2026-12-06T10:00:00.000Z","time":12,
            "request":{"method":"GET","url":"https://chatgpt.com/backend-api/models","httpVersion":"HTTP/1.1",
            "headers":[],"queryString":[],"cookies":[],"headersSize":-1,"bodySize":0},
            "response":{"status":502,"statusText":"Bad Gateway","httpVersion":"HTTP/1.1","headers":[],"cookies":[],
            "content":{"size":0,"mimeType":"text/plain"},"redirectURL":"","headersSize":-1,"bodySize":0},
            "cache":{},"timings":{"send":1,"wait":10,"receive":1}}]}}
            """;

    @Autowired
    MockMvc mvc;
    @Autowired
    TicketFixtures fixtures;
    @Autowired
    StaffService staff;

    @Test
    void whatTheReportFormKeepsInTheSessionIsSerializable() throws Exception {
        String token = fixtures.draftAt(Product.OPENAI_API, 2);
        MockHttpSession browser = new MockHttpSession();
        // answers left invalid on the way back, twice (the map is stored again), then a saved step and an upload
        mvc.perform(post("/report/" + token + "/checks").with(csrf()).session(browser).param("nav", "back")
                .param("failingPercent", "lots"));
        mvc.perform(post("/report/" + token + "/checks").with(csrf()).session(browser).param("nav", "back")
                .param("failingPercent", "most"));
        mvc.perform(post("/report/" + token + "/status").with(csrf()).session(browser).param("nav", "next")
                .param("statusPage", "NO_INCIDENT"));
        mvc.perform(multipart("/report/" + token + "/evidence").file(new MockMultipartFile("har", "capture.har",
                "application/json", HAR.getBytes(StandardCharsets.UTF_8))).with(csrf()).session(browser)
                .param("nav", "stay"));
        assertThat(Collections.list(browser.getAttributeNames())).contains(
                "dev.triagedesk.report.web.PendingInput",
                "org.springframework.web.servlet.support.SessionFlashMapManager.FLASH_MAPS");
        assertEveryAttributeSurvivesSerialization(browser);
    }

    @Test
    void aStaffSignInAndAStaffPagesMessageAreSerializable() throws Exception {
        String name = "session-" + UUID.randomUUID().toString().substring(0, 8);
        staff.create(name, null, "a password for the session test", Role.ADMIN);
        MockHttpSession session = StaffSessions.signIn(mvc, name, "a password for the session test");
        mvc.perform(post("/account/tokens").with(csrf()).session(session).param("name", "nightly export"));
        assertThat(Collections.list(session.getAttributeNames())).contains("SPRING_SECURITY_CONTEXT");
        assertEveryAttributeSurvivesSerialization(session);
    }

    private static void assertEveryAttributeSurvivesSerialization(MockHttpSession session) throws Exception {
        for (String name : Collections.list(session.getAttributeNames())) {
            Object value = session.getAttribute(name);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(value);
            }
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                assertThat(in.readObject()).as(name).isNotNull();
            }
        }
    }
}
