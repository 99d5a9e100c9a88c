package dev.triagedesk.desk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triagedesk.evidence.HarBuilder;
import dev.triagedesk.support.TicketFixtures;
import dev.triagedesk.support.TriageDeskTest;
import dev.triagedesk.ticket.Product;
import dev.triagedesk.ticket.Ticket;
import dev.triagedesk.ticket.TicketService;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The search box finds what agents paste: a Cloudflare ray without its colo suffix, a header line with its name,
 * an error code, a host, a path. Tickets are submitted through the application with HARs and console logs made
 * here; every value is this run's own, so other tests' tickets cannot answer.
 */
@TriageDeskTest
class PastedSearchTests {

    @Autowired
    DeskService desk;
    @Autowired
    TicketFixtures fixtures;
    @Autowired
    TicketService tickets;

    String marker;
    String host;
    String ray;
    String requestId;
    Ticket supabase;
    Ticket quota;

    @BeforeEach
    void tickets() {
        Random random = new Random();
        marker = "yak" + hex(random, 4);
        host = "db" + hex(random, 6) + ".supabase.co";
        ray = hex(random, 8);
        requestId = "req_" + hex(random, 16);
        String postgrest = new HarBuilder()
                .entry("POST", "https://" + host + "/rest/v1/rpc/list_profiles", 500)
                .responseHeader("cf-ray", ray + "-FRA")
                .body("application/json", "{\"code\":\"42P17\",\"details\":null,\"hint\":null,\"message\":"
                        + "\"infinite recursion detected in policy for relation \\\"profiles\\\"\"}")
                .add().json();
        supabase = fixtures.submitHar(TicketFixtures.answers(Product.OTHER, "Profiles page is empty " + marker, null),
                "capture.har", postgrest.getBytes(StandardCharsets.UTF_8));
        String openai = new HarBuilder()
                .entry("POST", "https://api.openai.com/v1/chat/completions", 429)
                .responseHeader("x-request-id", requestId)
                .body("application/json", "{\"error\":{\"message\":\"You exceeded your current quota.\","
                        + "\"type\":\"insufficient_quota\",\"param\":null,\"code\":\"insufficient_quota\"}}")
                .add().json();
        quota = fixtures.submitHar(TicketFixtures.answers(Product.OPENAI_API, "Every call fails " + marker, null),
                "api.har", openai.getBytes(StandardCharsets.UTF_8));
    }

    private List<String> found(String q) {
        return desk.queue(new TicketFilter(q, null, null, null, null, null, null, null, null), 0, 50).tickets()
                .map(Ticket::getReference).toList();
    }

    @Test
    void aRayIdIsFoundWithOrWithoutItsColoSuffixAndPastedWithItsHeaderName() {
        assertThat(found(ray)).containsExactly(supabase.getReference());
        assertThat(found(ray.toUpperCase() + "-FRA")).containsExactly(supabase.getReference());
        assertThat(found("cf-ray: " + ray + "-FRA")).containsExactly(supabase.getReference());
        assertThat(found("CF-Ray: " + ray)).containsExactly(supabase.getReference());
        assertThat(found("Cloudflare Ray ID: " + ray)).containsExactly(supabase.getReference());
    }

    @Test
    void aRequestIdLineIsFoundWithItsHeaderName() {
        assertThat(found("x-request-id: " + requestId)).containsExactly(quota.getReference());
        assertThat(found("\"x-request-id\": \"" + requestId + "\",")).containsExactly(quota.getReference());
        assertThat(found("request-id=" + requestId)).containsExactly(quota.getReference());
        // the start of an ID is a word of its own too
        assertThat(found(requestId.substring(0, 20))).containsExactly(quota.getReference());
    }

    @Test
    void errorCodesOfFailingRequestsFindTheirTickets() {
        assertThat(found("42P17")).contains(supabase.getReference()).doesNotContain(quota.getReference());
        assertThat(found("42P17 " + marker)).containsExactly(supabase.getReference());
        assertThat(found("insufficient_quota " + marker)).containsExactly(quota.getReference());
        assertThat(found("\"code\": \"insufficient_quota\"")).contains(quota.getReference())
                .doesNotContain(supabase.getReference());
        assertThat(found("429 " + marker)).containsExactly(quota.getReference());
    }

    @Test
    void anUnderscoreInACodeIsNoWildcard() {
        // its plain words would find it: only an escaped "_" keeps it out
        Ticket lookalike = fixtures.submit(TicketFixtures.answers(Product.OTHER, "insufficientxquota quota " + marker,
                null));
        assertThat(found("insufficient_quota " + marker)).containsExactly(quota.getReference())
                .doesNotContain(lookalike.getReference());
    }

    @Test
    void hostsAndPathsFindTheirTickets() {
        assertThat(found(host)).containsExactly(supabase.getReference());
        assertThat(found("https://" + host + "/rest/v1/rpc/list_profiles?select=*")).containsExactly(
                supabase.getReference());
        assertThat(found("supabase.co " + marker)).containsExactly(supabase.getReference());
        assertThat(found("/rest/v1/rpc/list_profiles " + marker)).containsExactly(supabase.getReference());
        assertThat(found("list_profiles " + marker)).containsExactly(supabase.getReference());
        assertThat(found("api.openai.com " + marker)).containsExactly(quota.getReference());
        assertThat(found("/v1/chat/completions " + marker)).containsExactly(quota.getReference());
        // a path's end alone: not a word, but its words are
        assertThat(found("chat/completions " + marker)).containsExactly(quota.getReference());
        // a host is not found through its parts alone in other tickets' text
        assertThat(found("openai.com " + marker)).containsExactly(quota.getReference());
    }

    @Test
    void whatAConsoleLogAddedLaterHoldsIsFoundToo() {
        String bare = hexOf(marker + "ray").substring(0, 16);
        tickets.addPastedConsole(supabase.getId(), "[2025-07-29T19:36:31.004Z] [error] GET https://chatgpt.com/"
                + "backend-api/sentinel/" + marker + " 502 (Bad Gateway)\n"
                + "[2025-07-29T19:36:31.100Z] [info] challenge https://chatgpt.com/cdn-cgi/challenge-platform/h/g/"
                + "cmg/1?ray=" + bare + "&lang=auto\n"
                + "[2025-07-29T19:36:31.200Z] [error] {\"error\":{\"code\":\"model_cap_exceeded_" + marker + "\"}}\n");

        assertThat(found("backend-api/sentinel/" + marker)).containsExactly(supabase.getReference());
        assertThat(found("model_cap_exceeded_" + marker)).containsExactly(supabase.getReference());
        // stored as the challenge gives it, without suffix; pasted with one
        assertThat(found("cf-ray: " + bare + "-AMS")).containsExactly(supabase.getReference());
    }

    private static String hex(Random random, int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private static String hexOf(String s) {
        return HexFormat.of().formatHex(s.getBytes(StandardCharsets.UTF_8));
    }
}
