package dev.triagedesk.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.triagedesk.audit.AuditAction;
import dev.triagedesk.audit.AuditEvent;
import dev.triagedesk.audit.AuditLog;
import dev.triagedesk.evidence.TriagePath;
import dev.triagedesk.export.QueueRow;
import dev.triagedesk.staff.Role;
import dev.triagedesk.staff.StaffService;
import dev.triagedesk.staff.StaffUser;
import dev.triagedesk.support.TicketFixtures;
import dev.triagedesk.support.TriageDeskTest;
import dev.triagedesk.ticket.Product;
import dev.triagedesk.ticket.Ticket;
import dev.triagedesk.ticket.TicketStatus;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@TriageDeskTest
class DeskServiceTests {

    @Autowired
    DeskService desk;
    @Autowired
    TicketFixtures fixtures;
    @Autowired
    StaffService staff;
    @Autowired
    AuditLog audit;
    @Autowired
    jakarta.persistence.EntityManager entities;
    @Autowired
    dev.triagedesk.ticket.TicketRepository ticketRepository;

    Ticket supabase;
    Ticket github;
    String marker;
    StaffUser agent;

    @BeforeEach
    void tickets() {
        marker = "zebra" + UUID.randomUUID().toString().substring(0, 8);
        supabase = fixtures.submit(TicketFixtures.answers(Product.CHATGPT_WEB, "Saving fails " + marker,
                marker + "@example.com"), "user-masteralan360-asaas-chrome143-404-body.har");
        github = fixtures.submit(TicketFixtures.answers(Product.OPENAI_API, "Nothing loads " + marker, null),
                "harviewer-issue61-ie11-network-inspector.har");
        agent = staff.create("agent-" + marker, "Agent " + marker, "correct horse battery staple", Role.AGENT);
    }

    private java.util.List<String> refs(TicketFilter f) {
        return desk.queue(f, 0, 50).tickets().map(Ticket::getReference).toList();
    }

    private TicketFilter search(String q) {
        return new TicketFilter(q, null, null, null, null, null, null, null, null);
    }

    @Test
    void oneSearchBoxFindsByReferenceRequestIdConversationEmailOrWords() {
        assertThat(refs(search(supabase.getReference().toLowerCase()))).containsExactly(supabase.getReference());
        assertThat(refs(search("019B9869-D481-7819-A1B6-FEA08D7E5AD5"))).contains(supabase.getReference())
                .doesNotContain(github.getReference());
        assertThat(refs(search(marker + "@EXAMPLE.com"))).containsExactly(supabase.getReference());
        assertThat(refs(search("saving " + marker))).containsExactly(supabase.getReference());
        // words match as prefixes, case-insensitively, and every word must match
        assertThat(refs(search("SAV " + marker.substring(0, 10)))).containsExactly(supabase.getReference());
        assertThat(refs(search("saving loads " + marker))).isEmpty();
        assertThat(refs(search(marker))).containsExactlyInAnyOrder(supabase.getReference(), github.getReference());
        assertThat(refs(search("no-such-thing-" + marker))).isEmpty();
    }

    @Test
    void filtersByProductVerdictAssigneeDatesAndEvidence() {
        String words = marker;
        assertThat(refs(new TicketFilter(words, null, null, Product.OPENAI_API, null, null, null, null, null)))
                .containsExactly(github.getReference());
        TriagePath supabasePath = supabase.getVerdictPath();
        assertThat(refs(new TicketFilter(words, null, supabasePath, null, null, null, null, null, null)))
                .contains(supabase.getReference());
        desk.assign(github.getReference(), agent.getId(), "admin");
        assertThat(refs(new TicketFilter(words, null, null, null, agent.getId(), null, null, null, null)))
                .containsExactly(github.getReference());
        assertThat(refs(new TicketFilter(words, null, null, null, -1L, null, null, null, null)))
                .containsExactly(supabase.getReference());
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertThat(refs(new TicketFilter(words, null, null, null, null, today, today, true, "reference")))
                .containsExactly(supabase.getReference(), github.getReference());
        assertThat(refs(new TicketFilter(words, null, null, null, null, today.plusDays(1), null, null, null))).isEmpty();
        assertThat(refs(new TicketFilter(words, null, null, null, null, null, null, false, null))).isEmpty();
    }

