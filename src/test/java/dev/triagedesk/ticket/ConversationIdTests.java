package dev.triagedesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The bare ID a conversation URL is indexed and searched by, whatever the reporter's address bar added to it. */
class ConversationIdTests {

    static final String ID = "6915a9bc-afa8-8327-9a1b-0123456789ab";

    @Test
    void aQueryAFragmentOrATrailingSlashIsNotPartOfTheId() {
        assertThat(ConversationId.of("https://chatgpt.com/c/" + ID)).isEqualTo(ID);
        assertThat(ConversationId.of("https://chatgpt.com/c/" + ID + "?model=gpt-5")).isEqualTo(ID);
        assertThat(ConversationId.of("https://chatgpt.com/c/" + ID + "#message-3")).isEqualTo(ID);
        assertThat(ConversationId.of("https://chatgpt.com/c/" + ID + "/")).isEqualTo(ID);
        assertThat(ConversationId.of("https://chatgpt.com/c/" + ID + "//?model=gpt-5#x")).isEqualTo(ID);
        // a slash in the query is not a path segment
        assertThat(ConversationId.of("https://chatgpt.com/c/" + ID + "/?ref=a/b")).isEqualTo(ID);
        assertThat(ConversationId.of("  https://chatgpt.com/c/" + ID + "?model=gpt-5  ")).isEqualTo(ID);
    }

    @Test
    void projectAndShareLinksGiveTheirConversationId() {
        assertThat(ConversationId.of("https://chatgpt.com/g/g-abc123-helper/c/" + ID + "?model=gpt-5")).isEqualTo(ID);
        assertThat(ConversationId.of("https://chatgpt.com/share/" + ID.toUpperCase())).isEqualTo(ID.toUpperCase());
        // an ID-shaped segment wins over a trailing one that is not
        assertThat(ConversationId.of("https://chatgpt.com/c/" + ID + "/edit")).isEqualTo(ID);
    }

    @Test
    void otherAddressesGiveTheirLastSegmentOrNothing() {
        assertThat(ConversationId.of("https://example.com/chats/abc123?x=1")).isEqualTo("abc123");
        assertThat(ConversationId.of("https://chatgpt.com/")).isNull();
        assertThat(ConversationId.of("https://chatgpt.com?x=/y")).isNull();
        assertThat(ConversationId.of(null)).isNull();
    }
}
