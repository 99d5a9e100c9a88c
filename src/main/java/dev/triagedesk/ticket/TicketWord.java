package dev.triagedesk.ticket;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;
import org.springframework.data.domain.Persistable;

/** One word of a submitted ticket's text, for the queue's search box (see {@link TicketWords}). */
@Entity
@Table(name = "ticket_word")
public class TicketWord implements Persistable<TicketWord.Key> {

    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "ticket_id", nullable = false)
        private Long ticketId;
        @Column(name = "word", length = TicketWords.MAX_LENGTH, nullable = false)
        private String word;

        protected Key() {
        }

        Key(Long ticketId, String word) {
            this.ticketId = ticketId;
            this.word = word;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(ticketId, k.ticketId) && Objects.equals(word, k.word);
        }

        @Override
        public int hashCode() {
            return Objects.hash(ticketId, word);
        }
    }

    @EmbeddedId
    private Key key;

    protected TicketWord() {
    }

    TicketWord(long ticketId, String word) {
        this.key = new Key(ticketId, word);
    }

    @Override
    public Key getId() {
        return key;
    }

    /** Always inserted fresh (a ticket's words are deleted first), so no look-up before each insert. */
    @Override
    public boolean isNew() {
        return true;
    }
}
