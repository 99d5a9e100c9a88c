package dev.triagedesk.desk.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.triagedesk.desk.DeskService;
import dev.triagedesk.evidence.Secrets;
import dev.triagedesk.staff.Role;
import dev.triagedesk.staff.StaffService;
import dev.triagedesk.staff.StaffUser;
import dev.triagedesk.support.TicketFixtures;
import dev.triagedesk.support.TriageDeskTest;
import dev.triagedesk.ticket.Product;
import dev.triagedesk.ticket.ReportAnswers;
import dev.triagedesk.ticket.Ticket;
import dev.triagedesk.ticket.TicketStatus;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The queue page as an agent uses it: the search box, filters that say what is wrong with them, sorting, CSV. */
@TriageDeskTest
class QueuePageTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TicketFixtures fixtures;
    @Autowired
    StaffService staff;
    @Autowired
    DeskService desk;
    @Autowired
    UserDetailsService principals;
    @Autowired
    JdbcTemplate jdbc;

    String marker;
    StaffUser agent;
    Ticket older;
    Ticket newer;
    String conversation;

    @BeforeEach
    void tickets() {
        marker = "queue" + UUID.randomUUID().toString().substring(0, 8);
        agent = staff.create("agent-" + marker, null, "correct horse battery staple", Role.AGENT);
        // a conversation ID of this test's own, so the search finds this ticket and no other
        conversation = "https://chatgpt.com/c/" + UUID.randomUUID();
        older = fixtures.submit(new ReportAnswers(Product.CHATGPT_WEB, null, "Something went wrong", 500, null, "UTC",
                null, null, null, "Chats vanish " + marker, null, null, null, conversation));
        newer = fixtures.submit(TicketFixtures.answers(Product.OPENAI_API, "Rate limits " + marker, null));
    }

    private MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request) {
        return request.with(user(principals.loadUserByUsername(agent.getUsername())));
    }

    private Document queue(String query) throws Exception {
        return Jsoup.parse(mvc.perform(as(get("/desk?" + query))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
    }

    /** The queue searched for {@code q}, as the search box sends it. */
    private Document search(String q) throws Exception {
        return Jsoup.parse(mvc.perform(as(get("/desk").param("q", q))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
    }

    private static List<String> references(Document page) {
        return page.select(".queue-table tbody tr").eachAttr("data-reference");
    }

    @Test
    void theSearchBoxFindsATicketByItsConversationUrlOrId() throws Exception {
        String id = conversation.substring("https://chatgpt.com/c/".length());
        assertThat(references(search(conversation))).containsExactly(older.getReference());
        // the address as copied from the browser, with a query after the ID
        assertThat(references(search(conversation + "/?model=gpt-5"))).containsExactly(older.getReference());
        assertThat(references(search(" " + id.toUpperCase() + " "))).containsExactly(older.getReference());
        assertThat(references(search("vanish " + marker))).containsExactly(older.getReference());
        assertThat(references(search("https://chatgpt.com/c/" + UUID.randomUUID()))).isEmpty();
    }

    @Test
    void theQueueSortsByLastChangeAndSaysWhichWay() throws Exception {
        assertThat(references(queue("q=" + marker))).containsExactly(newer.getReference(), older.getReference());
        desk.changeStatus(older.getReference(), TicketStatus.TRIAGING, agent.getUsername());

        Document page = queue("q=" + marker + "&sort=-updated");
        assertThat(references(page)).containsExactly(older.getReference(), newer.getReference());
        assertThat(page.select("th[aria-sort=descending] a").text()).isEqualTo("Last change (UTC)");
        // the column's link turns the order round, keeping the search
        String flip = page.select("th[aria-sort=descending] a").attr("href");
        assertThat(flip).isEqualTo("/desk?q=" + marker + "&sort=updated");
        assertThat(references(queue(flip.substring("/desk?".length()))))
                .containsExactly(newer.getReference(), older.getReference());
        assertThat(page.select(".queue-table tbody tr").first().select("td.updated time").attr("datetime"))
                .isEqualTo(desk.submitted(older.getReference()).orElseThrow().getUpdatedAt().toString());
    }

    @Test
    void wrongFiltersAreNamedOnThePageAndTheOthersStillApply() throws Exception {
        Document page = queue("q=" + marker + "&status=on-fire&product=openai_api&from=yesterday");
        assertThat(page.select("#filter-problems li").eachText()).hasSize(2)
                .anyMatch(t -> t.contains("on-fire")).anyMatch(t -> t.contains("yesterday"));
        assertThat(page.select("#status").attr("aria-invalid")).isEqualTo("true");
        assertThat(references(page)).containsExactly(newer.getReference());
    }

    @Test
    void theCsvKeepsTheFiltersAndWrongOnesGoBackToTheQueue() throws Exception {
        Document page = queue("q=" + marker + "&product=CHATGPT_WEB");
        String csvLink = page.select("#csv-link").attr("href");
        assertThat(csvLink).isEqualTo("/desk/export.csv?q=" + marker + "&product=CHATGPT_WEB");
        String csv = mvc.perform(as(get(csvLink))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv.lines().toList()).hasSize(2);
        assertThat(csv).contains(older.getReference()).doesNotContain(newer.getReference());
        mvc.perform(as(get("/desk/export.csv?q=" + marker + "&status=on-fire")))
                .andExpect(redirectedUrl("/desk?q=" + marker + "&status=on-fire"))
                .andExpect(flash().attribute("errorKey", "queue.csv.problems"));
    }

    @Test
    void aCsvRefusedForALeftoverSecretIsAMessageOnTheQueueNotAFile() throws Exception {
        // a gap in redaction, as the last check before an export must catch it: a stored answer still holding a token
        jdbc.update("UPDATE ticket SET seen_message = ? WHERE id = ?", "leaked " + Secrets.jwt("queue"), older.getId());
        MvcResult refused = mvc.perform(as(get("/desk/export.csv?q=" + marker)))
                .andExpect(redirectedUrl("/desk?q=" + marker))
                .andExpect(header().doesNotExist(HttpHeaders.CONTENT_DISPOSITION))
                .andExpect(flash().attribute("errorKey", "export.refused"))
                .andReturn();
        Document page = Jsoup.parse(mvc.perform(as(get("/desk?q=" + marker)).flashAttrs(refused.getFlashMap()))
                .andReturn().getResponse().getContentAsString());
        assertThat(page.select(".notice-error[role=alert]").text()).contains("refused", "JWT");
    }

    @Test
    void pageLinksShowTheEndsAndTwoEitherSideOfTheCurrentPage() {
        assertThat(QueueController.pageNumbers(1, 1)).containsExactly(1);
        assertThat(QueueController.pageNumbers(6, 20)).containsExactly(1, 0, 4, 5, 6, 7, 8, 0, 20);
        assertThat(QueueController.pageNumbers(2, 4)).containsExactly(1, 2, 3, 4);
    }
}
