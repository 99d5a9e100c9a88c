package dev.triagedesk.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.triagedesk.desk.DeskService;
import dev.triagedesk.staff.Role;
import dev.triagedesk.staff.StaffService;
import dev.triagedesk.staff.StaffUser;
import dev.triagedesk.support.TicketFixtures;
import dev.triagedesk.support.TriageDeskTest;
import dev.triagedesk.ticket.Product;
import dev.triagedesk.ticket.Ticket;
import dev.triagedesk.ticket.TicketStatus;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** The audit trail says only what really happened: a change rolled back leaves no line, a read always does. */
@TriageDeskTest
class AuditLogTests {

    @Autowired
    AuditLog audit;
    @Autowired
    DeskService desk;
    @Autowired
    TicketFixtures fixtures;
    @Autowired
    StaffService staff;
    @Autowired
    PlatformTransactionManager transactions;

    Ticket ticket;
    StaffUser agent;
    TransactionTemplate tx;
    TransactionTemplate newTx;

    @BeforeEach
    void ticketAndAgent() {
        String marker = "audit" + UUID.randomUUID().toString().substring(0, 8);
        ticket = fixtures.submit(TicketFixtures.answers(Product.CHATGPT_WEB, "Audit " + marker, null));
        agent = staff.create("agent-" + marker, null, "correct horse battery staple", Role.AGENT);
        tx = new TransactionTemplate(transactions);
        newTx = new TransactionTemplate(transactions);
        newTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    private java.util.List<String> changes() {
        return audit.trail(ticket.getId()).stream().filter(e -> e.getAction().isChange()
                && e.getAction() != AuditAction.SUBMITTED).map(e -> e.getAction() + " " + e.getDetail()).toList();
    }

    private TicketStatus status() {
        return desk.submitted(ticket.getReference()).orElseThrow().getStatus();
    }

    @Test
    void aChangeRolledBackAfterItWasAuditedLeavesNoLine() {
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
            desk.changeStatus(ticket.getReference(), TicketStatus.TRIAGING, agent.getUsername());
            desk.addNote(ticket.getReference(), "never kept", agent.getUsername());
            throw new IllegalStateException("fails after the change was audited");
        })).hasMessageContaining("fails after");
        assertThat(status()).isEqualTo(TicketStatus.NEW);
        assertThat(desk.notes(ticket.getReference())).isEmpty();
        assertThat(changes()).isEmpty();
    }

    @Test
    void aChangeLosingToAConcurrentEditLeavesOnlyTheEditThatHappened() {
        String ref = ticket.getReference();
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
            desk.submitted(ref); // this agent has read the ticket (status new) ...
            // ... when another agent's change commits
            newTx.executeWithoutResult(other -> desk.changeStatus(ref, TicketStatus.ESCALATED, "bob"));
            desk.changeStatus(ref, TicketStatus.RESOLVED, agent.getUsername());
        })).isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(status()).isEqualTo(TicketStatus.ESCALATED);
        assertThat(changes()).containsExactly("STATUS_CHANGED New → " + TicketStatus.ESCALATED.label());
    }

    @Test
    void aChangeIsRecordedOnlyInsideTheTransactionThatMakesIt() {
        assertThatThrownBy(() -> audit.recordChange(ticket.getId(), "bob", AuditAction.STATUS_CHANGED, "x"))
                .isInstanceOf(IllegalTransactionStateException.class);
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> audit.recordChange(ticket.getId(), "bob",
                AuditAction.VIEWED, null))).isInstanceOf(IllegalArgumentException.class);
        assertThat(audit.trail(ticket.getId())).noneMatch(e -> e.getActor().equals("bob"));
    }

    @Test
    void aReadIsRecordedOnItsOwnEvenInsideAReadOnlyTransaction() {
        TransactionTemplate readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        readOnly.executeWithoutResult(s -> audit.recordAccess(ticket.getId(), "bob", AuditAction.VIEWED, null));
        assertThat(desk.open(ticket.getReference(), "carol")).isPresent();
        assertThat(audit.trail(ticket.getId())).extracting(AuditEvent::getActor, AuditEvent::getAction)
                .contains(org.assertj.core.groups.Tuple.tuple("bob", AuditAction.VIEWED),
                        org.assertj.core.groups.Tuple.tuple("carol", AuditAction.VIEWED));
        assertThatThrownBy(() -> audit.recordAccess(ticket.getId(), "bob", AuditAction.NOTE_ADDED, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
