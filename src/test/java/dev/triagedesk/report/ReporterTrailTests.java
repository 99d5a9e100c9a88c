package dev.triagedesk.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.triagedesk.audit.AuditAction;
import dev.triagedesk.audit.AuditEvent;
import dev.triagedesk.audit.AuditLog;
import dev.triagedesk.evidence.Corpus;
import dev.triagedesk.staff.Role;
import dev.triagedesk.staff.StaffService;
import dev.triagedesk.staff.StaffUser;
import dev.triagedesk.support.TriageDeskTest;
import dev.triagedesk.ticket.TicketService;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the reporter does to a ticket is in its audit trail, as the staff see it: the submission, and each later
 * addition of evidence, whether from the reporter page or the API. Evidence given while it was still a draft is
 * part of the submission, not a line of its own.
 */
@TriageDeskTest
class ReporterTrailTests {

    static final String HAR = "user-masteralan360-asaas-chrome143-404-body.har";

    @Autowired
    MockMvc mvc;
    @Autowired
    AuditLog audit;
    @Autowired
    TicketService tickets;
    @Autowired
    StaffService staff;
    @Autowired
    UserDetailsService principals;

    @Test
    void theSubmissionAndEveryLaterAdditionOfEvidenceAreInTheTrailTheTicketPageShows() throws Exception {
        String marker = "trail" + UUID.randomUUID().toString().substring(0, 8);
        byte[] har = Files.readAllBytes(Corpus.har(HAR));
        MockMultipartFile report = new MockMultipartFile("report", "", MediaType.APPLICATION_JSON_VALUE,
                ("{\"product\": \"chatgpt_web\", \"description\": \"" + marker + "\"}").getBytes());
        JsonNode created = JsonMapper.builder().build().readTree(mvc.perform(multipart("/api/reports").file(report)
                        .file(new MockMultipartFile("har", "first.har", "application/json", har)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
        String reference = created.path("reference").asString();
        String reporterUrl = created.path("reporterUrl").asString();
        String token = reporterUrl.substring(reporterUrl.lastIndexOf('/') + 1);
        long id = tickets.byReference(reference).orElseThrow().getId();
        assertThat(lines(id)).containsExactly("reporter SUBMITTED with 1 attachment");

        mvc.perform(multipart("/r/" + token + "/evidence").with(csrf())
                        .file(new MockMultipartFile("har", "later.har", "application/json", har))
                        .file(new MockMultipartFile("har", "broken.har", "application/json", "{\"log\": ".getBytes()))
                        .param("consoleText", "POST https://chatgpt.com/backend-api/conversation 500\n"))
                .andExpect(redirectedUrlPattern("/r/" + token + "#attachment-*"));
        String conversation = "chatgpt.com/c/33333333-afa8-8327-9a1b-0123456789ab";
        mvc.perform(multipart("/api/reports/" + token + "/evidence").param("conversationUrl", conversation))
                .andExpect(status().isOk());
        mvc.perform(multipart("/api/reports/" + token + "/evidence").param("conversationUrl", ""))
                .andExpect(status().isOk());

        assertThat(lines(id)).containsExactly(
                "reporter SUBMITTED with 1 attachment",
                "reporter EVIDENCE_ADDED later.har",
                "reporter EVIDENCE_ADDED broken.har (could not be read)",
                "reporter EVIDENCE_ADDED pasted console log",
                "reporter EVIDENCE_ADDED conversation URL https://" + conversation,
                "reporter EVIDENCE_ADDED conversation URL removed");

        StaffUser agent = staff.create("agent-" + marker, null, "correct horse battery staple", Role.AGENT);
        String page = mvc.perform(get("/desk/tickets/" + reference)
                        .with(user(principals.loadUserByUsername(agent.getUsername()))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<String> rows = Jsoup.parse(page).select("#trail tbody tr").eachText();
        assertThat(rows).anyMatch(r -> r.endsWith("reporter submitted with 1 attachment"))
                .anyMatch(r -> r.endsWith("reporter added evidence later.har"))
                .anyMatch(r -> r.endsWith("reporter added evidence conversation URL https://" + conversation));
    }

    /** The ticket's trail, oldest first, as "actor ACTION detail". */
    private List<String> lines(long ticketId) {
        List<String> lines = new ArrayList<>();
        for (AuditEvent e : audit.trail(ticketId)) {
            if (e.getAction() != AuditAction.VIEWED) {
                lines.add(0, e.getActor() + " " + e.getAction() + " " + e.getDetail());
            }
        }
        return lines;
    }
}