    @Test
    void workflowChangesAreAuditedAndNotesKept() {
        String ref = supabase.getReference();
        desk.open(ref, agent.getUsername());
        java.time.Instant submitted = desk.submitted(ref).orElseThrow().getUpdatedAt();
        desk.changeStatus(ref, TicketStatus.TRIAGING, agent.getUsername());
        assertThat(desk.submitted(ref).orElseThrow().getUpdatedAt()).as("last change").isAfter(submitted);
        desk.changeStatus(ref, TicketStatus.TRIAGING, agent.getUsername()); // no change, no line
        desk.assign(ref, agent.getId(), agent.getUsername());
        desk.addNote(ref, "Asked the reporter for a console log.", agent.getUsername());
        assertThat(desk.notes(ref)).extracting(TicketNote::getBody).containsExactly("Asked the reporter for a console log.");
        assertThat(refs(new TicketFilter(marker, TicketStatus.TRIAGING, null, null, null, null, null, null, null)))
                .containsExactly(ref);
        assertThat(audit.trail(supabase.getId())).extracting(AuditEvent::getAction, AuditEvent::getDetail).containsSubsequence(
                org.assertj.core.groups.Tuple.tuple(AuditAction.NOTE_ADDED, null),
                org.assertj.core.groups.Tuple.tuple(AuditAction.ASSIGNED, "nobody → " + agent.getUsername()),
                org.assertj.core.groups.Tuple.tuple(AuditAction.STATUS_CHANGED, "New → Triaging"),
                org.assertj.core.groups.Tuple.tuple(AuditAction.VIEWED, null));
        assertThatThrownBy(() -> desk.addNote(ref, "  ", agent.getUsername())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void eachRowHandsOverTheQueueInItsOrderAndTellsALongerQueue() {
        desk.assign(github.getReference(), agent.getId(), "admin");
        java.util.List<QueueRow> rows = new java.util.ArrayList<>();
        TicketFilter byReference = new TicketFilter(marker, null, null, null, null, null, null, null, "reference");
        assertThat(desk.eachRow(byReference, 10, rows::add)).isEqualTo(2);
        assertThat(rows).extracting(QueueRow::reference, QueueRow::assignee,
                QueueRow::product).containsExactly(
                org.assertj.core.groups.Tuple.tuple(supabase.getReference(), null, Product.CHATGPT_WEB),
                org.assertj.core.groups.Tuple.tuple(github.getReference(), agent.getUsername(), Product.OPENAI_API));
        assertThat(rows.get(0).reporterEmail()).isEqualTo(marker + "@example.com");
        assertThat(rows.get(0).status()).isEqualTo(TicketStatus.NEW);
        rows.clear();
        // one more row than asked for is read, not handed over: the caller learns the queue is longer
        assertThat(desk.eachRow(byReference, 1, rows::add)).isEqualTo(2);
        assertThat(rows).extracting(QueueRow::reference).containsExactly(supabase.getReference());
    }

    @Test
    void wordSearchFindsTheSameTicketsHoweverTheWordsAreLookedUp() {
        Ticket third = fixtures.submit(TicketFixtures.answers(Product.CHATGPT_WEB,
                "Saving spins forever, saved drafts vanish " + marker, null));
        // listed (with words probed once few tickets are left, or each read whole), or too many to list and
        // tested by the query word by word: the same tickets, and the count the queue shows
        java.util.List<String> words = java.util.List.of("sav", marker.substring(0, 12));
        for (WordMatches matches : java.util.List.of(WordMatches.of(words, entities),
                WordMatches.of(words, entities, WordMatches.LISTED, 0), WordMatches.of(words, entities, 0, 0))) {
            assertThat(matches.count()).isEqualTo(2); // "saving" and "saved" in one ticket count it once
            assertThat(byWords("sav " + marker.substring(0, 12), matches))
                    .containsExactlyInAnyOrder(supabase.getReference(), third.getReference());
        }
        assertThat(WordMatches.of(java.util.List.of("saving", "loads", marker), entities, 0, 0).count()).isZero();
        assertThat(byWords("saving loads " + marker, WordMatches.of(java.util.List.of("saving", "loads", marker),
                entities, 0, 0))).isEmpty();
        assertThat(byWords("nothing " + marker, WordMatches.of(java.util.List.of("nothing", marker), entities,
                0, 0))).containsExactly(github.getReference());

        // through the queue: the page and the total, with and without another filter
        DeskService.QueuePage page = desk.queue(search("SAV " + marker), 0, 1);
        assertThat(page.tickets().getTotalElements()).isEqualTo(2);
        assertThat(page.tickets().getContent()).extracting(Ticket::getReference).containsExactly(third.getReference());
        assertThat(desk.queue(search("sav " + marker), 1, 1).tickets().getContent()).extracting(Ticket::getReference)
                .containsExactly(supabase.getReference());
        desk.changeStatus(third.getReference(), TicketStatus.TRIAGING, "admin");
        DeskService.QueuePage triaging = desk.queue(new TicketFilter("sav " + marker, TicketStatus.TRIAGING, null,
                null, null, null, null, null, null), 0, 50);
        assertThat(triaging.tickets().getTotalElements()).isEqualTo(1);
        assertThat(triaging.tickets().getContent()).extracting(Ticket::getReference).containsExactly(third.getReference());
    }

    private java.util.List<String> byWords(String q, WordMatches matches) {
        TicketQueue.Search words = TicketQueue.Search.of(q, ids -> false, email -> false);
        assertThat(words.kind()).isEqualTo(TicketQueue.Search.Kind.WORDS);
        return ticketRepository.findAll(TicketQueue.of(TicketFilter.none(), words.with(matches))).stream()
                .map(Ticket::getReference).toList();
    }

    @Test
    void intersectionOfSortedTickets() {
        assertThat(WordMatches.intersection(new long[] {1, 3, 5, 7, 9}, new long[] {2, 3, 4, 9, 10}))
                .containsExactly(3, 9);
        assertThat(WordMatches.intersection(new long[] {1, 2}, new long[] {})).isEmpty();
    }
}
