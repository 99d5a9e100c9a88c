package dev.triagedesk.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.triagedesk.audit.AuditAction;
import dev.triagedesk.audit.AuditEvent;
import dev.triagedesk.audit.AuditLog;
import dev.triagedesk.staff.Role;
import dev.triagedesk.staff.StaffService;
import dev.triagedesk.staff.StaffUser;
import dev.triagedesk.support.TicketFixtures;
import dev.triagedesk.support.TriageDeskTest;
import dev.triagedesk.ticket.Product;
import dev.triagedesk.ticket.ReportAnswers;
import dev.triagedesk.ticket.Ticket;
import dev.triagedesk.ticket.TicketRepository;
import dev.triagedesk.ticket.TicketStatus;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Grouping as reports arrive through the services the form and the API use: the same failure within the window
 * joins one incident, another failure or a failure long after opens its own, and staff's moves stick.
 */
@TriageDeskTest
class IncidentGroupingTests {

    static final Instant TEN = Instant.parse("2026-05-04T10:00:00Z");

    @Autowired
    TicketFixtures fixtures;
    @Autowired
    IncidentService incidents;
    @Autowired
    IncidentRepository incidentRepository;
    @Autowired
    TicketRepository tickets;
    @Autowired
    AuditLog audit;
    @Autowired
    StaffService staff;
    @Autowired
    JdbcTemplate jdbc;

    private Ticket report(String url, int status, Instant at) {
        return fixtures.submitHar(TicketFixtures.answers(Product.CHATGPT_WEB, "It fails", null), "capture.har",
                Captures.har("POST", url, status, null, at));
    }

    private Optional<Incident> incidentOf(Ticket t) {
        return Optional.ofNullable(incidents.ofTickets(List.of(t.getId())).get(t.getId()));
    }

    private Incident reload(Incident i) {
        return incidents.find(i.getReference()).orElseThrow();
    }

    @Test
    void theSameFailureWithinTheWindowJoinsOneIncidentWhateverItsIds() {
        String word = Captures.word();
        Ticket first = report("https://chatgpt.com/backend-api/" + word + "/6915a9bc-afa8-8327-9a1b-0123456789ab?t=1",
                500, TEN);
        Ticket second = report("https://chatgpt.com/backend-api/" + word + "/7725a9bc-afa8-8327-9a1b-0123456789ff?t=2",
                500, TEN.plusSeconds(20 * 60));
        // within 30 minutes of the second, not of the first: the incident grows with its reports
        Ticket third = report("https://chatgpt.com/backend-api/" + word + "/12345", 500, TEN.plusSeconds(45 * 60));
        Ticket otherStatus = report("https://chatgpt.com/backend-api/" + word + "/12345", 502, TEN);
        Ticket muchLater = report("https://chatgpt.com/backend-api/" + word + "/12345", 500, TEN.plusSeconds(3 * 3600));

        Incident incident = incidentOf(first).orElseThrow();
        assertThat(incidentOf(second)).get().extracting(Incident::getId).isEqualTo(incident.getId());
        assertThat(incidentOf(third)).get().extracting(Incident::getId).isEqualTo(incident.getId());
        assertThat(incidentOf(otherStatus)).get().extracting(Incident::getId).isNotEqualTo(incident.getId());
        assertThat(incidentOf(muchLater)).get().extracting(Incident::getId).isNotEqualTo(incident.getId());

        Incident stored = reload(incident);
        assertThat(stored.getReference()).matches("IN-\\d{4}-\\d{6}");
        assertThat(stored.getTitle()).isEqualTo("HTTP 500 from chatgpt.com POST /backend-api/" + word + "/{id}");
        assertThat(stored.getTicketCount()).isEqualTo(3);
        assertThat(stored.getFirstFailureAt()).isEqualTo(TEN);
        assertThat(stored.getLastFailureAt()).isEqualTo(TEN.plusSeconds(45 * 60));
        assertThat(stored.getFingerprintText()).contains("host=chatgpt.com", "outcome=HTTP 500", "product=chatgpt_web")
                .doesNotContain("req_");
        // grouping is no one's act: nothing in the trail
        assertThat(audit.trail(second.getId())).extracting(AuditEvent::getAction)
                .doesNotContain(AuditAction.INCIDENT_JOINED);
    }

    @Test
    void anIncidentClosesToNewReportsOnceTheWindowPassesWithoutOne() {
        String url = "https://chatgpt.com/backend-api/" + Captures.word();
        Ticket first = report(url, 500, TEN);
        Incident incident = incidentOf(first).orElseThrow();
        jdbc.update("UPDATE incident SET open_until = ? WHERE id = ?", Timestamp.from(Instant.now().minusSeconds(1)),
                incident.getId());
        Ticket late = report(url, 500, TEN.plusSeconds(60));
        assertThat(incidentOf(late)).get().extracting(Incident::getId).isNotEqualTo(incident.getId());
    }

