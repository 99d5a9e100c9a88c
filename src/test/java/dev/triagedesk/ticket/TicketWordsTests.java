package dev.triagedesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a ticket is indexed by and what the search box looks for agree, word for word. */
class TicketWordsTests {

    @Test
    void textGivesPlainWordsAndCompoundsWithHostsAndPathsOfUrls() {
        assertThat(TicketWords.of("Saving fails: insufficient_quota on https://API.openai.com:443/v1/chat/completions"
                + "?key=abc#x, see chatgpt.com/c/abc"))
                .contains("saving", "fails", "insufficient", "quota", "insufficient_quota", "api.openai.com",
                        "openai.com", "v1/chat/completions", "chatgpt.com", "c/abc")
                .doesNotContain("api.openai.com:443", "openai.com/v1/chat/completions");
        assertThat(TicketWords.of("e.g. 42P17")).contains("e.g", "42p17");
    }

    @Test
    void aSearchLooksForHostsPathsAndCodesAsOneWordAndForPlainWordsOnlyBesides() {
        assertThat(TicketWords.search("api.openai.com")).isEqualTo(new TicketWords.Search(
                java.util.List.of("api.openai.com"), java.util.List.of("api", "openai", "com")));
        assertThat(TicketWords.search("/v1/chat/completions 429").words())
                .containsExactly("v1/chat/completions", "429");
        assertThat(TicketWords.search("https://api.openai.com/v1/responses?stream=true").words())
                .containsExactly("api.openai.com", "v1/responses");
        assertThat(TicketWords.search("net::ERR_CONNECTION_RESET").words())
                .containsExactly("err_connection_reset", "net");
        assertThat(TicketWords.search("saving fails")).isEqualTo(new TicketWords.Search(
                java.util.List.of("saving", "fails"), java.util.List.of()));
        // a ray is looked for without its colo suffix, the part every stored form starts with
        assertThat(TicketWords.search("8F2B1C3D4E5F6789-FRA").words()).containsExactly("8f2b1c3d4e5f6789");
    }

    @Test
    void evidenceGivesHostsPathsCodesStatusesAndIdsWithRaysAlsoBare() {
        var words = new TicketWords.Index().text("Profiles are empty")
                .url("https://db.supabase.co/rest/v1/rpc/list_profiles?select=*&apikey=[REDACTED:api-key:1a2b3c4d]")
                .status(500).code("42P17").code("net::ERR_CONNECTION_RESET")
                .codesIn("{\"error\":{\"code\":\"model_cap_exceeded\",\"type\":\"invalid_request_error\"}}")
                .identifier("8f2b1c3d4e5f6789-FRA").identifier("req_0123456789abcdef").words();
        assertThat(words).contains("profiles", "db.supabase.co", "supabase.co", "rest/v1/rpc/list_profiles",
                "list_profiles", "500", "42p17", "err_connection_reset", "model_cap_exceeded", "invalid_request_error",
                "8f2b1c3d4e5f6789", "8f2b1c3d4e5f6789-fra", "req_0123456789abcdef")
                .doesNotContain("select", "apikey", "redacted", "req");
        // what the index holds, a search for the same text finds
        assertThat(words).containsAll(TicketWords.search("https://db.supabase.co/rest/v1/rpc/list_profiles").words());
    }

    @Test
    void anUnderscoreIsEscapedInALikePrefix() {
        assertThat(TicketWords.likePrefix("insufficient_quota")).isEqualTo("insufficient\\_quota%");
        assertThat(TicketWords.likePrefix("api.openai.com")).isEqualTo("api.openai.com%");
    }
}
