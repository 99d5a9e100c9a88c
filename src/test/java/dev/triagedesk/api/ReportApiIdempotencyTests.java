package dev.triagedesk.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.triagedesk.evidence.Corpus;
import dev.triagedesk.support.TriageDeskTest;
import dev.triagedesk.ticket.TicketRepository;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code Idempotency-Key} on {@code POST /api/reports}: a request sent again (its answer was lost) gets the ticket
 * the first one made, with the same reporter link, instead of a second ticket; the key with another request is
 * refused; requests with one key sent at the same moment make one ticket.
 */
@TriageDeskTest
class ReportApiIdempotencyTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;
    @Autowired
    TicketRepository tickets;

    private static MockMultipartFile report(String description) {
        return new MockMultipartFile("report", "", MediaType.APPLICATION_JSON_VALUE,
                ("{\"product\": \"chatgpt_web\", \"seenStatus\": 500, \"description\": \"" + description + "\"}")
                        .getBytes());
    }

    private static MockMultipartFile har() throws Exception {
        return new MockMultipartFile("har", "capture.har", "application/json",
                Files.readAllBytes(Corpus.har("user-masteralan360-asaas-chrome143-404-body.har")));
    }

    private long ticketsDescribedAs(String description) {
        return tickets.findAll().stream().filter(t -> description.equals(t.getDescription())).count();
    }

    @Test
    void theSameRequestSentAgainGetsTheSameTicketAndLink() throws Exception {
        String key = UUID.randomUUID().toString();
        String description = "retried " + key;
        MvcResult first = mvc.perform(multipart("/api/reports").file(report(description)).file(har())
                        .header("Idempotency-Key", key))
                .andExpect(status().isCreated())
                .andExpect(header().doesNotExist("Idempotent-Replayed"))
                .andReturn();
        MvcResult again = mvc.perform(multipart("/api/reports").file(report(description)).file(har())
                        .header("Idempotency-Key", key))
                .andExpect(status().isCreated())
                .andExpect(header().string("Idempotent-Replayed", "true"))
                .andExpect(jsonPath("$.evidence[0].name").value("capture.har"))
                .andExpect(jsonPath("$.evidence[0].status").value("analyzed"))
                .andReturn();
        JsonNode a = JSON.readTree(first.getResponse().getContentAsString());
        JsonNode b = JSON.readTree(again.getResponse().getContentAsString());
        assertThat(b.path("reference").asString()).isEqualTo(a.path("reference").asString());
        assertThat(b.path("reporterUrl").asString()).isEqualTo(a.path("reporterUrl").asString());
        assertThat(b.path("summary").asString()).isEqualTo(a.path("summary").asString());
        assertThat(again.getResponse().getHeader("Location")).isEqualTo(first.getResponse().getHeader("Location"));
        assertThat(ticketsDescribedAs(description)).isEqualTo(1);
    }

    @Test
    void withoutAKeyEveryRequestMakesATicket() throws Exception {
        String description = "no key " + UUID.randomUUID();
        for (int i = 0; i < 2; i++) {
            mvc.perform(multipart("/api/reports").file(report(description))).andExpect(status().isCreated());
        }
        assertThat(ticketsDescribedAs(description)).isEqualTo(2);
    }

    @Test
    void theKeyWithAnotherRequestIsRefusedAndMakesNothing() throws Exception {
        String key = UUID.randomUUID().toString();
        String description = "first " + key;
        mvc.perform(multipart("/api/reports").file(report(description)).header("Idempotency-Key", key))
                .andExpect(status().isCreated());
        mvc.perform(multipart("/api/reports").file(report(description)).file(har()).header("Idempotency-Key", key))
                .andExpect(status().isUnprocessableContent())
                .andExpect(header().string("Content-Type", "application/problem+json"))
                .andExpect(jsonPath("$.title").value("Idempotency-Key reused"));
        mvc.perform(multipart("/api/reports").file(report("other " + key)).header("Idempotency-Key", key))
                .andExpect(status().isUnprocessableContent());
        assertThat(ticketsDescribedAs(description)).isEqualTo(1);
        assertThat(ticketsDescribedAs("other " + key)).isZero();
    }

    @Test
    void aKeyTooShortToBeUnguessableIsRefused() throws Exception {
        mvc.perform(multipart("/api/reports").file(report("short key")).header("Idempotency-Key", "1234"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("Idempotency-Key"));
        assertThat(ticketsDescribedAs("short key")).isZero();
    }

    @Test
    void requestsWithOneKeySentAtOnceMakeOneTicket() throws Exception {
        String key = UUID.randomUUID().toString();
        String description = "concurrent " + key;
        MockMultipartFile har = har();
        int senders = 4;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        List<Future<MvcResult>> results = new ArrayList<>();
        try {
            for (int i = 0; i < senders; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return mvc.perform(multipart("/api/reports").file(report(description)).file(har)
                            .header("Idempotency-Key", key)).andReturn();
                }));
            }
            start.countDown();
            Set<String> references = new HashSet<>();
            for (Future<MvcResult> f : results) {
                MvcResult r = f.get();
                // 201 (made it, or found the one made) or 409 (the first one was still running)
                assertThat(r.getResponse().getStatus()).isIn(201, 409);
                if (r.getResponse().getStatus() == 201) {
                    references.add(JSON.readTree(r.getResponse().getContentAsString()).path("reference").asString());
                }
            }
            assertThat(references).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(ticketsDescribedAs(description)).isEqualTo(1);
        mvc.perform(multipart("/api/reports").file(report(description)).file(har).header("Idempotency-Key", key))
                .andExpect(status().isCreated())
                .andExpect(header().string("Idempotent-Replayed", "true"));
    }
}
