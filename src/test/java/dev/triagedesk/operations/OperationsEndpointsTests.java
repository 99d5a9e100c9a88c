package dev.triagedesk.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.triagedesk.ticket.Product;
import dev.triagedesk.staff.Role;
import dev.triagedesk.staff.StaffService;
import dev.triagedesk.support.TicketFixtures;
import dev.triagedesk.support.TriageDeskTest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

/** The balancer's probes, open and without details; the metrics, for administrators, with the desk's own. */
@TriageDeskTest
class OperationsEndpointsTests {

    private static final String PASSWORD = "operations test password";

    @Autowired
    MockMvc mvc;
    @Autowired
    StaffService staff;
    @Autowired
    TicketFixtures fixtures;
    @Autowired
    ApplicationContext context;

    String admin;
    String agent;

    @BeforeEach
    void accounts() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        admin = staff.create("ops-admin-" + marker, null, PASSWORD, Role.ADMIN).getUsername();
        agent = staff.create("ops-agent-" + marker, null, PASSWORD, Role.AGENT).getUsername();
    }

    @Test
    void theProbesAnswerWithoutSignInAndWithoutDetails() throws Exception {
        for (String probe : new String[] {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"}) {
            String body = mvc.perform(get(probe)).andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsString();
            assertThat(body).as(probe).contains("\"status\":\"UP\"").doesNotContain("components", "details", "db");
        }
    }

    @Test
    void readinessAnswers503WhileTheInstanceRefusesTraffic() throws Exception {
        AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
        try {
            String body = mvc.perform(get("/actuator/health/readiness")).andExpect(status().isServiceUnavailable())
                    .andReturn().getResponse().getContentAsString();
            assertThat(body).isEqualTo("{\"status\":\"OUT_OF_SERVICE\"}");
            // still alive: the balancer stops sending, the orchestrator does not restart it
            mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
        } finally {
            AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
        }
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk());
    }

    @Test
    void metricsAreForAdministratorsOnly() throws Exception {
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/prometheus").header("Authorization", basic(admin, "wrong password")))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/prometheus").header("Authorization", basic(agent, PASSWORD)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/actuator/prometheus").header("Authorization", basic(admin, PASSWORD)))
                .andExpect(status().isOk());
        mvc.perform(get("/actuator")).andExpect(status().isUnauthorized());
        // only what is exposed: no environment, no beans, no heap dump
        for (String hidden : new String[] {"/actuator/env", "/actuator/beans", "/actuator/heapdump"}) {
            assertThat(mvc.perform(get(hidden).header("Authorization", basic(admin, PASSWORD))).andReturn()
                    .getResponse().getStatus()).as(hidden).isIn(403, 404);
        }
    }

    @Test
    void aSubmittedReportShowsInTheDesksMetrics() throws Exception {
        double before = value(scrape(), "triage_reports_submitted_total");
        fixtures.submit(TicketFixtures.answers(Product.CHATGPT_WEB, "metrics", null), "httpolice-chrome49-xhr-400.har");
        String after = scrape();
        assertThat(value(after, "triage_reports_submitted_total")).isGreaterThanOrEqualTo(before + 1);
        assertThat(value(after, "triage_queue_open")).isGreaterThanOrEqualTo(1);
        assertThat(value(after, "triage_outbox_pending")).isGreaterThanOrEqualTo(0);
        assertThat(value(after, "triage_evidence_received_bytes_count")).isGreaterThanOrEqualTo(1);
        assertThat(value(after, "triage_evidence_received_bytes_sum")).isPositive();
        assertThat(after).containsPattern("triage_evidence_analysis_seconds_count\\{[^}]*format=\"har\"[^}]*\\} [1-9]");
    }

    private String scrape() throws Exception {
        return mvc.perform(get("/actuator/prometheus").header("Authorization", basic(admin, PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    /** The value of the first sample of {@code metric} (any labels); fails when it is not listed. */
    private static double value(String scrape, String metric) {
        Matcher m = Pattern.compile("(?m)^" + metric + "(\\{[^}]*\\})? (\\S+)$").matcher(scrape);
        assertThat(m.find()).as(metric + " in\n" + scrape).isTrue();
        return Double.parseDouble(m.group(2));
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
