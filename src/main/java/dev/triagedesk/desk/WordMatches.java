package dev.triagedesk.desk;

import dev.triagedesk.ticket.TicketWords;
import jakarta.persistence.EntityManager;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The submitted tickets having every word of a search (each word, or a word starting with it), found in the word
 * index ({@code ticket_word}) alone.
 *
 * <p>Each word's tickets are one range of the index's (word, ticket) key, read in one pass; the ranges are
 * intersected here, in a few milliseconds for tens of thousands of tickets, and the queue's query then takes the
 * tickets found as one array ({@link QueueFunctions}). Letting the database intersect them cost seconds at 100,000
 * tickets: H2 looked up every ticket of the first word one by one (random reads of whole ticket rows, in no order)
 * and tested it against the next word's tickets, twice (the page and its count); its set operations and
 * correlated probes cost several microseconds a row. Once few tickets are left, the remaining words are probed for
 * those tickets only.
 */
final class WordMatches {

    /**
     * At most this many tickets are handed to the queue's query (as an array written into the statement, some 7
     * bytes each); beyond it, the query tests each word itself, which is slower when the page has few matches.
     */
    static final int LISTED = 100_000;
    /** Below this many tickets left, the next word is probed for those tickets only, not read whole. */
    private static final int PROBED_BELOW = 1_000;

    private final long[] tickets;
    private final int count;

    private WordMatches(long[] tickets, int count) {
        this.tickets = tickets;
        this.count = count;
    }

    /** How many tickets have every word. */
    int count() {
        return count;
    }

    /** Whether the tickets are listed: at most the {@code listed} limit given to {@link #of} were found. */
    boolean listed() {
        return tickets != null;
    }

    /** The tickets found, in ascending order (the order the database looks them up fastest), if {@link #listed()}. */
    Long[] tickets() {
        return Arrays.stream(tickets).boxed().toArray(Long[]::new);
    }

    static WordMatches of(List<String> words, EntityManager entities) {
        return of(words, entities, LISTED, PROBED_BELOW);
    }

    static WordMatches of(List<String> words, EntityManager entities, int listed, int probedBelow) {
        // a longer word usually starts fewer words of the index: read the smallest ranges first
        List<String> longestFirst = words.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
        long[] found = null;
        for (String word : longestFirst) {
            // letters, digits and . _ - / (TicketWords): only "_" means something to LIKE
            String prefix = TicketWords.likePrefix(word);
            if (found == null) {
                found = ticketsOf(prefix, entities);
            } else if (found.length < probedBelow) {
                found = sortedDistinct(entities.createQuery("select w.key.ticketId from TicketWord w"
                                + " where " + like(word) + " and w.key.ticketId in :tickets", Long.class)
                        .setParameter("prefix", prefix).setParameter("tickets", Arrays.stream(found).boxed().toList())
                        .getResultList());
            } else {
                found = intersection(found, ticketsOf(prefix, entities));
            }
            if (found.length == 0) {
                break;
            }
        }
        found = found == null ? new long[0] : found;
        return new WordMatches(found.length <= listed ? found : null, found.length);
    }

    /** Every ticket holding a word that starts with {@code prefix}: one range of the index, sorted and distinct. */
    private static long[] ticketsOf(String prefix, EntityManager entities) {
        return sortedDistinct(entities.createQuery("select w.key.ticketId from TicketWord w"
                + " where " + like(prefix), Long.class).setParameter("prefix", prefix).getResultList());
    }

    /** The prefix condition; an escape character is named only for a word with an escaped "_" in it. */
    private static String like(String word) {
        return word.indexOf('_') >= 0 ? "w.key.word like :prefix escape '\\'" : "w.key.word like :prefix";
    }

    private static long[] sortedDistinct(List<Long> ids) {
        long[] a = new long[ids.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = ids.get(i);
        }
        Arrays.sort(a);
        int n = 0;
        for (int i = 0; i < a.length; i++) {
            if (n == 0 || a[n - 1] != a[i]) {
                a[n++] = a[i];
            }
        }
        return Arrays.copyOf(a, n);
    }

    /** Both arrays sorted and distinct: one merge pass. */
    static long[] intersection(long[] a, long[] b) {
        long[] out = new long[Math.min(a.length, b.length)];
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < a.length && j < b.length) {
            if (a[i] < b[j]) {
                i++;
            } else if (a[i] > b[j]) {
                j++;
            } else {
                out[n++] = a[i];
                i++;
                j++;
            }
        }
        return Arrays.copyOf(out, n);
    }
}
