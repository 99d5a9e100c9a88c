package dev.triagedesk.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dev.triagedesk.staff.Role;
import dev.triagedesk.staff.StaffService;
import dev.triagedesk.staff.StaffUser;
import dev.triagedesk.support.StaffSessions;
import dev.triagedesk.support.TicketFixtures;
import dev.triagedesk.support.TriageDeskTest;
import dev.triagedesk.ticket.Product;
import dev.triagedesk.ticket.ReportAnswers;
import dev.triagedesk.ticket.Ticket;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The incident page lists its tickets 50 a page while its counts and spread cover all of them; a page number that is
 * not one, or past the end, shows the nearest page rather than an error.
 */
@TriageDeskTest
class IncidentPagingTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TicketFixtures fixtures;
    @Autowired
    StaffService staff;
    @Autowired
    IncidentService incidents;
    @Autowired
    UserDetailsService principals;

    private Document page(StaffUser agent, String path) throws Exception {
        return StaffSessions.page(mvc, StaffSessions.as(principals, agent), path);
    }

    @Test
    void ticketsAreListedFiftyAPageAndCountedAll() throws Exception {
        String word = Captures.word();
        StaffUser agent = staff.create("agent-" + word, null, "correct horse battery staple", Role.AGENT);
        // no capture: the same specific message makes them one problem
        List<Ticket> reported = new ArrayList<>();
        for (int i = 0; i < IncidentReader.MEMBERS_PER_PAGE + 1; i++) {
            reported.add(fixtures.submit(new ReportAnswers(Product.CHATGPT_WEB, null, "Model picker shows " + word
                    + " instead of models", 500, null, "UTC", null, "Pat", "p" + i + "@example.com", "It fails", null,
                    null, null, null)));
        }
        String reference = incidents.ofTickets(List.of(reported.get(0).getId())).get(reported.get(0).getId())
                .getReference();
        assertThat(reported).allSatisfy(t -> assertThat(incidents.ofTickets(List.of(t.getId())).get(t.getId())
                .getReference()).isEqualTo(reference));

        Document first = page(agent, "/desk/incidents/" + reference);
        assertThat(first.select("#incident-count").text()).isEqualTo("51");
        assertThat(first.select("#members tbody tr")).hasSize(50);
        assertThat(first.select("#members-next").attr("href")).endsWith("page=2");
        assertThat(first.select("#members-previous")).isEmpty();
        assertThat(first.select("#verdicts").text()).contains("51");

        Document second = page(agent, "/desk/incidents/" + reference + "?page=2");
        assertThat(second.select("#members tbody tr")).hasSize(1);
        assertThat(second.select("#members-previous").attr("href")).endsWith("page=1");
        assertThat(second.select("#members-next")).isEmpty();
        List<String> listed = new ArrayList<>(first.select("#members tbody tr").eachAttr("data-reference"));
        listed.addAll(second.select("#members tbody tr").eachAttr("data-reference"));
        assertThat(listed).containsExactlyInAnyOrderElementsOf(reported.stream().map(Ticket::getReference).toList());

        assertThat(page(agent, "/desk/incidents/" + reference + "?page=99").select("#members tbody tr")).hasSize(1);
        assertThat(page(agent, "/desk/incidents/" + reference + "?page=x%27").select("#members tbody tr")).hasSize(50);
        assertThat(page(agent, "/desk/incidents/" + reference + "?page=-3").select("#members tbody tr")).hasSize(50);
    }
}