    @Test
    void reportsWithoutEvidenceGroupByStatusAndASpecificMessageOnly() {
        String specific = "Model " + Captures.word() + " vanished from the model picker";
        Ticket a = fixtures.submit(new ReportAnswers(Product.CHATGPT_WEB, null, specific, null, null, "UTC", null,
                null, null, "x", null, null, null, null));
        Ticket b = fixtures.submit(new ReportAnswers(Product.CHATGPT_WEB, null, specific.toUpperCase() + "!", null,
                null, "UTC", null, null, null, "y", null, null, null, null));
        Ticket generic = fixtures.submit(new ReportAnswers(Product.CHATGPT_WEB, null, "Something went wrong", null,
                null, "UTC", null, null, null, "z", null, null, null, null));
        assertThat(incidentOf(a)).isPresent();
        assertThat(incidentOf(b)).get().extracting(Incident::getId).isEqualTo(incidentOf(a).get().getId());
        assertThat(incidentOf(generic)).isEmpty();
        assertThat(Fingerprint.specificMessage("Something went wrong. Please try again")).isNull();
    }

    @Test
    void staffMergeMoveOutAddAndActOnTheOpenTickets() {
        String word = Captures.word();
        Ticket a1 = report("https://chatgpt.com/backend-api/" + word + "/a", 500, TEN);
        Ticket a2 = report("https://chatgpt.com/backend-api/" + word + "/a", 500, TEN.plusSeconds(60));
        Ticket b1 = report("https://chatgpt.com/backend-api/" + word + "/b", 500, TEN);
        Incident a = incidentOf(a1).orElseThrow();
        Incident b = incidentOf(b1).orElseThrow();
        assertThat(b.getId()).isNotEqualTo(a.getId());

        incidents.merge(b.getReference(), a.getReference(), "dana");
        assertThat(reload(a).getTicketCount()).isEqualTo(3);
        assertThat(incidents.find(b.getReference())).get().extracting(Incident::getId).isEqualTo(a.getId());
        assertThatThrownBy(() -> incidents.merge(b.getReference(), a.getReference(), "dana"))
                .isInstanceOf(IncidentException.class).extracting("kind").isEqualTo(IncidentException.Kind.CONFLICT);

        incidents.moveOut(a.getReference(), a2.getReference(), "dana");
        assertThat(incidentOf(a2)).isEmpty();
        assertThat(reload(a).getTicketCount()).isEqualTo(2);
        assertThat(audit.trail(a2.getId())).anySatisfy(e -> {
            assertThat(e.getAction()).isEqualTo(AuditAction.INCIDENT_LEFT);
            assertThat(e.getActor()).isEqualTo("dana");
        });

        Ticket other = report("https://chatgpt.com/backend-api/" + Captures.word(), 404, TEN);
        incidents.add(a.getReference(), other.getReference(), "dana");
        assertThat(incidentOf(other)).get().extracting(Incident::getId).isEqualTo(a.getId());

        StaffUser agent = staff.create("agent-" + word, "Agent", "correct horse battery staple", Role.AGENT);
        jdbc.update("UPDATE ticket SET status = 'CLOSED' WHERE id = ?", b1.getId());
        incidents.change(a.getReference(), new IncidentService.Change(TicketStatus.ESCALATED, true, agent.getId(),
                "Conversation stream fails"), "dana");
        assertThat(tickets.findById(a1.getId()).orElseThrow().getStatus()).isEqualTo(TicketStatus.ESCALATED);
        assertThat(tickets.findById(other.getId()).orElseThrow().getStatus()).isEqualTo(TicketStatus.ESCALATED);
        assertThat(tickets.findById(b1.getId()).orElseThrow().getStatus()).isEqualTo(TicketStatus.CLOSED);
        assertThat(tickets.findById(a2.getId()).orElseThrow().getStatus()).isEqualTo(TicketStatus.NEW);
        Incident changed = reload(a);
        assertThat(changed.getTitle()).isEqualTo("Conversation stream fails");
        assertThat(changed.getStatus()).isEqualTo(TicketStatus.ESCALATED);
        assertThat(audit.trail(a1.getId())).anySatisfy(e -> assertThat(e.getDetail()).contains("with incident "
                + a.getReference()));

        assertThatThrownBy(() -> incidents.change(a.getReference(), new IncidentService.Change(null, false, null, " "),
                "dana")).isInstanceOf(IncidentException.class);
        assertThatThrownBy(() -> incidents.moveOut("IN-1999-000001", a1.getReference(), "dana"))
                .isInstanceOf(IncidentException.class).extracting("kind").isEqualTo(IncidentException.Kind.NOT_FOUND);
    }
}
